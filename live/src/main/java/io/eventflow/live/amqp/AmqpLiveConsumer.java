package io.eventflow.live.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import io.eventflow.live.ConsumerSpec;
import io.eventflow.live.Delivery;
import io.eventflow.live.DeliveryHandler;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tinylog.Logger;

/**
 * A RabbitMQ consumer of one service instance: its own connection (a crash aborts it, so the broker requeues what it
 * held unacked), {@code basic.qos} prefetch, and acks as the design says: automatic acks for at-most-once, manual
 * {@code basic.ack} after processing, or, for periodic commits, one cumulative ack of everything received at the
 * first batch after each interval. Deliveries are handed to the run on the consumer's own thread, in batches of what
 * has arrived (at most the subscription's concurrency, see {@link #handOver()}).
 *
 * <p>When its connection breaks without it asking (a broker crash, a reset on a fault proxy link) it connects again,
 * every {@value #RECONNECT_MILLIS} ms until the broker answers, and consumes with the same consumer tag. The broker
 * requeued what the old channel held unacked (delivered again, flagged redelivered); an ack of a delivery of the old
 * channel fails (its processing happened: the copy delivered again is a duplicate), and deliveries of the old channel
 * not handed to processing yet are dropped (they are requeued), except with automatic acks, where the broker forgot
 * them when it sent them: they are processed.
 */
final class AmqpLiveConsumer implements LiveConsumer {
    private final ConnectionFactory factory;
    private final ConsumerSpec spec;
    private final DeliveryHandler handler;
    private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private volatile Connection connection;
    private volatile Channel channel;
    private volatile boolean ready;
    private volatile boolean stopping;
    private Thread thread;
    private long lastReceivedTag;
    private Channel lastReceivedOn;
    private long lastCommit = System.currentTimeMillis();
    private long nextAttempt;
    static final long RECONNECT_MILLIS = 250;

    private record Received(Channel on, long tag, boolean redelivered, Envelope envelope) {}

    AmqpLiveConsumer(ConnectionFactory factory, ConsumerSpec spec, DeliveryHandler handler) {
        this.factory = factory;
        this.spec = spec;
        this.handler = handler;
    }

    @Override
    public void start() throws LiveException {
        try {
            connect();
        } catch (IOException | TimeoutException e) {
            abortQuietly();
            throw new LiveException(
                    "consumer " + spec.clientId() + " could not subscribe to queue '"
                            + spec.channel().name() + "': " + e.getMessage(),
                    e);
        }
        thread = new Thread(this::loop, "amqp-consumer " + spec.clientId());
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens a connection and a channel and consumes the queue with the consumer's tag. */
    private void connect() throws IOException, TimeoutException {
        Connection conn = factory.newConnection(spec.clientId());
        connection = conn;
        Channel ch = conn.createChannel();
        ch.basicQos(spec.prefetch());
        boolean autoAck = spec.ack() == ConsumerSpec.Ack.ON_RECEIVE;
        ch.basicConsume(spec.channel().name(), autoAck, spec.clientId(), new DefaultConsumer(ch) {
            @Override
            public void handleConsumeOk(String consumerTag) {
                ready = true;
            }

            @Override
            public void handleDelivery(
                    String tag, com.rabbitmq.client.Envelope env, AMQP.BasicProperties props, byte[] body) {
                Envelope m = AmqpWire.read(props.getHeaders(), body, env.getDeliveryTag());
                if (m != null) {
                    inbox.add(new Received(ch, env.getDeliveryTag(), env.isRedeliver(), m));
                } else if (!autoAck) {
                    // Not this run's message: leave it on the broker for whoever owns it.
                    try {
                        ch.basicNack(env.getDeliveryTag(), false, true);
                    } catch (IOException | RuntimeException e) {
                        Logger.debug("nack of a foreign message failed: {}", e.getMessage());
                    }
                }
            }
        });
        channel = ch;
    }

    /** After the connection broke under it: connects again when due; true when connected. */
    private boolean reconnectIfDue() {
        Channel ch = channel;
        if (ch != null && ch.isOpen()) {
            return true;
        }
        long now = System.currentTimeMillis();
        if (stopping || now < nextAttempt) {
            return false;
        }
        nextAttempt = now + RECONNECT_MILLIS;
        abortQuietly();
        try {
            connect();
            Logger.debug("consumer {} connected again", spec.clientId());
            return true;
        } catch (IOException | TimeoutException | RuntimeException e) {
            Logger.debug("consumer {} could not connect again: {}", spec.clientId(), e.getMessage());
            return false;
        }
    }

    private void loop() {
        try {
            while (!stopping) {
                Received first = inbox.poll(100, TimeUnit.MILLISECONDS);
                reconnectIfDue();
                commitIfDue();
                if (first == null) {
                    continue;
                }
                List<Received> got = new ArrayList<>();
                got.add(first);
                inbox.drainTo(got, handOver() - 1);
                List<Delivery> batch = new ArrayList<>(got.size());
                for (Received r : got) {
                    if (!r.on().isOpen() && spec.ack() != ConsumerSpec.Ack.ON_RECEIVE) {
                        continue; // the broker requeued it with the channel: it comes again
                    }
                    if (r.on() != lastReceivedOn) {
                        lastReceivedOn = r.on();
                        lastReceivedTag = 0;
                    }
                    lastReceivedTag = Math.max(lastReceivedTag, r.tag());
                    batch.add(new AmqpDelivery(r));
                }
                if (!batch.isEmpty()) {
                    handler.onBatch(this, batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopping) {
                Logger.warn("consumer {} stopped: {}", spec.clientId(), e.getMessage());
            }
        }
    }

    /**
     * How many deliveries are handed to processing at once: as many as the workers start together (the
     * subscription's concurrency, at most the prefetch). The rest of the prefetch waits in the inbox, like the
     * client's buffer it is: when the channel closes under it (a broker crash, a reset) those deliveries are dropped
     * (the broker requeued them) instead of being processed with acks that cannot reach the broker, as the simulator
     * drops a member's prefetched messages.
     */
    private int handOver() {
        return Math.min(spec.prefetch(), Math.max(1, spec.subscription().concurrencyOrDefault()));
    }

    /** Periodic commits: one cumulative ack of everything received so far, at the first batch after the interval. */
    private void commitIfDue() {
        if (spec.ack() != ConsumerSpec.Ack.AUTO || lastReceivedTag == 0) {
            return;
        }
        long now = System.currentTimeMillis();
        if (now - lastCommit >= spec.commitIntervalMillis()) {
            lastCommit = now;
            ackUpTo(lastReceivedTag);
        }
    }

    private void ackUpTo(long tag) {
        try {
            lastReceivedOn.basicAck(tag, true);
        } catch (IOException | RuntimeException e) {
            Logger.debug("ack failed: {}", e.getMessage());
        }
    }

    private final class AmqpDelivery implements Delivery {
        private final Received received;

        AmqpDelivery(Received received) {
            this.received = received;
        }

        @Override
        public Envelope envelope() {
            return received.envelope();
        }

        @Override
        public boolean redelivered() {
            return received.redelivered();
        }

        @Override
        public void ack() {
            if (spec.ack() != ConsumerSpec.Ack.AFTER_PROCESSING) {
                return;
            }
            try {
                received.on().basicAck(received.tag(), false);
            } catch (IOException | RuntimeException e) {
                Logger.debug("ack failed: {}", e.getMessage());
            }
        }

        @Override
        public void nack() {
            if (spec.ack() == ConsumerSpec.Ack.ON_RECEIVE) {
                return;
            }
            try {
                received.on().basicNack(received.tag(), false, true);
            } catch (IOException | RuntimeException e) {
                Logger.debug("nack failed: {}", e.getMessage());
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
        if (spec.ack() == ConsumerSpec.Ack.AUTO && lastReceivedTag > 0) {
            ackUpTo(lastReceivedTag);
        }
        try {
            if (connection != null) {
                connection.close(5000);
            }
        } catch (IOException | RuntimeException e) {
            abortQuietly();
        }
    }

    @Override
    public void kill() {
        stopping = true;
        abortQuietly();
        if (thread != null) {
            thread.interrupt();
        }
        join();
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

    private void abortQuietly() {
        if (connection != null) {
            connection.abort(0);
        }
    }
}
