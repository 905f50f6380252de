package io.eventflow.live.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.Endpoint;
import io.eventflow.live.LiveResult;
import io.eventflow.live.run.LiveRun;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import io.eventflow.simulator.trace.JsonlTraceWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order-pipeline sample live on one embedded 3-node Kafka cluster (the design's broker has 3 nodes and its
 * topics replication factor 3), shared by the class and given to the runs as the user's endpoint. Runs are short and
 * the machine may be loaded, so the tests check what must hold whatever the speed: conservation, and the counts a
 * fault must produce.
 */
class KafkaLiveRunTest {
    private static final String SECRET = "s3cr3t-Pa55word-never-printed";
    private static EmbeddedKafka kafka;
    private static Design design;
    /** The sample with billing's retry backoff at 100 ms instead of 1 s, so that retries fit a short run. */
    private static Design quickRetries;

    private static Path repo;

    @BeforeAll
    static void start() throws Exception {
        repo = Path.of(System.getProperty("eventflow.repo", ".."));
        design = DesignFiles.open(repo.resolve("assets/samples/order-pipeline.eventflow.yaml"));
        String text = java.nio.file.Files.readString(repo.resolve("assets/samples/order-pipeline.eventflow.yaml"));
        assertThat(text).contains("          initial: 1s\n");
        Path quick = java.nio.file.Files.createTempFile("order-pipeline-quick", ".eventflow.yaml");
        java.nio.file.Files.writeString(quick, text.replace("          initial: 1s\n", "          initial: 100ms\n"));
        quickRetries = DesignFiles.open(quick);
        java.nio.file.Files.delete(quick);
        kafka = EmbeddedKafka.start(3);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The embedded cluster as the user's broker, with a secret client setting (unused by PLAINTEXT). */
    private static Map<String, Endpoint> endpoints() {
        return Map.of(
                "kafka",
                new Endpoint(
                        "kafka",
                        kafka.bootstrap(),
                        Map.of(
                                "session.timeout.ms",
                                "3000",
                                "heartbeat.interval.ms",
                                "1000",
                                "ssl.truststore.password",
                                SECRET),
                        Set.of("ssl.truststore.password")));
    }

    private static Admin admin() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrap());
        return Admin.create(p);
    }

    @Test
    void orderPipelineConservesEveryMessageAndLeavesOnlyForeignTopics() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("not-ours", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            LiveResult r = LiveRun.builder(design)
                    .seed(7)
                    .duration(Duration.ofSeconds(3))
                    .endpoints(endpoints())
                    .build()
                    .run();
            SimulationReport rep = r.report();
            assertThat(rep.violations()).isEmpty();
            assertThat(rep.ok()).isTrue();
            // 200/s Poisson for 3 s is about 600 orders; a loaded machine publishes fewer, never none
            GroupReport billing = rep.groups().get("billing");
            assertThat(billing.owed()).isPositive();
            assertThat(billing.lost()).isZero();
            assertThat(billing.owed()).isEqualTo(billing.processed() + billing.inFlight() + billing.deadLettered());
            // each processing of an order publishes one invoice: owed to shipping once acknowledged
            assertThat(rep.groups().get("shipping").owed()).isEqualTo(billing.processed() + billing.duplicates());
            assertThat(rep.channels().get("orders").published()).isEqualTo(billing.owed());
            assertThat(rep.totals().published())
                    .isEqualTo(rep.channels().get("orders").published()
                            + rep.channels().get("invoices").published()
                            + rep.channels().get("shipments").published());
            // the run's topics are gone, the topic it did not make is still there
            // (a deletion the controller accepted reaches every node's metadata a moment later: wait, bounded)
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (topics.stream().anyMatch(t -> t.startsWith("ef-")) && System.nanoTime() < until) {
                Thread.sleep(200);
                topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            }
            assertThat(topics).contains("not-ours");
            assertThat(topics).noneMatch(t -> t.startsWith("ef-"));
        }
    }

    @Test
    void crashAndPoisonProduceTheirCountsAndNoSecretLeaks() throws Exception {
        Scenario s = ScenarioReader.read(
                Path.of(getClass()
                        .getResource("/scenarios/order-pipeline-crash-short.scenario.yaml")
                        .toURI()),
                quickRetries);
        StringWriter trace = new StringWriter();
        LiveResult r = LiveRun.builder(quickRetries)
                .scenario(s)
                .endpoints(endpoints())
                .trace(new JsonlTraceWriter(trace))
                .drain(Duration.ofSeconds(15))
                .build()
                .run();
        SimulationReport rep = r.report();
        assertThat(rep.violations()).isEmpty();
        GroupReport billing = rep.groups().get("billing");
        // billing#0 died at 2 s before any commit of its own: its restarted client reads its partitions again from
        // the group's start, so whatever it held or had processed is delivered again (processed again: duplicates),
        // and nothing is lost. How much it had processed by then depends on the machine's speed.
        String why = rep.summaryTable() + "\n"
                + trace.toString()
                        .lines()
                        .filter(l -> l.contains("fault"))
                        .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(billing.lost()).as(why).isZero();
        // What billing#0 was handed before it died at 2 s comes again. On a loaded machine its group may still be
        // joining at 2 s (nothing handed to it yet): then there is nothing to redeliver, and the trace shows it.
        boolean heldBeforeCrash = trace.toString()
                .lines()
                .anyMatch(l -> l.contains("\"kind\":\"delivered\"")
                        && l.contains("\"element\":\"billing#0\"")
                        && timeOf(l) < 2_000_000_000L);
        if (heldBeforeCrash) {
            assertThat(billing.redelivered()).as(why).isPositive();
            assertThat(trace.toString()).contains("\"kind\":\"redelivered\"");
        } else {
            System.out.println("NOTE: billing#0 was handed nothing before its crash at 2 s (slow group join):"
                    + " redeliveries not checked in this run");
        }
        assertThat(billing.duplicates()).as(why).isLessThanOrEqualTo(billing.redelivered());
        // 15 % poison orders for 1 s fail 3 attempts each (2 retries), then go to orders-dlq, where ops reads them;
        // one the crash interrupted starts its attempts again, and one dead-lettered but not committed when billing#0
        // died is dead-lettered again (a second copy of the same id)
        assertThat(billing.deadLettered()).as(why).isPositive();
        assertThat(billing.retries()).isGreaterThanOrEqualTo(2 * billing.deadLettered());
        assertThat(rep.channels().get("orders-dlq").published()).isGreaterThanOrEqualTo(billing.deadLettered());
        assertThat(rep.groups().get("ops@orders-dlq").owed()).isEqualTo(billing.deadLettered());
        assertThat(trace.toString())
                .contains("\"kind\":\"fault-started\",\"time\":")
                .contains("\"kind\":\"dead-lettered\"");
        assertThat(rep.toJson()).doesNotContain(SECRET);
        assertThat(trace.toString()).doesNotContain(SECRET);
        assertThat(String.join("\n", r.notes())).doesNotContain(SECRET);
        assertThat(endpoints().get("kafka").toString()).doesNotContain(SECRET).contains("***");
    }

    /** The {@code time} field of a JSONL trace line (nanoseconds of the run). */
    private static long timeOf(String line) {
        int i = line.indexOf("\"time\":") + 7;
        int j = i;
        while (j < line.length() && Character.isDigit(line.charAt(j))) {
            j++;
        }
        return Long.parseLong(line.substring(i, j));
    }

    @Test
    void transactionalProducerCommitsWhatReadCommittedGroupsSeeAndACrashAbortsItsOpenTransaction() throws Exception {
        Design d = io.eventflow.live.server.SampleRuns.design(
                """
                eventflow: 1
                name: Transactions
                brokers:
                  - {id: kafka, kind: kafka, nodes: 3}
                messages:
                  - id: Payment
                    payload: {type: object, properties: {paymentId: {type: string}}}
                channels:
                  - {id: payments, broker: kafka, address: payments, messages: [Payment], partitions: 2}
                services:
                  - id: payer
                    producer: {transactional: true}
                    publishes:
                      - {channel: payments, message: Payment, rate: 200/s}
                  - id: ledger
                    subscribes:
                      - {channel: payments, group: ledger, processing: 1ms, isolation: read_committed}
                  - id: audit
                    subscribes:
                      - {channel: payments, group: audit, processing: 1ms}
                """);
        Scenario s = ScenarioReader.read(
                writeScenario(
                        """
                        eventflow-scenario: 1
                        design: d.eventflow.yaml
                        faults:
                          - {at: 1s, kind: crash, target: payer, restartAfter: 500ms}
                        """),
                d);
        LiveResult r = LiveRun.builder(d)
                .scenario(s)
                .seed(7)
                .duration(Duration.ofSeconds(3))
                .drain(Duration.ofSeconds(10))
                .endpoints(endpoints())
                .build()
                .run();
        SimulationReport rep = r.report();
        System.err.println(rep.summaryTable() + r.notes());
        assertThat(rep.violations()).isEmpty();
        GroupReport ledger = rep.groups().get("ledger");
        GroupReport audit = rep.groups().get("audit");
        // about 2.5 s x 200/s payments committed in 100 ms transactions: the read_committed group processes them
        assertThat(ledger.processed()).isGreaterThan(200);
        // the crash at 1 s killed the producer inside a transaction (sends every 5 ms, 100 ms per transaction): its
        // sends failed, and the restarted producer (same transactional.id) fenced and aborted it. read_committed
        // never sees those records: lost by the crash
        assertThat(ledger.lostByCause().get("crash")).isPositive();
        assertThat(ledger.owed()).isEqualTo(ledger.processed() + ledger.lost() + ledger.inFlight());
        // read_uncommitted may process the aborted records as well
        assertThat(audit.processed()).isGreaterThanOrEqualTo(ledger.processed());
        assertThat(r.notes()).noneMatch(n -> n.contains("failed"));
    }

    private static Path writeScenario(String text) throws Exception {
        Path f = java.nio.file.Files.createTempFile("ef-txn", ".scenario.yaml");
        java.nio.file.Files.writeString(f, text);
        f.toFile().deleteOnExit();
        return f;
    }
}
