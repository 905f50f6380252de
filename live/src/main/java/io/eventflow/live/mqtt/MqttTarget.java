package io.eventflow.live.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how an {@link MqttLink} connects.
 *
 * @param host the broker's host
 * @param port its port
 * @param v5 MQTT 5 (else 3.1.1)
 * @param tls TLS with the JVM's default trust
 * @param username user name or null
 * @param password password or null (a secret: never printed)
 * @param timeout connect and request timeout
 * @param where for messages: the broker and its address, without settings
 * @param setUp tells when the broker has finished setting up a connection after its CONNACK (the embedded
 *     Moquette, {@link MoquetteConnections}); null: at CONNACK
 */
record MqttTarget(
        String host,
        int port,
        boolean v5,
        boolean tls,
        String username,
        String password,
        Duration timeout,
        String where,
        SetUp setUp) {
    MqttTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(where, "where");
    }

    /** A broker whose connections are set up when it sends CONNACK. */
    MqttTarget(
            String host,
            int port,
            boolean v5,
            boolean tls,
            String username,
            String password,
            Duration timeout,
            String where) {
        this(host, port, v5, tls, username, password, timeout, where, null);
    }

    @Override
    public String toString() {
        return where;
    }

    /** Tells when a broker has finished setting up a client's connection, counted per client id. */
    interface SetUp {
        /** The connections of {@code clientId} set up so far. */
        int connections(String clientId);

        /** Waits until {@code clientId} has {@code n} connections set up; false after {@code timeout}. */
        boolean await(String clientId, int n, Duration timeout) throws InterruptedException;
    }
}
