package io.eventflow.live.postgres;

import io.eventflow.live.ConsumerSpec;
import io.eventflow.live.Delivery;
import io.eventflow.live.DeliveryHandler;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.tinylog.Logger;

/**
 * A LISTEN session of one service instance: its own connection and thread. Every listening session gets every
 * notification; nothing is stored, so there is nothing to ack or give back (ack and nack do nothing), and a crash
 * loses what the connection had buffered.
 */
final class PostgresLiveConsumer implements LiveConsumer {
    private final Connection connection;
    private final ConsumerSpec spec;
    private final DeliveryHandler handler;
    private final Runnable listening;
    private final BiConsumer<Boolean, Long> left;
    private volatile long lastHanded = -1;
    private volatile boolean ready;
    private volatile boolean stopping;
    private Thread thread;

    PostgresLiveConsumer(
            Connection connection,
            ConsumerSpec spec,
            DeliveryHandler handler,
            Runnable listening,
            BiConsumer<Boolean, Long> left) {
        this.connection = connection;
        this.spec = spec;
        this.handler = handler;
        this.listening = listening;
        this.left = left;
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void start() throws LiveException {
        try (Statement st = connection.createStatement()) {
            st.execute("LISTEN " + quoted(spec.channel().name()));
        } catch (SQLException e) {
            throw new LiveException(
                    "consumer " + spec.clientId() + " could not LISTEN on '"
                            + spec.channel().name() + "': " + e.getMessage(),
                    e);
        }
        listening.run();
        ready = true;
        thread = new Thread(this::loop, "pg-listener " + spec.clientId());
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            while (!stopping) {
                PGNotification[] got = pg.getNotifications(100);
                if (got == null || got.length == 0 || stopping) {
                    continue;
                }
                List<Delivery> batch = new ArrayList<>();
                for (PGNotification n : got) {
                    Envelope e = PostgresWire.read(n.getParameter());
                    if (e != null) {
                        lastHanded = Math.max(lastHanded, e.messageId());
                        batch.add(new Delivery() {
                            @Override
                            public Envelope envelope() {
                                return e;
                            }

                            @Override
                            public boolean redelivered() {
                                return false;
                            }

                            @Override
                            public void ack() {}

                            @Override
                            public void nack() {}
                        });
                    }
                }
                if (!batch.isEmpty()) {
                    handler.onBatch(this, batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            if (!stopping) {
                Logger.warn("listener {} stopped: {}", spec.clientId(), e.getMessage());
            }
        }
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public void close() {
        stopping = true;
        join();
        try {
            connection.close();
        } catch (SQLException e) {
            Logger.debug("close: {}", e.getMessage());
        }
        left.accept(false, lastHanded);
    }

    @Override
    public void kill() {
        stopping = true;
        try {
            connection.abort(Runnable::run);
        } catch (SQLException e) {
            Logger.debug("abort: {}", e.getMessage());
        }
        join();
        left.accept(true, lastHanded);
    }

    private void join() {
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
