package io.eventflow.live;

import io.eventflow.model.design.ProducerSettings;
import java.util.Objects;

/**
 * What a producer client is for.
 *
 * @param clientId the instance's identity, unique in the run, e.g. {@code ef-3f9a2c-checkout#0}
 * @param service the design's service id
 * @param settings the design's producer settings (acks, idempotence, transactions, retries)
 */
public record ProducerSpec(String clientId, String service, ProducerSettings settings) {
    public ProducerSpec {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(settings, "settings");
    }
}
