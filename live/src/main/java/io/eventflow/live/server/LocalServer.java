package io.eventflow.live.server;

import io.eventflow.model.design.BrokerKind;
import java.time.Duration;

/**
 * A broker server this process started for a live run: in-process (a Java server) or one or more child processes (a
 * server program of the machine, see {@link ChildProcessServer}); each kind's is in its package of {@code
 * io.eventflow.live}. It listens on 127.0.0.1 only, on a port
 * chosen free at start, and {@link #close()} stops it and everything it started (processes, threads, temporary
 * files). Nothing else is ever stopped or deleted.
 */
public interface LocalServer extends AutoCloseable {

    /** The broker kind it serves. */
    BrokerKind kind();

    /**
     * The address its clients connect to, in the kind's usual form, e.g. {@code tcp://127.0.0.1:1883} or {@code
     * http://127.0.0.1:9324}. Carries no secret.
     */
    String endpoint();

    /** The port it listens on (127.0.0.1). */
    int port();

    /** What runs, for the log and the report: the server's name and version, in-process or its process ids. */
    String description();

    /** How long the start took, until the server accepted clients. */
    Duration startTime();

    /** Stops the server and removes what it wrote; idempotent, never throws. */
    @Override
    void close();
}
