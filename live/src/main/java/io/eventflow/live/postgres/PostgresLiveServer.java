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
    /** Listening instances by (channel name, group). */
    private final Map<String, Integer> listening = new ConcurrentHashMap<>();
    /** When each (channel, group) had no listener: nanoTime intervals (end -1 while open). */
    private final Map<String, List<long[]>> gaps = new ConcurrentHashMap<>();
    /** Sends: message id and time, by channel name. */
    private final Map<String, Map<Long, Long>> sends = new ConcurrentHashMap<>();

    private final long startNanos = System.nanoTime();

    PostgresLiveServer(String url, Properties credentials, String description, EmbeddedPostgresServer embedded)
            throws SQLException {
        this.url = url;
        this.credentials = credentials;
        this.description = description;
        this.embedded = embedded;
        try (Connection probe = connect()) {
            probe.isValid(5);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials);
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
        Connection c;
        PreparedStatement notify;
        try {
            c = connect();
            c.setAutoCommit(true);
            notify = c.prepareStatement("SELECT pg_notify(?, ?)");
        } catch (SQLException e) {
            throw new LiveException("producer " + spec.clientId() + " could not connect: " + e.getMessage(), e);
        }
        return new LiveProducer() {
            @Override
            public void send(LiveChannel channel, Envelope message, SendCallback callback) {
                sends.computeIfAbsent(channel.name(), k -> new ConcurrentHashMap<>())
                        .put(message.messageId(), System.nanoTime());
                try {
                    notify.setString(1, channel.name());
                    notify.setString(2, PostgresWire.write(message));
                    notify.execute();
                } catch (SQLException e) {
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
        Connection c;
        try {
            c = connect();
        } catch (SQLException e) {
            throw new LiveException("consumer " + spec.clientId() + " could not connect: " + e.getMessage(), e);
        }
        return new PostgresLiveConsumer(
                c,
                spec,
                handler,
                () -> {
                    if (listening.merge(key, 1, Integer::sum) == 1) {
                        List<long[]> list = gaps.computeIfAbsent(key, k -> new ArrayList<>());
                        synchronized (list) {
                            if (list.isEmpty()) {
                                list.add(new long[] {startNanos, System.nanoTime()});
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
                            list.add(new long[] {start, -1});
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
                        out.put(id, "notListening");
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
        if (embedded != null) {
            embedded.close();
        }
    }
}
