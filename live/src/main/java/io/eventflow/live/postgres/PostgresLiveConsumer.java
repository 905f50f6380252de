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
 * loses what the connection had buffered. When its session drops under it (a reset connection, the server killed),
 * it connects again every 200 ms and LISTENs again, as a listener application does; what was sent meanwhile is not
 * sent again.
 */
final class PostgresLiveConsumer implements LiveConsumer {
    /** Opens a new session (for a reconnect). */
    interface Connect {
        Connection open() throws SQLException;
    }

    private volatile Connection connection;
    private final Connect connect;
    private final java.util.function.LongConsumer dropped;
    private final ConsumerSpec spec;
    private final DeliveryHandler handler;
    private final Runnable listening;
    private final BiConsumer<Boolean, Long> left;
    private volatile long lastHanded = -1;
    /** True while this listener counts as listening for its group (told by listening, not yet by dropped or left). */
    private volatile boolean counted;

    private volatile boolean ready;
    private volatile boolean stopping;
    private Thread thread;

    /**
     * @param listening called each time it LISTENs (at the start and after each reconnect)
     * @param left called once when it closed (false) or crashed (true), with the last message id it handed over
     * @param dropped called when its session dropped under it, with the last message id it handed over
     */
    PostgresLiveConsumer(
            Connection connection,
            Connect connect,
            ConsumerSpec spec,
            DeliveryHandler handler,
            Runnable listening,
            BiConsumer<Boolean, Long> left,
            java.util.function.LongConsumer dropped) {
        this.connection = connection;
        this.connect = connect;
        this.dropped = dropped;
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
        counted = true;
        ready = true;
        thread = new Thread(this::loop, "pg-listener " + spec.clientId());
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!stopping) {
            try {
                listen();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                if (stopping) {
                    return;
                }
                Logger.debug("listener {}: {}; connecting again", spec.clientId(), e.getMessage());
                if (counted) {
                    counted = false;
                    dropped.accept(lastHanded);
                }
                try {
                    reconnect();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Drops the dead session and opens a new one that LISTENs, until it works or the listener stops. */
    private void reconnect() throws InterruptedException {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException e) {
            Logger.debug("abort: {}", e.getMessage());
        }
        while (!stopping) {
            try {
                Connection c = connect.open();
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + quoted(spec.channel().name()));
                }
                connection = c;
                if (stopping) { // closed or killed meanwhile
                    c.abort(Runnable::run);
                    return;
                }
                listening.run();
                counted = true;
                return;
            } catch (SQLException e) {
                Thread.sleep(200);
            }
        }
    }

    private void listen() throws SQLException, InterruptedException {
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
        if (counted) {
            counted = false;
            left.accept(false, lastHanded);
        }
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
        try {
            connection.abort(Runnable::run); // a reconnect may have finished meanwhile
        } catch (SQLException e) {
            Logger.debug("abort: {}", e.getMessage());
        }
        if (counted) {
            counted = false;
            left.accept(true, lastHanded);
        }
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
