package io.eventflow.live.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.ConsumerSpec.Ack;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveConnectors;
import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveServer;
import io.eventflow.live.server.ContractDriver;
import io.eventflow.live.server.ContractDriver.Seen;
import io.eventflow.live.server.LocalServerTests;
import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Design;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The JMS connector on the embedded ActiveMQ, through the live contract, on the trading sample's destinations. */
class JmsConnectorTest {

    @Test
    void queueWithCrashRedeliveryAndTopicGroupsDurableAndNot() throws Exception {
        Design sample = LocalServerTests.sample("trading-jms");
        var connector = LiveConnectors.find(BrokerKind.JMS).orElseThrow();
        var broker = sample.broker("amq").orElseThrow();
        // maxLength with reject-publish runs on the embedded broker; on the user's ActiveMQ it is named.
        assertThat(connector.unsupported(sample, broker, true)).isEmpty();
        assertThat(connector.unsupported(sample, broker, false))
                .contains("channel 'orders': maxLength 100000 with overflow reject-publish is not run live on your "
                        + "ActiveMQ Classic, which limits queues by memory, not by count (the embedded broker runs "
                        + "maxLength on queues with overflow reject-publish)");
        // The orders queue as designed, with maxLength 150 instead of 100,000 so that the test fills it.
        Design design = sample.withChannels(sample.channels().stream()
                .map(c -> c.id().equals("orders") ? c.with(maxLength(AmqpQueue.of(c), 150)) : c)
                .toList());
        Map<String, LiveChannel> channels = ContractDriver.channels(design, "amq");
        try (LiveServer server = connector.start(broker, null, ContractDriver.OPTIONS)) {
            server.createTopology(new ArrayList<>(channels.values()));

            // Queue: a holds its first 5 (prefetch 5) unacked and crashes; b gets them redelivered.
            LiveChannel orders = channels.get("orders");
            assertThat(ContractDriver.send(server, orders, 0, 100)).hasSize(100);
            // 100 stored, room for 50 more: of 60 sent, 50 are taken and 10 refused (reject-publish).
            assertThat(ContractDriver.send(server, orders, 500, 60)).hasSize(50);
            assertThat(server.depth(orders, "matching-engine")).isEqualTo(150);
            Set<Long> held = ConcurrentHashMap.newKeySet();
            LiveConsumer a = ContractDriver.consumer(
                    server,
                    "a",
                    orders,
                    "matching-engine",
                    Ack.AFTER_PROCESSING,
                    5,
                    d -> held.add(d.envelope().messageId()) ? null : null,
                    new Seen());
            ContractDriver.startAll(List.of(a));
            ContractDriver.await(Duration.ofSeconds(5), () -> held.size() >= 5);
            a.kill();
            Seen matched = new Seen();
            LiveConsumer b = ContractDriver.consumer(
                    server, "b", orders, "matching-engine", Ack.AFTER_PROCESSING, 10, d -> true, matched);
            ContractDriver.startAll(List.of(b));
            assertThat(ContractDriver.await(
                            Duration.ofSeconds(20), () -> matched.processed().size() >= 150))
                    .isTrue();
            b.close();
            List<Long> taken = new ArrayList<>(range(0, 100));
            taken.addAll(range(500, 550));
            assertThat(matched.processed().keySet()).containsExactlyInAnyOrderElementsOf(taken);
            // What a held unacked is redelivered (and more: ActiveMQ extends the prefetch window by delivered acks,
            // so the messages dispatched to a but not yet handed out come back marked redelivered too).
            assertThat(held).hasSizeGreaterThanOrEqualTo(5);
            assertThat(matched.redelivered()).containsAll(held);
            assertThat(server.pending(orders, "matching-engine")).isEmpty();
            assertThat(server.depth(orders, "matching-engine")).isZero();

            // Topic: risk (durable, 1 instance) and dashboard (non-durable, 2 instances sharing one copy).
            LiveChannel trades = channels.get("trades");
            var riskSub = ContractDriver.subscription(design, "risk", "trades");
            var dashSub = ContractDriver.subscription(design, "dashboard", "trades");
            Seen risk = new Seen();
            Seen dash = new Seen();
            LiveConsumer r0 = ContractDriver.consumer(
                    server, "risk#0", trades, riskSub, "ef-test-risk", Ack.AFTER_PROCESSING, 10, d -> true, risk);
            LiveConsumer d0 = ContractDriver.consumer(
                    server, "dash#0", trades, dashSub, "ef-test-dashboard", Ack.ON_RECEIVE, 10, d -> true, dash);
            LiveConsumer d1 = ContractDriver.consumer(
                    server, "dash#1", trades, dashSub, "ef-test-dashboard", Ack.ON_RECEIVE, 10, d -> true, dash);
            ContractDriver.startAll(List.of(r0, d0, d1));
            assertThat(ContractDriver.send(server, trades, 1000, 50)).hasSize(50);
            assertThat(ContractDriver.await(
                            Duration.ofSeconds(10),
                            () -> risk.processed().size() >= 50
                                    && dash.processed().size() >= 50))
                    .isTrue();
            // One copy per group: the dashboard's two instances shared the 50 (none twice).
            assertThat(dash.processed().values()).allMatch(n -> n == 1);
            assertThat(dash.processed().keySet()).isEqualTo(risk.processed().keySet());

            // Every instance goes; 20 are published while they are away. Durable risk keeps its 20; the
            // non-durable dashboard subscription is gone, and so are the 20 for it.
            r0.close();
            d0.close();
            d1.close();
            assertThat(ContractDriver.send(server, trades, 2000, 20)).hasSize(20);
            assertThat(server.pending(trades, "ef-test-risk")).containsExactlyInAnyOrderElementsOf(range(2000, 2020));
            Seen dashLater = new Seen();
            LiveConsumer d2 = ContractDriver.consumer(
                    server, "dash#0", trades, dashSub, "ef-test-dashboard", Ack.ON_RECEIVE, 10, d -> true, dashLater);
            ContractDriver.startAll(List.of(d2));
            Thread.sleep(500);
            d2.close();
            assertThat(dashLater.processed()).isEmpty();

            server.deleteTopology();
        }
    }

    private static AmqpQueue maxLength(AmqpQueue q, int max) {
        return new AmqpQueue(
                q.exchange(), q.exchangeType(), q.routingKey(), q.bindings(), q.ttl(), max, q.overflow(), q.durable());
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }
}
