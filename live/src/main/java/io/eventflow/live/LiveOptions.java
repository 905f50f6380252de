package io.eventflow.live;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a live run that connectors need.
 *
 * @param runPrefix prefix of every name the run creates (topics, queues, groups), e.g. {@code ef-3f9a2c-}
 * @param connectTimeout how long connecting to a server may take before the run fails naming it
 * @param keep keep the topology after the run (else what the run created is deleted)
 */
public record LiveOptions(String runPrefix, Duration connectTimeout, boolean keep) {
    public LiveOptions {
        Objects.requireNonNull(runPrefix, "runPrefix");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }
}
