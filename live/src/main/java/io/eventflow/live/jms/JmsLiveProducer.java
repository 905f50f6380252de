package io.eventflow.live.jms;

import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveProducer;
import io.eventflow.live.ProducerSpec;
import io.eventflow.model.design.JmsDestination;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.ActiveMQConnection;
import org.apache.activemq.ActiveMQConnectionFactory;

/**
 * A JMS producer of one service instance: its own connection, persistent sends, which ActiveMQ sends synchronously
 * (the send returns when the broker has the message): the callback comes when the send returns. A send on a failed
 * connection fails (the client does not send it again; the run does per the design's producer {@code retry}, else
 * counts it lost); the next send connects again first, with the same client id, as an application does that opens a
 * new connection when its exception listener fired.
 */
final class JmsLiveProducer implements LiveProducer {
    private final ActiveMQConnectionFactory factory;
    private final ProducerSpec spec;
    private Connection connection;
    private Session session;
    private MessageProducer producer;
    private volatile boolean broken;
    private final java.util.function.BiConsumer<LiveChannel, Long> sent;

    /** @param sent told of every send (channel, message id), before it goes */
    JmsLiveProducer(
            ActiveMQConnectionFactory factory, ProducerSpec spec, java.util.function.BiConsumer<LiveChannel, Long> sent)
            throws LiveException {
        this.sent = sent;
        this.factory = factory;
        this.spec = spec;
        try {
            open();
        } catch (JMSException e) {
            JmsLiveConsumer.dropTransport(connection);
            throw new LiveException(
                    "producer " + spec.clientId() + " could not connect to ActiveMQ: " + e.getMessage(), e);
        }
    }

    private void open() throws JMSException {
        connection = factory.createConnection();
        connection.setClientID(spec.clientId());
        connection.setExceptionListener(e -> broken = true);
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        producer = session.createProducer(null);
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
    }

    /** Replaces a failed connection by a new one (one attempt: a send while the broker is away fails). */
    private void reconnect() throws JMSException {
        Connection dead = connection;
        JmsLiveConsumer.dropTransport(dead);
        try {
            dead.close();
        } catch (JMSException | RuntimeException e) {
            // it failed already
        }
        broken = false;
        try {
            open();
        } catch (JMSException | RuntimeException e) {
            broken = true;
            JmsLiveConsumer.dropTransport(connection);
            throw e;
        }
    }

    static Destination destination(Session session, LiveChannel channel) throws JMSException {
        return JmsDestination.of(channel.channel()).isTopic()
                ? session.createTopic(channel.name())
                : session.createQueue(channel.name());
    }

    @Override
    public void send(LiveChannel channel, Envelope message, SendCallback callback) {
        sent.accept(channel, message.messageId());
        try {
            if (broken) {
                reconnect();
            }
            producer.send(destination(session, channel), JmsWire.write(session, message));
        } catch (JMSException | RuntimeException e) {
            if (!(e instanceof jakarta.jms.ResourceAllocationException)) { // a full queue refused it: still connected
                broken = true;
            }
            callback.done(message, e);
            return;
        }
        callback.done(message, null);
    }

    @Override
    public void flush() {
        // Sends are synchronous: nothing is outstanding.
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            kill();
        }
    }

    @Override
    public void kill() {
        JmsLiveConsumer.dropTransport(connection);
    }

    static boolean isActiveMq(Connection c) {
        return c instanceof ActiveMQConnection;
    }
}
