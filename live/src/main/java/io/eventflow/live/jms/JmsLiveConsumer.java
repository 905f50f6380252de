package io.eventflow.live.jms;

import io.eventflow.live.ConsumerSpec;
import io.eventflow.live.Delivery;
import io.eventflow.live.DeliveryHandler;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveException;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.ActiveMQConnection;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.ActiveMQSession;
import org.apache.activemq.RedeliveryPolicy;
import org.tinylog.Logger;

/**
 * A JMS consumer of one service instance, on its own connection and thread. A queue is read as is; a topic is read
 * through the group's virtual-topic queue ({@link EmbeddedActiveMq#groupQueue}). Acks: AUTO_ACKNOWLEDGE for
 * at-most-once (acked when received), ActiveMQ's INDIVIDUAL_ACKNOWLEDGE after processing, CLIENT_ACKNOWLEDGE of
 * everything received at the first batch after each interval for periodic commits. A nack recovers the session
 * after the batch (redelivered at once, JMSRedelivered set). Redelivery limits are the run's (retries and
 * dead-lettering as the design says): the client's own limit is off. A crash drops the transport without a close
 * handshake, and the broker gives what the consumer held to the others.
 *
 * <p>When its connection fails under it (a connection reset on its fault proxy link, a broker crash), it connects
 * again every 200 ms with the same client id and subscribes again, as an application with an exception listener
 * does: what it had received and not acknowledged is redelivered by the broker (JMSRedelivered), and the
 * acknowledgements of deliveries it processed on the old connection are void.
 */
final class JmsLiveConsumer implements LiveConsumer {
    private final ActiveMQConnectionFactory factory;
    private final ConsumerSpec spec;
    private final DeliveryHandler handler;
    private final String source;
    private final Runnable joined;
    private final Runnable reconnected;
    private final java.util.function.Consumer<Boolean> left;
    private volatile Connection connection;
    private volatile boolean broken;
    private Session session;
    private MessageConsumer consumer;
    private volatile boolean ready;
    private volatile boolean stopping;
    private Thread thread;
    private Message lastReceived;
    private long lastCommit = System.currentTimeMillis();
    private boolean recover;

    /**
     * @param joined called when it starts
     * @param reconnected called each time it subscribed again after its connection failed
     * @param left called once after it closed (false) or crashed (true)
     */
    JmsLiveConsumer(
            ActiveMQConnectionFactory base,
            ConsumerSpec spec,
            DeliveryHandler handler,
            String source,
            Runnable joined,
            Runnable reconnected,
            java.util.function.Consumer<Boolean> left) {
        this.factory = base.copy();
        this.joined = joined;
        this.reconnected = reconnected;
        this.left = left;
        this.spec = spec;
        this.handler = handler;
        this.source = source;
        factory.getPrefetchPolicy().setAll(spec.prefetch());
        RedeliveryPolicy redelivery = new RedeliveryPolicy();
        redelivery.setMaximumRedeliveries(RedeliveryPolicy.NO_MAXIMUM_REDELIVERIES);
        redelivery.setInitialRedeliveryDelay(0);
        redelivery.setRedeliveryDelay(0);
        factory.setRedeliveryPolicy(redelivery);
        factory.setNonBlockingRedelivery(false);
    }

    private int ackMode() {
        return switch (spec.ack()) {
            case ON_RECEIVE -> Session.AUTO_ACKNOWLEDGE;
            case AUTO -> Session.CLIENT_ACKNOWLEDGE;
            case AFTER_PROCESSING -> ActiveMQSession.INDIVIDUAL_ACKNOWLEDGE;
        };
    }

    @Override
    public void start() throws LiveException {
        try {
            open();
            joined.run();
            ready = true;
        } catch (JMSException e) {
            dropTransport(connection);
            left.accept(false);
            throw new LiveException(
                    "consumer " + spec.clientId() + " could not read '" + source + "': " + e.getMessage(), e);
        }
        thread = new Thread(this::loop, "jms-consumer " + spec.clientId());
        thread.setDaemon(true);
        thread.start();
    }

    /** Connects, subscribes and starts receiving; the connection's failure marks it broken. */
    private void open() throws JMSException {
        connection = factory.createConnection();
        connection.setClientID(spec.clientId());
        connection.setExceptionListener(e -> broken = true);
        session = connection.createSession(false, ackMode());
        consumer = session.createConsumer(session.createQueue(source));
        connection.start();
    }

    /** After a failure: drops the dead connection and connects again until it works or the consumer stops. */
    private void reconnect() throws InterruptedException {
        Connection dead = connection;
        dropTransport(dead);
        try {
            dead.close();
        } catch (JMSException | RuntimeException e) {
            Logger.debug("close of a failed connection: {}", e.getMessage());
        }
        lastReceived = null;
        recover = false;
        while (!stopping) {
            broken = false;
            try {
                open();
                if (stopping) { // closed or killed meanwhile: the new connection goes too
                    dropTransport(connection);
                    return;
                }
                Logger.debug("consumer {} connected again", spec.clientId());
                reconnected.run();
                return;
            } catch (JMSException | RuntimeException e) {
                dropTransport(connection);
                Thread.sleep(200);
            }
        }
    }

    private void loop() {
        while (!stopping) {
            try {
                pass();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (JMSException | RuntimeException e) {
                if (stopping) {
                    return;
                }
                Logger.debug("consumer {}: {}; connecting again", spec.clientId(), e.getMessage());
                broken = true;
            }
        }
    }

    /** One receive and the batch it starts; connects again first when the connection failed. */
    private void pass() throws JMSException, InterruptedException {
        if (broken) {
            reconnect();
            return;
        }
        Message first = consumer.receive(100);
        commitIfDue();
        if (first == null) {
            return;
        }
        List<Delivery> batch = new ArrayList<>();
        for (Message m = first; m != null; m = batch.size() < spec.prefetch() ? consumer.receiveNoWait() : null) {
            lastReceived = m;
            Envelope e = JmsWire.read(m);
            if (e != null) {
                batch.add(new JmsDelivery(m, e));
            } else if (spec.ack() == ConsumerSpec.Ack.AFTER_PROCESSING) {
                m.acknowledge();
            }
        }
        handler.onBatch(this, batch);
        if (recover) {
            recover = false;
            session.recover();
        }
    }

    private void commitIfDue() throws JMSException {
        if (spec.ack() != ConsumerSpec.Ack.AUTO || lastReceived == null) {
            return;
        }
        long now = System.currentTimeMillis();
        if (now - lastCommit >= spec.commitIntervalMillis()) {
            lastCommit = now;
            lastReceived.acknowledge();
            lastReceived = null;
        }
    }

    private final class JmsDelivery implements Delivery {
        private final Message message;
        private final Envelope envelope;

        JmsDelivery(Message message, Envelope envelope) {
            this.message = message;
            this.envelope = envelope;
        }

        @Override
        public Envelope envelope() {
            return envelope;
        }

        @Override
        public boolean redelivered() {
            try {
                return message.getJMSRedelivered();
            } catch (JMSException e) {
                return false;
            }
        }

        @Override
        public void ack() {
            if (spec.ack() != ConsumerSpec.Ack.AFTER_PROCESSING) {
                return;
            }
            try {
                message.acknowledge();
            } catch (JMSException e) {
                Logger.debug("ack failed: {}", e.getMessage());
            }
        }

        @Override
        public void nack() {
            if (spec.ack() != ConsumerSpec.Ack.ON_RECEIVE) {
                recover = true;
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
            if (spec.ack() == ConsumerSpec.Ack.AUTO && lastReceived != null) {
                lastReceived.acknowledge();
            }
            connection.close();
        } catch (JMSException | RuntimeException e) {
            dropTransport(connection);
        }
        left.accept(false);
    }

    @Override
    public void kill() {
        stopping = true;
        dropTransport(connection);
        if (thread != null) {
            thread.interrupt();
        }
        join();
        dropTransport(connection); // a reconnect may have finished meanwhile
        left.accept(true);
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

    /** Drops the connection's socket without a close handshake (a crash). */
    static void dropTransport(Connection connection) {
        if (connection instanceof ActiveMQConnection amq) {
            try {
                amq.getTransport().stop();
            } catch (Exception e) {
                Logger.debug("transport stop: {}", e.getMessage());
            }
        }
    }
}
