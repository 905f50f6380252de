package io.eventflow.live.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.jms.EmbeddedActiveMq.DeadLetterRoute;
import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.RedeliveryPolicy;
import org.junit.jupiter.api.Test;

class EmbeddedActiveMqTest {

    @Test
    void aCrashCutsTheClientsAndTheBrokerComesBackEmptyOnItsPort() throws Exception {
        try (EmbeddedActiveMq broker = EmbeddedActiveMq.start()) {
            ActiveMQConnectionFactory factory = broker.connectionFactory();
            Set<Integer> acked = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
            Thread sender = new Thread(() -> {
                try {
                    Connection c = factory.createConnection();
                    c.start();
                    Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    var p = s.createProducer(s.createQueue("kept"));
                    p.setDeliveryMode(jakarta.jms.DeliveryMode.PERSISTENT);
                    for (int i = 0; i < 100_000; i++) {
                        try {
                            p.send(s.createTextMessage("m" + i));
                            acked.add(i);
                        } catch (jakarta.jms.JMSException e) {
                            failed.incrementAndGet();
                            break; // the connection is gone
                        }
                    }
                } catch (jakarta.jms.JMSException e) {
                    failed.incrementAndGet();
                }
            });
            sender.start();
            while (acked.size() < 200) {
                Thread.sleep(5);
            }
            broker.crash();
            sender.join(10_000);
            assertThat(broker.down()).isTrue();
            assertThat(failed.get()).isEqualTo(1);
            broker.restart();
            assertThat(broker.down()).isFalse();
            // the client sees the broker again on the same port; without persistence the queue starts empty
            try (JMSContext ctx = factory.createContext()) {
                ctx.createProducer().send(ctx.createQueue("kept"), "after");
                assertThat(receiveAll(ctx.createConsumer(ctx.createQueue("kept"))))
                        .containsExactly("after");
            }
        }
    }

    @Test
    void roundTripsQueueAndTopicAndDeadLettersToTheDesignsQueue() throws Exception {
        try (EmbeddedActiveMq broker =
                EmbeddedActiveMq.start(List.of(new DeadLetterRoute(false, "orders", "orders.dlq")))) {
            assertThat(broker.endpoint()).isEqualTo("tcp://127.0.0.1:" + broker.port());
            assertThat(broker.startTime()).isPositive();
            ActiveMQConnectionFactory factory = broker.connectionFactory();
            try (JMSContext ctx = factory.createContext()) {
                Queue queue = ctx.createQueue("q");
                Topic topic = ctx.createTopic("t");
                JMSConsumer topicConsumer = ctx.createConsumer(topic);
                for (int i = 0; i < 1000; i++) {
                    ctx.createProducer().send(queue, "q" + i);
                    ctx.createProducer().send(topic, "t" + i);
                }
                assertThat(receiveAll(ctx.createConsumer(queue))).hasSize(1000).contains("q0", "q999");
                assertThat(receiveAll(topicConsumer)).hasSize(1000).contains("t0", "t999");
            }
            // A consumer that rolls back every delivery: after the first delivery and 2 redeliveries (3 in all),
            // the broker moves the message to the route's queue 'orders.dlq' (non-persistent included).
            RedeliveryPolicy policy = new RedeliveryPolicy();
            policy.setMaximumRedeliveries(2);
            policy.setInitialRedeliveryDelay(0);
            policy.setRedeliveryDelay(0);
            factory.setRedeliveryPolicy(policy);
            Connection connection = factory.createConnection();
            try {
                connection.start();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                Queue orders = session.createQueue("orders");
                session.createProducer(orders).send(session.createTextMessage("poison"));
                session.commit();
                MessageConsumer consumer = session.createConsumer(orders);
                int deliveries = 0;
                for (Message m = consumer.receive(2000); m != null; m = consumer.receive(500)) {
                    deliveries++;
                    session.rollback();
                }
                assertThat(deliveries).isEqualTo(1 + 2);
                MessageConsumer dlq = session.createConsumer(session.createQueue("orders.dlq"));
                Message dead = dlq.receive(5000);
                assertThat(dead).isNotNull();
                assertThat(dead.getBody(String.class)).isEqualTo("poison");
                session.commit();
            } finally {
                connection.close();
            }
        }
    }

    private static Set<String> receiveAll(JMSConsumer consumer) {
        Set<String> bodies = new HashSet<>();
        for (Message m = consumer.receive(5000); m != null; m = consumer.receive(500)) {
            try {
                bodies.add(m.getBody(String.class));
            } catch (jakarta.jms.JMSException e) {
                throw new AssertionError(e);
            }
        }
        return bodies;
    }
}
