package io.eventflow.model.kind;

import io.eventflow.model.design.TimeSpan;

/**
 * How long a channel keeps a message nobody has read yet, and the setting that says so (for lint messages).
 *
 * @param kept the time a message stays on the channel
 * @param setting the name of the channel setting that sets it, e.g. {@code retention} or {@code ttl}
 */
public record Retention(TimeSpan kept, String setting) {}
