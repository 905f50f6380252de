package io.eventflow.simulator.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Consume-transform-produce transactions when another instance takes over the input of an aborted transaction: its
 * outputs are written again by the instance that processes the input again, in that instance's transaction, and
 * read_committed readers see them when it commits (found by the live Kafka transactions test: the simulator had left
 * them in flight, attributed to the crashed instance's transaction).
 */
class KafkaTransactionTakeoverTest {
    /** KafkaKnownAnswerTest.TRANSACTIONAL with two instances of t: t#0 owns the one partition, t#1 waits. */
    static final String TAKEOVER = twoInstancesOfT(KafkaKnownAnswerTest.TRANSACTIONAL);

    private static String twoInstancesOfT(String design) {
        String twice = design.replace("  - id: t\n", "  - id: t\n    instances: 2\n");
        assertThat(twice).as("the transactional design names service t").isNotEqualTo(design);
        return twice;
    }

    /** The design of the live test (KafkaTransactionsLiveTest): two partitions, both relay instances busy. */
    static final String RELAY =
            """
            eventflow: 1
            name: Relay
            brokers: [{id: kafka, kind: kafka}]
            messages: [{id: Order}, {id: Invoice}]
            channels:
              - {id: orders, broker: kafka, messages: [Order], partitions: 2}
              - {id: invoices, broker: kafka, messages: [Invoice], partitions: 2}
            services:
              - id: shop
                publishes: [{channel: orders, message: Order, rate: 100/s, arrival: constant}]
              - id: relay
                instances: 2
                publishes: [{channel: invoices, message: Invoice, per: processed}]
                subscribes:
                  - {channel: orders, group: relay, processing: 2ms, delivery: exactly-once, mechanism: transactional,
                     commit: {interval: 2s}}
              - id: books
                subscribes: [{channel: invoices, group: books, processing: 1ms, isolation: read_committed}]
              - id: audit
                subscribes: [{channel: invoices, group: audit, processing: 1ms}]
            """;

    private static final long S = 1_000_000_000L;

    private record Run(SimulationReport report, String trace) {}

    private static Run run(String yaml, String faults, long duration, long drain) throws Exception {
        Design d = Runs.design(yaml);
        Scenario s = ScenarioReader.parse("t.scenario.yaml", "eventflow-scenario: 1\nfaults: [" + faults + "]\n", d);
        StringWriter trace = new StringWriter();
        Simulation sim = Simulation.builder(d)
                .scenario(s)
                .seed(3)
                .duration(duration)
                .drain(drain)
                .traceWriter(trace)
                .build();
        sim.runToEnd();
        SimulationReport r = sim.report();
        assertThat(r.violations()).isEmpty();
        assertThat(r.ok()).isTrue();
        r.groups().values().forEach(g -> assertThat(g.owed())
                .as("conservation of %s", g.group())
                .isEqualTo(g.processed() + g.lost() + g.deadLettered() + g.expired() + g.inFlight()));
        return new Run(r, trace.toString());
    }

    @Test
    void anotherInstanceWritesTheAbortedOutputsAgainInItsOwnTransaction() throws Exception {
        // p publishes at 0.1 .. 10.0 s (100 inputs, offsets 0..99); a record is readable 10 ms after it is stored.
        // t#0 owns the partition, reads the input of t0 at t0 + 10 ms and writes its output at t0 + 20 ms, in its
        // transaction. Both instances commit every 1 s from the start. t#0's commit at 2.0 s covers the inputs
        // 0.1..1.9 s (committed offset 19) and their outputs (out offsets 0..18). The crash of t#0 at 2.505 s (never
        // restarted) aborts its open transaction: the outputs of 2.0..2.4 s (out offsets 19..23), which ru had read.
        // The group rebalances at once (pause 0) and t#1 reads from offset 19: it processes 2.0..2.4 s again (done at
        // 2.515, 2.525, .., 2.555 s) and writes their 5 outputs again (out offsets 24..28) in ITS transaction, which
        // commits at 3.0 s with the outputs of 2.5..2.9 s. rc reads from 3.0 s: the copy of offset 24 is done at
        // 3.0 + 10 ms. Publishing stops at 10.05 s; the drain of 2 s covers t#1's commit at 11.0 s of the last
        // outputs (9.0 .. 10.0 s) and rc's reading of them.
        Run r = run(TAKEOVER, "{at: 2.505s, kind: crash, target: t, instance: 0}", 10_050_000_000L, 2 * S);
        GroupReport t = r.report.groups().get("t");
        GroupReport rc = r.report.groups().get("rc");
        GroupReport ru = r.report.groups().get("ru");
        assertThat(r.report.groups().get("t").owed()).isEqualTo(100);
        assertThat(t.processed()).isEqualTo(100);
        assertThat(t.duplicates()).isZero();
        // every input's output once: 100 owed to each reader
        assertThat(rc.owed()).isEqualTo(100);
        assertThat(ru.owed()).isEqualTo(100);
        // ru processed the 5 aborted outputs and then their copies: 100 + 5 deliveries, 5 duplicates
        assertThat(ru.processed()).isEqualTo(100);
        assertThat(ru.duplicates()).isEqualTo(5);
        // rc: each committed output once, nothing left in flight (before the fix: 95 processed, 5 in flight, since
        // the copies were counted in the crashed t#0's transaction and aborted again)
        assertThat(rc.processed()).isEqualTo(100);
        assertThat(rc.duplicates()).isZero();
        assertThat(rc.inFlight()).isZero();
        // the copies: stored by t#1 at 2.515 s + 10 ms per input, out offsets 24..28
        assertThat(r.trace)
                .contains("{\"kind\":\"stored\",\"time\":2515000000,\"element\":\"out\",\"group\":\"\","
                        + "\"partition\":0,\"offset\":24,")
                .contains("{\"kind\":\"stored\",\"time\":2555000000,\"element\":\"out\",\"group\":\"\","
                        + "\"partition\":0,\"offset\":28,");
        // rc skips the aborted offsets 19..23 and processes the first copy (offset 24) at 3.0 + 0.01 s, when t#1's
        // transaction committed
        assertThat(r.trace)
                .contains("{\"kind\":\"processed\",\"time\":3010000000,\"element\":\"rc#0\",\"group\":\"rc\","
                        + "\"partition\":0,\"offset\":24,");
        for (int o = 19; o <= 23; o++) {
            assertThat(r.trace)
                    .doesNotContain("\"element\":\"rc#0\",\"group\":\"rc\",\"partition\":0,\"offset\":" + o + ",");
        }
    }

    @Test
    void aReWrittenOutputIsANewRecordWhatAlteredTheAbortedOneDoesNotCarryOver() throws Exception {
        // As above, with signed messages (1 us to sign and to verify) and a tamper fault on out from 2.0 s for 450 ms:
        // it alters the 5 outputs of the aborted transaction (written at 2.02 .. 2.42 s, plus 1 us signing each). t#1
        // writes them again at 2.515 .. 2.555 s, after the fault, signed anew from the inputs it processed again: rc
        // (read_committed, verifying) reads only those copies and processes all 100; ru (verify: false) read the 5
        // altered records before the crash and accepted them. Before the fix the copies kept the mark: rc rejected 5.
        String signed = TAKEOVER.replace(
                        "sizeBytes: 1024}",
                        "sizeBytes: 1024, signing: {algorithm: HMAC-SHA256, signTime: 1us, verifyTime: 1us}}")
                .replace("group: ru, processing: 10ms}", "group: ru, processing: 10ms, verify: false}");
        Run r = run(
                signed,
                "{at: 2.505s, kind: crash, target: t, instance: 0},"
                        + " {at: 2s, kind: tamper, target: out, percent: 100, for: 450ms}",
                10_050_000_000L,
                2 * S);
        SimulationReport.Tampering tampering = r.report.tampering();
        assertThat(tampering.tampered()).isEqualTo(5);
        assertThat(tampering.groups().get("ru")).isEqualTo(new SimulationReport.GroupTampering(0, 5));
        assertThat(tampering.rejected()).isZero();
        assertThat(r.report.groups().get("rc").processed()).isEqualTo(100);
        assertThat(r.report.groups().get("rc").lostByCause().get("tampered")).isZero();
    }

    @Test
    void theLiveTestsDesignLeavesNothingInFlightForTheReadCommittedReader() throws Exception {
        // shop publishes at 0.01 .. 4.99 s (the one due at 5.0 s finds publishing stopped): 499 orders, round robin
        // over 2 partitions; partition 0 (the odd hundredths) is relay#0's. relay#0 commits at 2.0 s; its transaction
        // then holds the orders of 2.01, 2.03, .., 2.99 s: 50, whose invoices audit read (1 ms after they were
        // written, all by 2.993 s). The crash at 3.0 s aborts it; relay#1 takes partition 0 and processes those 50
        // again, writing their invoices again in its own transaction; relay#0 returns at 3.5 s.
        Run r = run(RELAY, "{at: 3s, kind: crash, target: relay, instance: 0, restartAfter: 500ms}", 5 * S, 20 * S);
        GroupReport relay = r.report.groups().get("relay");
        GroupReport books = r.report.groups().get("books");
        GroupReport audit = r.report.groups().get("audit");
        assertThat(relay.owed()).isEqualTo(499);
        assertThat(relay.processed()).isEqualTo(499);
        assertThat(relay.duplicates()).isZero();
        assertThat(books.owed()).isEqualTo(499);
        // before the fix: 449 processed and 50 in flight after the 20 s drain
        assertThat(books.processed()).isEqualTo(499);
        assertThat(books.duplicates()).isZero();
        assertThat(books.inFlight()).isZero();
        assertThat(audit.processed()).isEqualTo(499);
        assertThat(audit.duplicates()).isEqualTo(50);
        // 50 invoices were stored twice (the aborted record and its copy); books processed each of the 499 once
        Matcher m = Pattern.compile("\"kind\":\"processed\",[^\\n]*\"element\":\"books#0\"")
                .matcher(r.trace);
        long booksProcessings = 0;
        while (m.find()) {
            booksProcessings++;
        }
        assertThat(booksProcessings).isEqualTo(499);
    }
}
