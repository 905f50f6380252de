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
 */
final class AmqpLiveProducer implements LiveProducer {
    private static final long FLUSH_MILLIS = 30_000;

    private final Connection connection;
    private final Channel channel;
    private final String prefix;
    private final ConcurrentNavigableMap<Long, Pending> pending = new ConcurrentSkipListMap<>();
    private final Map<Long, String> returned = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code rejectsWhenFull}: the target queue has a {@code maxLength} and refuses new messages at it. */
    private record Pending(Envelope message, SendCallback callback, boolean rejectsWhenFull) {}

    AmqpLiveProducer(ConnectionFactory factory, ProducerSpec spec, String prefix) throws LiveException {
        this.prefix = prefix;
        try {
            this.connection = factory.newConnection(spec.clientId());
            this.channel = connection.createChannel();
            channel.confirmSelect();
        } catch (IOException | TimeoutException e) {
            throw new LiveException(
                    "producer " + spec.clientId() + " could not connect to RabbitMQ: " + e.getMessage(), e);
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
        Map<Long, Pending> acked = multiple ? pending.headMap(tag, true) : null;
        if (acked != null) {
            for (Long t : acked.keySet().toArray(new Long[0])) {
                complete(t, error, nack);
            }
        } else {
            complete(tag, error, nack);
        }
    }

    private void complete(long tag, String error) {
        complete(tag, error, false);
    }

    /** Answers a send: acknowledged (no error), returned unroutable, refused by a nack, or failed otherwise. */
    private void complete(long tag, String error, boolean nack) {
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

    private void failAll(String why) {
        for (Long tag : pending.keySet().toArray(new Long[0])) {
            complete(tag, why);
        }
    }

    @Override
    public void send(LiveChannel target, Envelope message, SendCallback callback) {
        long tag = channel.getNextPublishSeqNo();
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
        pending.put(tag, new Pending(message, callback, rejectsWhenFull));
        try {
            channel.basicPublish(
                    AmqpTopology.exchange(prefix, AmqpQueue.of(target.channel())),
                    AmqpTopology.routingKey(target),
                    true,
                    props,
                    message.payload());
        } catch (IOException | RuntimeException e) {
            pending.remove(tag);
            callback.done(message, e);
        }
    }

    @Override
    public void flush() {
        long deadline = System.currentTimeMillis() + FLUSH_MILLIS;
        while (!pending.isEmpty() && System.currentTimeMillis() < deadline && channel.isOpen()) {
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
        try {
            connection.close(5000);
        } catch (IOException | RuntimeException e) {
            connection.abort();
        }
        failAll("the producer closed before the broker confirmed");
    }

    @Override
    public void kill() {
        connection.abort(0);
        failAll("the producer crashed before the broker confirmed");
    }
}
