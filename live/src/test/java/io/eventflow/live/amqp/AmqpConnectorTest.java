package io.eventflow.live.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.ConsumerSpec.Ack;
import io.eventflow.live.Envelope;
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
import io.eventflow.model.design.ExchangeType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The RabbitMQ connector on a private local node, through the live contract, on the payments sample's topology. */
class AmqpConnectorTest {

    @Test
    void runsThePaymentsTopologyWithDlxConfirmsManualAcksAndCrashRedelivery() throws Exception {
        LocalServerTests.requireProgram("rabbitmq-server", LocalRabbitMqServer.program());
        Design sample = LocalServerTests.sample("payments-rabbitmq");
        // notify-sms as designed (maxLength 5000, drop-head, DLX notifications-dlq) but with max length 50, so that
        // a short test overflows it.
        Design design = sample.withChannels(sample.channels().stream()
                .map(c -> c.id().equals("notify-sms") ? c.with(maxLength(AmqpQueue.of(c), 50)) : c)
                .toList());
        var connector = LiveConnectors.find(BrokerKind.AMQP).orElseThrow();
        assertThat(connector.unsupported(design, design.broker("rabbit").orElseThrow(), true))
                .isEmpty();
        Map<String, LiveChannel> channels = ContractDriver.channels(design, "rabbit");
        try (LiveServer server = connector.start(design.broker("rabbit").orElseThrow(), null, ContractDriver.OPTIONS)) {
            assertThat(server.embedded()).isTrue();
            server.createTopology(new ArrayList<>(channels.values()));

            // 60 to a queue of max length 50 with drop-head: the oldest 10 (ids 0..9) go through the DLX
            // 'ef-test-notifications.dlx' (bound with the source queue's address) to notifications-dlq.
            LiveChannel sms = channels.get("notify-sms");
            assertThat(ContractDriver.send(server, sms, 0, 60)).hasSize(60);
            assertThat(server.depth(sms, "notifier")).isEqualTo(50);
            assertThat(server.pending(sms, "notifier")).containsExactlyInAnyOrderElementsOf(range(10, 60));
            List<Envelope> dead = server.readBack(channels.get("notifications-dlq"));
            assertThat(ContractDriver.ids(dead)).containsExactlyInAnyOrderElementsOf(range(0, 10));
            assertThat(dead.get(0).correlationId()).isEqualTo(dead.get(0).messageId());

            // Routed through the topic exchange 'ef-test-payments' by routing key payment.requested.card.
            LiveChannel requests = channels.get("payment-requests");
            assertThat(ContractDriver.send(server, requests, 100, 200)).hasSize(200);
            // Consumer a holds its first 5 deliveries unacked (prefetch 5) and crashes; b then gets them redelivered.
            Seen seen = new Seen();
            Set<Long> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
            LiveConsumer a = ContractDriver.consumer(
                    server,
                    "a",
                    requests,
                    "payments",
                    Ack.AFTER_PROCESSING,
                    5,
                    d -> {
                        held.add(d.envelope().messageId());
                        return null;
                    },
                    new Seen());
            ContractDriver.startAll(List.of(a));
            ContractDriver.await(Duration.ofSeconds(5), () -> held.size() >= 5);
            a.kill();
            LiveConsumer b = ContractDriver.consumer(
                    server, "b", requests, "payments", Ack.AFTER_PROCESSING, 20, d -> true, seen);
            ContractDriver.startAll(List.of(b));
            assertThat(ContractDriver.await(
                            Duration.ofSeconds(20), () -> seen.processed().size() >= 200))
                    .isTrue();
            b.close();
            // Conservation: 200 published = 200 processed, none pending, none dead.
            assertThat(seen.processed().keySet()).containsExactlyInAnyOrderElementsOf(range(100, 300));
            assertThat(seen.redelivered()).isNotEmpty().isSubsetOf(held);
            assertThat(server.pending(requests, "payments")).isEmpty();
            assertThat(seen.envelopes().get(100L).key()).isEqualTo("k" + 100 % 7);

            server.deleteTopology();
            assertThat(server.depth(requests, "payments")).isEqualTo(-1);
        }
        LocalServerTests.assertNoChildNamed("beam.smp");
        LocalServerTests.assertNoChildNamed("epmd");
    }

    private static AmqpQueue maxLength(AmqpQueue q, int max) {
        return new AmqpQueue(
                q.exchange(), q.exchangeType(), q.routingKey(), q.bindings(), q.ttl(), max, q.overflow(), q.durable());
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    @Test
    void headersExchangesAreNamedAsNotRunLive() throws Exception {
        Design sample = LocalServerTests.sample("payments-rabbitmq");
        AmqpQueue q = AmqpQueue.of(sample.channel("notify-sms").orElseThrow());
        Design design = sample.withChannels(sample.channels().stream()
                .map(c -> c.id().equals("notify-sms")
                        ? c.with(new AmqpQueue(
                                q.exchange(),
                                ExchangeType.HEADERS,
                                q.routingKey(),
                                q.bindings(),
                                q.ttl(),
                                q.maxLength(),
                                q.overflow(),
                                q.durable()))
                        : c)
                .toList());
        assertThat(new AmqpConnector()
                        .unsupported(design, design.broker("rabbit").orElseThrow(), false))
                .containsExactly("channel 'notify-sms': headers exchanges are not run live (their bindings match "
                        + "header values the design does not give)");
    }
}
