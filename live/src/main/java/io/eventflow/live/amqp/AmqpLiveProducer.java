package io.eventflow.live.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveProducer;
import io.eventflow.live.ProducerSpec;
import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.Overflow;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;

/**
 * A RabbitMQ publisher of one service instance: its own connection, publisher confirms, the mandatory flag (an
 * unroutable message is a failed send, not a silent drop), persistent messages on durable queues. The callback comes
 * when the broker confirms (ack) or refuses (nack: e.g. a full queue with {@code overflow: reject-publish}).
 *
 * <p>When its connection breaks (a broker crash, a reset on a fault proxy link) every send the broker had not
 * confirmed fails (the run counts it lost, {@code crash} while the broker is down, else {@code network}, unless the
 * broker had stored it after all), and the producer connects again: at the next send, at most every
 * {@value #RECONNECT_MILLIS} ms, and at once when the run restarted a crashed node. A send while it is not connected fails at once, as a publish on a closed channel
 * does. The client does not send a failed message again; the run does, per the design's producer {@code retry}
 * ({@code internal.ProducerRetry}).
 */
final class AmqpLiveProducer implements LiveProducer {
    private static final long FLUSH_MILLIS = 30_000;
    static final long RECONNECT_MILLIS = 200;

    private final ConnectionFactory factory;
    private final ProducerSpec spec;
    private final String prefix;
    private volatile Link link;
    private volatile boolean closing;
    private long nextAttempt;
    private String lastFailure = "not connected";
    /** How many times the run restarted the crashed node; a producer that sees a new one connects at once. */
    private final java.util.function.LongSupplier restarts;

    private long restartsSeen;

    /** {@code rejectsWhenFull}: the target queue has a {@code maxLength} and refuses new messages at it. */
    private record Pending(Envelope message, SendCallback callback, boolean rejectsWhenFull) {}

    /** One connection and its confirm channel: its sends awaiting the broker's answer, by publish sequence number. */
    private final class Link {
        final Connection connection;
        final Channel channel;
        final ConcurrentNavigableMap<Long, Pending> pending = new ConcurrentSkipListMap<>();
        final Map<Long, String> returned = new java.util.concurrent.ConcurrentHashMap<>();

        Link() throws IOException, TimeoutException {
            connection = factory.newConnection(spec.clientId());
            try {
                channel = connection.createChannel();
                channel.confirmSelect();
            } catch (IOException | RuntimeException e) {
                connection.abort(0);
                throw e;
            }
            channel.addReturnListener(r -> {
                Object id = r.getProperties().getHeaders() == null
                        ? null
                        : r.getProperties().getHeaders().get(AmqpWire.SEQUENCE);
                if (id != null) {
                    returned.put(
                            Long.parseLong(id.toString()),
                            "unroutable: no queue bound to exchange '" + r.getExchange() + "' with routing key '"
                                    + r.getRoutingKey() + "' (" + r.getReplyText() + ")");
                }
            });
            channel.addConfirmListener(
                    (tag, multiple) -> done(tag, multiple, null, false),
                    (tag, multiple) -> done(
                            tag,
                            multiple,
                            "refused by the broker (nack: e.g. the queue is full with overflow reject-publish)",
                            true));
            channel.addShutdownListener(cause -> failAll("the connection closed: " + cause.getMessage()));
        }

        private void done(long tag, boolean multiple, String error, boolean nack) {
            if (multiple) {
                for (Long t : pending.headMap(tag, true).keySet().toArray(new Long[0])) {
                    complete(t, error, nack);
                }
            } else {
                complete(tag, error, nack);
            }
        }

        /** Answers a send: acknowledged (no error), returned unroutable, refused by a nack, or failed otherwise. */
        void complete(long tag, String error, boolean nack) {
            Pending p = pending.remove(tag);
            if (p == null) {
                return;
            }
            String unroutable = returned.remove(tag);
            if (unroutable != null) {
                p.callback().done(p.message(), new IOException(unroutable));
            } else if (error != null) {
                p.callback()
                        .done(
                                p.message(),
                                nack ? new LiveProducer.Refused(error, p.rejectsWhenFull()) : new IOException(error));
            } else {
                p.callback().done(p.message(), null);
            }
        }

        void failAll(String why) {
            for (Long tag : pending.keySet().toArray(new Long[0])) {
                complete(tag, why, false);
            }
        }
    }

    AmqpLiveProducer(
            ConnectionFactory factory, ProducerSpec spec, String prefix, java.util.function.LongSupplier restarts)
            throws LiveException {
        this.factory = factory;
        this.spec = spec;
        this.prefix = prefix;
        this.restarts = restarts;
        this.restartsSeen = restarts.getAsLong();
        try {
            this.link = new Link();
        } catch (IOException | TimeoutException e) {
            throw new LiveException(
                    "producer " + spec.clientId() + " could not connect to RabbitMQ: " + e.getMessage(), e);
        }
    }

    /** The open link, connecting again (at most every {@value #RECONNECT_MILLIS} ms) when the last one broke. */
    private Link open() {
        Link l = link;
        if (l != null && l.channel.isOpen()) {
            return l;
        }
        long now = System.currentTimeMillis();
        // a node the run restarted is back: connect at once rather than after the wait (sends failing in that wait
        // would be lost 'network' although the crash made them fail)
        long r = restarts.getAsLong();
        boolean nodeBack = r != restartsSeen;
        restartsSeen = r;
        if (closing || (now < nextAttempt && !nodeBack)) {
            return null;
        }
        nextAttempt = now + RECONNECT_MILLIS;
        try {
            link = new Link();
            return link;
        } catch (IOException | TimeoutException | RuntimeException e) {
            lastFailure = AmqpLiveServer.rootMessage(e);
            return null;
        }
    }

    @Override
    public void send(LiveChannel target, Envelope message, SendCallback callback) {
        Link l = open();
        if (l == null) {
            callback.done(message, new IOException("not connected to RabbitMQ (" + lastFailure + ")"));
            return;
        }
        long tag = l.channel.getNextPublishSeqNo();
        Map<String, Object> headers = new HashMap<>(AmqpWire.headers(message));
        headers.put(AmqpWire.SEQUENCE, Long.toString(tag));
        boolean durable = !Boolean.FALSE.equals(AmqpQueue.of(target.channel()).durable());
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                .messageId(Long.toString(message.messageId()))
                .correlationId(Long.toString(message.correlationId()))
                .timestamp(new java.util.Date(message.publishedAtMicros() / 1000))
                .deliveryMode(durable ? 2 : 1)
                .contentType("application/json")
                .headers(headers)
                .build();
        AmqpQueue q = AmqpQueue.of(target.channel());
        boolean rejectsWhenFull = q.maxLength() != null && q.overflowOrDefault() != Overflow.DROP_HEAD;
        l.pending.put(tag, new Pending(message, callback, rejectsWhenFull));
        try {
            l.channel.basicPublish(
                    AmqpTopology.exchange(prefix, AmqpQueue.of(target.channel())),
                    AmqpTopology.routingKey(target),
                    true,
                    props,
                    message.payload());
        } catch (IOException | RuntimeException e) {
            if (l.pending.remove(tag) != null) { // else the connection's end answered it already
                callback.done(message, e);
            }
        }
    }

    @Override
    public void flush() {
        long deadline = System.currentTimeMillis() + FLUSH_MILLIS;
        Link l = link;
        while (!l.pending.isEmpty() && System.currentTimeMillis() < deadline && l.channel.isOpen()) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        flush();
        closing = true;
        Link l = link;
        try {
            l.connection.close(5000);
        } catch (IOException | RuntimeException e) {
            l.connection.abort();
        }
        l.failAll("the producer closed before the broker confirmed");
    }

    @Override
    public void kill() {
        closing = true;
        Link l = link;
        l.connection.abort(0);
        l.failAll("the producer crashed before the broker confirmed");
    }
}
