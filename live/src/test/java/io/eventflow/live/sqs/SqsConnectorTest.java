package io.eventflow.live.sqs;

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
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.TimeSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The SQS connector on the embedded ElasticMQ, through the live contract, on the sample's queues. */
class SqsConnectorTest {

    @Test
    void queuesWithRedriveFifoAndCrashRedelivery() throws Exception {
        Design sample = LocalServerTests.sample("orders-sqs-sns");
        // The billing queue as designed, but with a 1 s visibility timeout and maxReceiveCount 2, so that what a
        // crashed consumer held is redriven to billing-dlq within the test; no SNS topic.
        Design design = sample.withChannels(sample.channels().stream()
                .filter(c -> !SqsQueue.of(c).isTopic())
                .map(c -> c.with(SqsQueue.of(c).withSnsTopics(null)))
                .map(c -> c.id().equals("billing-queue") ? c.with(fast(SqsQueue.of(c))) : c)
                .toList());
        var connector = LiveConnectors.find(BrokerKind.SQS).orElseThrow();
        var broker = design.broker("aws").orElseThrow();
        assertThat(connector.unsupported(design, broker, true)).isEmpty();
        Map<String, LiveChannel> channels = ContractDriver.channels(design, "aws");
        try (LiveServer server = connector.start(broker, null, ContractDriver.OPTIONS)) {
            server.createTopology(new ArrayList<>(channels.values()));
            LiveChannel billing = channels.get("billing-queue");
            long t0 = System.nanoTime();
            assertThat(ContractDriver.send(server, billing, 0, 100)).hasSize(100);
            System.err.printf("SQS: 100 sends in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(server.depth(billing, "billing")).isEqualTo(100);

            // a holds what it receives (at least its first 10) and crashes; after 1 s those are visible again and
            // received by b (a second receive), which lets them fail: the third receive finds maxReceiveCount 2
            // exceeded and the broker moves them to billing-dlq.
            Set<Long> held = ConcurrentHashMap.newKeySet();
            LiveConsumer a = ContractDriver.consumer(
                    server,
                    "a",
                    billing,
                    "billing",
                    Ack.AFTER_PROCESSING,
                    10,
                    d -> held.add(d.envelope().messageId()) ? null : null,
                    new Seen());
            ContractDriver.startAll(List.of(a));
            ContractDriver.await(Duration.ofSeconds(10), () -> held.size() >= 10);
            a.kill();
            Seen seen = new Seen();
            LiveConsumer b = ContractDriver.consumer(
                    server,
                    "b",
                    billing,
                    "billing",
                    Ack.AFTER_PROCESSING,
                    10,
                    d -> held.contains(d.envelope().messageId()) ? Boolean.FALSE : Boolean.TRUE,
                    seen);
            ContractDriver.startAll(List.of(b));
            ContractDriver.await(Duration.ofSeconds(20), () -> seen.processed().size() >= 100 - held.size());
            Thread.sleep(2500);
            b.close();
            assertThat(server.pending(billing, "billing")).isEmpty();
            List<Envelope> dead = server.readBack(channels.get("billing-dlq"));
            // Conservation: 100 = processed + redriven, none twice.
            assertThat(seen.processed().keySet()).doesNotContainAnyElementsOf(ContractDriver.ids(dead));
            assertThat(seen.processed().size() + dead.size()).isEqualTo(100);
            // What a held (and b refused) is redriven; a's last receive before the crash may add more.
            assertThat(ContractDriver.ids(dead)).containsAll(held);

            // FIFO: the key is the message group; order within a group is kept.
            LiveChannel shipments = channels.get("shipments");
            assertThat(ContractDriver.send(server, shipments, 1000, 30)).hasSize(30);
            Seen fifo = new Seen();
            List<Long> order = java.util.Collections.synchronizedList(new ArrayList<>());
            LiveConsumer w = ContractDriver.consumer(
                    server,
                    "w",
                    shipments,
                    "warehouse",
                    Ack.AFTER_PROCESSING,
                    10,
                    d -> order.add(d.envelope().messageId()),
                    fifo);
            ContractDriver.startAll(List.of(w));
            ContractDriver.await(Duration.ofSeconds(10), () -> fifo.processed().size() >= 30);
            w.close();
            assertThat(fifo.processed().keySet()).containsExactlyInAnyOrderElementsOf(range(1000, 1030));
            for (long k = 0; k < 7; k++) {
                long key = k;
                List<Long> group = order.stream().filter(id -> id % 7 == key).toList();
                assertThat(group).isSorted();
            }
            server.deleteTopology();
        }
    }

    private static SqsQueue fast(SqsQueue q) {
        return new SqsQueue(
                q.snsTopic(),
                q.snsTopics(),
                TimeSpan.ofMillis(1000),
                1,
                q.fifo(),
                q.receiveWait(),
                q.messageRetention());
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }
}
