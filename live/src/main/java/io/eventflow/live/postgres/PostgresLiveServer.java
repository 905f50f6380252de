package io.eventflow.live.postgres;

import io.eventflow.live.ConsumerSpec;
import io.eventflow.live.DeliveryHandler;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveProducer;
import io.eventflow.live.LiveServer;
import io.eventflow.live.ProducerSpec;
import io.eventflow.live.proxy.RoutedServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tinylog.Logger;

/**
 * Postgres LISTEN/NOTIFY for a live run (the embedded PostgreSQL or the user's). Nothing to create: a channel is a
 * NOTIFY channel name. Nothing persists: depth is 0, nothing is pending or read back. A group misses what is sent
 * while none of its instances listens ({@code notListening}), which {@link #losses} reports from the send times the
 * producers saw; each listening instance gets its own copy.
 */
final class PostgresLiveServer implements LiveServer {
    private final String url;
    private final Properties credentials;
    private final String description;
    private final EmbeddedPostgresServer embedded;
    private final io.eventflow.live.proxy.FaultProxy proxy;
    /** Per routed design service: its fault proxy link to the embedded server. */
    private final Map<String, io.eventflow.live.proxy.ProxyLink> links;

    private final String runPrefix;
    /** True from a broker-crash until the server is back: a session that drops meanwhile drops by the crash. */
    private volatile boolean down;
    /** Listening instances by (channel name, group). */
    private final Map<String, Integer> listening = new ConcurrentHashMap<>();
    /**
     * When each (channel, group) had no listener: nanoTime intervals {start, end (-1 while open), wire end}; sends
     * in [start, wire end] were on the wire to the group's last session when it dropped (lost by what dropped it),
     * later ones found no session listening.
     */
    private final Map<String, List<long[]>> gaps = new ConcurrentHashMap<>();
    /** Per gap (by its array), the cause of the sends on the wire: crash or network. */
    private final Map<long[], String> wireCauses =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    /** Sends: message id and time, by channel name. */
    private final Map<String, Map<Long, Long>> sends = new ConcurrentHashMap<>();

    private final long startNanos = System.nanoTime();

    PostgresLiveServer(String url, Properties credentials, String description, EmbeddedPostgresServer embedded)
            throws SQLException {
        this(url, credentials, description, embedded, null, Map.of(), "");
    }

    /**
     * @param proxy the fault proxy in front of the embedded server (null: none), closed with this server
     * @param links per routed design service, its link of {@code proxy}
     * @param runPrefix the run's prefix of client ids (to tell a consumer's service)
     */
    PostgresLiveServer(
            String url,
            Properties credentials,
            String description,
            EmbeddedPostgresServer embedded,
            io.eventflow.live.proxy.FaultProxy proxy,
            Map<String, io.eventflow.live.proxy.ProxyLink> links,
            String runPrefix)
            throws SQLException {
        this.url = url;
        this.credentials = credentials;
        this.description = description;
        this.embedded = embedded;
        this.proxy = proxy;
        this.links = Map.copyOf(links);
        this.runPrefix = runPrefix;
        try (Connection probe = connect()) {
            probe.isValid(5);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials);
    }

    /** A session for design service {@code service} (null: unknown): through its proxy link when routed. */
    Connection connect(String service) throws SQLException {
        var link = service == null ? null : links.get(service);
        if (link == null) {
            return connect();
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + link.port() + "/postgres", credentials);
    }

    /** The routed design service a consumer's client id ({@code prefix + service#n@channel}) belongs to, or null. */
    private String serviceOf(String clientId) {
        return RoutedServices.serviceOf(clientId, runPrefix, links.keySet());
    }

    @Override
    public List<io.eventflow.live.proxy.ProxyLink> links(String service) {
        var l = links.get(service);
        return l == null ? List.of() : List.of(l);
    }

    /**
     * Kills the embedded server (kill -9 of the postmaster and its processes): every session ends; NOTIFYs fail until
     * the restart; listeners LISTEN again when it is back. Nothing was stored, so nothing comes back.
     */
    @Override
    public void crashNode(int node) throws LiveException {
        if (embedded == null) {
            throw new LiveException(description + " is not one this run started: it is not crashed live");
        }
        if (node != 0) {
            throw new LiveException("the embedded PostgreSQL has one node (0), not " + node);
        }
        down = true;
        try {
            embedded.crash();
        } catch (RuntimeException e) {
            throw new LiveException(e.getMessage(), e);
        }
    }

    @Override
    public void restartNode(int node) throws LiveException {
        if (embedded == null || node != 0) {
            throw new LiveException(description + ": no node " + node + " to restart");
        }
        try {
            embedded.restart();
        } catch (RuntimeException e) {
            throw new LiveException(e.getMessage(), e);
        }
        down = false;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean embedded() {
        return embedded != null;
    }

    @Override
    public void createTopology(List<LiveChannel> channels) {
        // NOTIFY channels need no declaration.
    }

    @Override
    public void deleteTopology() {}

    @Override
    public LiveProducer producer(ProducerSpec spec) throws LiveException {
        Connection first;
        try {
            first = connect(spec.service());
            first.setAutoCommit(true);
        } catch (SQLException e) {
            throw new LiveException("producer " + spec.clientId() + " could not connect: " + e.getMessage(), e);
        }
        // A NOTIFY on a broken session fails (sent again by the run only per the design's producer retry, else lost);
        // the next one opens a new session first.
        return new LiveProducer() {
            private Connection c = first;
            private PreparedStatement notify;
            private boolean broken;

            @Override
            public void send(LiveChannel channel, Envelope message, SendCallback callback) {
                sends.computeIfAbsent(channel.name(), k -> new ConcurrentHashMap<>())
                        .put(message.messageId(), System.nanoTime());
                try {
                    if (broken) {
                        c.abort(Runnable::run);
                        c = connect(spec.service());
                        c.setAutoCommit(true);
                        notify = null;
                        broken = false;
                    }
                    if (notify == null) {
                        notify = c.prepareStatement("SELECT pg_notify(?, ?)");
                    }
                    notify.setString(1, channel.name());
                    notify.setString(2, PostgresWire.write(message));
                    notify.execute();
                } catch (SQLException e) {
                    broken = true;
                    callback.done(message, e);
                    return;
                }
                callback.done(message, null);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {
                try {
                    c.close();
                } catch (SQLException e) {
                    Logger.debug("close: {}", e.getMessage());
                }
            }

            @Override
            public void kill() {
                try {
                    c.abort(Runnable::run);
                } catch (SQLException e) {
                    Logger.debug("abort: {}", e.getMessage());
                }
            }
        };
    }

    @Override
    public LiveConsumer consumer(ConsumerSpec spec, DeliveryHandler handler) throws LiveException {
        String key = spec.channel().name() + "\u0000" + spec.group();
        String service = serviceOf(spec.clientId());
        Connection c;
        try {
            c = connect(service);
        } catch (SQLException e) {
            throw new LiveException("consumer " + spec.clientId() + " could not connect: " + e.getMessage(), e);
        }
        return new PostgresLiveConsumer(
                c,
                () -> connect(service),
                spec,
                handler,
                () -> {
                    if (listening.merge(key, 1, Integer::sum) == 1) {
                        List<long[]> list = gaps.computeIfAbsent(key, k -> new ArrayList<>());
                        synchronized (list) {
                            if (list.isEmpty()) {
                                list.add(new long[] {startNanos, System.nanoTime(), startNanos - 1});
                            } else if (list.get(list.size() - 1)[1] < 0) {
                                list.get(list.size() - 1)[1] = System.nanoTime();
                            }
                        }
                    }
                },
                (crashed, lastHanded) -> {
                    if (listening.merge(key, -1, Integer::sum) <= 0) {
                        // A crash also loses what its connection had received but not handed over: the group's
                        // gap starts after the last notification the crashed listener handed over.
                        long start = System.nanoTime();
                        Long handedAt = sends.getOrDefault(spec.channel().name(), Map.of())
                                .get(lastHanded);
                        if (crashed && handedAt != null) {
                            start = handedAt + 1;
                        }
                        List<long[]> list = gaps.computeIfAbsent(key, k -> new ArrayList<>());
                        synchronized (list) {
                            list.add(new long[] {start, -1, start - 1});
                        }
                    }
                },
                lastHanded -> {
                    // The session dropped under the listener (a reset connection, the server killed): what was on
                    // the wire to it since the last notification it handed over is lost by what dropped it; until it
                    // LISTENs again, the group is not listening
                    if (listening.merge(key, -1, Integer::sum) <= 0) {
                        long now = System.nanoTime();
                        Long handedAt = sends.getOrDefault(spec.channel().name(), Map.of())
                                .get(lastHanded);
                        long start = handedAt != null ? Math.min(now, handedAt + 1) : now;
                        long[] gap = {start, -1, now};
                        List<long[]> list = gaps.computeIfAbsent(key, k -> new ArrayList<>());
                        synchronized (list) {
                            list.add(gap);
                            wireCauses.put(gap, down ? "crash" : "network");
                        }
                    }
                });
    }

    @Override
    public long depth(LiveChannel channel, String group) {
        return 0;
    }

    @Override
    public Set<Long> pending(LiveChannel channel, String group) {
        return Set.of();
    }

    /** What was sent while the group had no listening instance: {@code notListening}. */
    @Override
    public Map<Long, String> losses(LiveChannel channel, String group) {
        Map<Long, String> out = new HashMap<>();
        List<long[]> list = gaps.getOrDefault(channel.name() + "\u0000" + group, List.of());
        synchronized (list) {
            sends.getOrDefault(channel.name(), Map.of()).forEach((id, at) -> {
                for (long[] gap : list) {
                    if (at >= gap[0] && (gap[1] < 0 || at <= gap[1])) {
                        out.put(id, at <= gap[2] ? wireCauses.getOrDefault(gap, "network") : "notListening");
                    }
                }
            });
        }
        return out;
    }

    @Override
    public List<Envelope> readBack(LiveChannel channel) {
        return List.of();
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
