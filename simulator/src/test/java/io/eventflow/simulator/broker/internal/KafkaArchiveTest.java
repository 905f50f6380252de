package io.eventflow.simulator.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.broker.BrokerKinds;
import io.eventflow.simulator.internal.DesignCompiler;
import io.eventflow.simulator.internal.Engine;
import io.eventflow.simulator.internal.EngineBuilder;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Kafka logs move the records every group has committed to a compact archive. Reading them back must give exactly the
 * run the log of objects gave: same trace, same report, under replays to earliest, an offset and a time, a group that
 * starts late from earliest, retention by time and by size that evicts archived records, a re-drive of archived dead
 * letters, a failover and transactions.
 */
class KafkaArchiveTest {
    private static final String DESIGN =
            """
            eventflow: 1
            name: Archive
            brokers:
              - {id: kafka, kind: kafka, nodes: 3}
            messages:
              - {id: Order, sizeBytes: 200}
              - {id: Invoice, sizeBytes: 100}
            channels:
              - {id: orders, broker: kafka, address: orders, messages: [Order], partitions: 3, replicationFactor: 2,
                 retention: 30s, partitioner: key}
              - {id: invoices, broker: kafka, address: invoices, messages: [Invoice], partitions: 2,
                 retentionBytes: 20KiB}
              - {id: dlq, broker: kafka, address: dlq, messages: [Order]}
            services:
              - id: shop
                publishes:
                  - {channel: orders, message: Order, rate: 80/s, arrival: poisson, key: id, keys: uniform(50)}
                producer: {acks: all, idempotent: true}
              - id: billing
                instances: 2
                publishes:
                  - {channel: invoices, message: Invoice, per: processed}
                subscribes:
                  - channel: orders
                    group: billing
                    processing: {distribution: exponential, mean: 5ms}
                    delivery: exactly-once
                    mechanism: transactional
                    commit: {interval: 2s}
                    retry: {maxAttempts: 2, backoff: fixed, initial: 50ms}
                    deadLetter: dlq
              - id: audit
                instances: 0
                subscribes:
                  - {channel: orders, group: audit, startFrom: earliest, processing: 1ms,
                     commit: {mode: auto, interval: 1s}}
              - id: mail
                subscribes:
                  - {channel: invoices, group: mail, isolation: read_committed, processing: 2ms}
            """;

    private static final String SCENARIO =
            """
            eventflow-scenario: 1
            design: archive.eventflow.yaml
            seed: 5
            duration: 90s
            faults:
              - {at: 10s, kind: poison, target: orders, percent: 5, for: 10s}
              - {at: 15s, kind: crash, target: billing, instance: 1, restartAfter: 2s}
              - {at: 22s, kind: broker-crash, target: kafka, node: 0, restartAfter: 5s}
              - {at: 60s, kind: retention, target: orders, maxBytes: 30KiB, for: 5s}
            actions:
              - {at: 25s, kind: replay, group: billing, channel: orders, to: earliest}
              - {at: 35s, kind: scale, target: audit, instances: 1}
              - {at: 40s, kind: replay, group: billing, channel: orders, to: time, time: 12s}
              - {at: 45s, kind: replay, group: mail, channel: invoices, to: offset, offset: 3}
              - {at: 50s, kind: redrive, from: dlq, to: orders}
              - {at: 70s, kind: replay, group: audit, channel: orders, to: earliest}
            """;

    private static String[] run(Design d, Scenario sc, boolean archive) {
        String old = System.getProperty("eventflow.sim.archiveConsumed");
        System.setProperty("eventflow.sim.archiveConsumed", String.valueOf(archive));
        try {
            StringWriter trace = new StringWriter();
            Simulation sim =
                    Simulation.builder(d).scenario(sc).traceWriter(trace).build();
            sim.runToEnd();
            String report = sim.report().toJson().replaceAll("\"wallSeconds\" *: *[0-9.eE-]+", "");
            return new String[] {report, trace.toString()};
        } finally {
            if (old == null) {
                System.clearProperty("eventflow.sim.archiveConsumed");
            } else {
                System.setProperty("eventflow.sim.archiveConsumed", old);
            }
        }
    }

    private static void assertSameRun(Design d, Scenario sc) {
        String[] on = run(d, sc, true);
        String[] off = run(d, sc, false);
        assertThat(on[0]).isEqualTo(off[0]);
        // compare line counts first: a readable failure when the traces part ways
        assertThat(on[1].lines().count()).isEqualTo(off[1].lines().count());
        assertThat(on[1]).isEqualTo(off[1]);
    }

    private static Design design() throws Exception {
        DesignFiles.Loaded l = DesignFiles.parse("archive.eventflow.yaml", DESIGN);
        assertThat(l.hasErrors()).as(l.problems().toString()).isFalse();
        return l.design();
    }

    @Test
    void replaysLateGroupsRetentionAndRedrivesSeeTheSameRecords() throws Exception {
        Design d = design();
        Scenario sc = ScenarioReader.parse("archive.scenario.yaml", SCENARIO, d);
        String[] on = run(d, sc, true);
        // the scenario does what it is meant to: replays reprocess, retention evicts, the late group reads
        assertThat(on[1]).contains("\"reprocessed\"").contains("\"evicted\"").contains("\"audit\"");
        assertSameRun(d, sc);
    }

    @Test
    void tamperedRecordsReadBackFromTheArchiveAreStillTampered() throws Exception {
        // Order signed; billing verifies, audit (running from the start here) does not. Once both groups have
        // committed, the records of 5-10 s, a fifth of them tampered, sit in the archive; billing's replay to earliest
        // at 20 s reads them back and must reject the tampered ones again (not process them), as with the archive off.
        String design = DESIGN.replace(
                        "- {id: Order, sizeBytes: 200}",
                        "- {id: Order, sizeBytes: 200, signing: {algorithm: HMAC-SHA256}}")
                .replace(
                        "startFrom: earliest, processing: 1ms,", "startFrom: earliest, processing: 1ms, verify: false,")
                .replace("id: audit\n    instances: 0", "id: audit\n    instances: 1");
        DesignFiles.Loaded l = DesignFiles.parse("archive.eventflow.yaml", design);
        assertThat(l.hasErrors()).as(l.problems().toString()).isFalse();
        Design d = l.design();
        String scenario =
                """
                eventflow-scenario: 1
                design: archive.eventflow.yaml
                seed: 5
                duration: 30s
                faults:
                  - {at: 5s, kind: tamper, target: orders, percent: 20, for: 5s}
                actions:
                  - {at: 20s, kind: replay, group: billing, channel: orders, to: earliest}
                """;
        Scenario sc = ScenarioReader.parse("archive.scenario.yaml", scenario, d);
        String[] on = run(d, sc, true);
        assertThat(on[0]).contains("\"tampering\"").contains("\"reprocessed\"");
        assertSameRun(d, sc);
    }

    @Test
    void orderPipelineSampleUnderItsScenarioIsTheSame() throws Exception {
        Path samples = Path.of(System.getProperty("eventflow.repo", "..")).resolve("assets/samples");
        Design d = DesignFiles.open(samples.resolve("order-pipeline.eventflow.yaml"));
        Scenario sc = ScenarioReader.read(samples.resolve("order-pipeline.scenario.yaml"), d);
        assertSameRun(d, sc);
    }

    @Test
    void committedRecordsLeaveTheRingForTheArchive() throws Exception {
        Engine w = EngineBuilder.build(DesignCompiler.compile(design(), BrokerKinds::find), 1, BrokerKinds::find);
        w.keepConsumed = true;
        w.archiveConsumed = true;
        w.limitPublishing(Long.MAX_VALUE, 20_000_000_000L);
        EngineBuilder.start(w);
        w.kernel.runUntil(20_000_000_000L);
        KafkaTopic orders = (KafkaTopic) w.channels.get("orders").data;
        for (KafkaTopic.Part p : orders.parts) {
            long minCommitted = Long.MAX_VALUE;
            for (KafkaGroup g : orders.groups) {
                minCommitted = Math.min(minCommitted, g.committed[p.index]);
            }
            // audit has no instance yet, so it has committed nothing: nothing of orders can be archived
            assertThat(minCommitted).isZero();
            assertThat(p.log.archivedUntil()).isZero();
        }
        KafkaTopic invoices = (KafkaTopic) w.channels.get("invoices").data;
        for (KafkaTopic.Part p : invoices.parts) {
            long committed = invoices.groups.get(0).committed[p.index];
            assertThat(committed).isGreaterThan(100);
            assertThat(p.log.archivedUntil()).isEqualTo(Math.min(committed, p.hw));
        }
    }
}
