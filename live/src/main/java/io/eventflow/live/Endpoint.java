package io.eventflow.live;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the user's broker is, from {@code --brokers FILE}: its address and client settings. Secrets are resolved
 * from environment variables into {@code properties}; their keys are in {@code secretKeys} and never printed
 * ({@link #toString()} and {@link #describe()} leave them out).
 *
 * @param brokerId the design's broker id
 * @param address bootstrap servers or URL, e.g. {@code kafka-1:9092,kafka-2:9092} or {@code amqp://mq:5672}
 * @param properties client settings (TLS, SASL, ...), each kind reads those it knows
 * @param secretKeys keys of {@code properties} whose values are secrets
 */
public record Endpoint(String brokerId, String address, Map<String, String> properties, Set<String> secretKeys) {
    public Endpoint {
        Objects.requireNonNull(brokerId, "brokerId");
        Objects.requireNonNull(address, "address");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        secretKeys = secretKeys == null ? Set.of() : Set.copyOf(secretKeys);
    }

    /** For messages: the broker id and address, without any setting. */
    public String describe() {
        return "broker '" + brokerId + "' at " + address;
    }

    /** The settings with every secret replaced by {@code ***}. */
    public Map<String, String> redacted() {
        Map<String, String> m = new TreeMap<>();
        properties.forEach((k, v) -> m.put(k, secretKeys.contains(k) ? "***" : v));
        return m;
    }

    @Override
    public String toString() {
        return "Endpoint[" + brokerId + " " + address + " " + redacted() + "]";
    }
}
