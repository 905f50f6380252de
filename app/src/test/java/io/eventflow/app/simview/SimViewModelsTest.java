package io.eventflow.app.simview;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import io.eventflow.simulator.trace.TraceEvent;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulation view's models without a window: scenario writing, report export, tracing, the live model. */
class SimViewModelsTest {
    private static final long S = 1_000_000_000L;
    private static Design design;

    @BeforeAll
    static void load() throws Exception {
        design = DesignFiles.open(SimulationRunnerTest.SAMPLES.resolve("order-pipeline.eventflow.yaml"));
    }

    @Test
    void scenarioYamlReadsBackTheSameScenario() throws Exception {
        Scenario sample =
                ScenarioReader.read(SimulationRunnerTest.SAMPLES.resolve("order-pipeline.scenario.yaml"), design);
        List<Fault> faults = new ArrayList<>(sample.faults());
        faults.add(new Fault.Reorder(S, "checkout", "orders", 20, S / 20, 10 * S));
        faults.add(new Fault.DiskLimit(2 * S, "orders", 65_536, -1));
        faults.add(new Fault.Crash(3 * S, "billing", null, -1));
        faults.add(new Fault.Tamper(4 * S, "orders", null, null, 5, 2 * S));
        faults.add(new Fault.Tamper(5 * S, null, "checkout", "orders", 50, -1));
        List<Action> actions = new ArrayList<>(sample.actions());
        actions.add(new Action.Replay(4 * S, "billing", "orders", "time", 1_500_000_000L));
        Scenario s = new Scenario(sample.design(), 42L, 60 * S, faults, actions);

        String yaml = ScenarioYaml.write(s, "test");
        Scenario back = ScenarioReader.parse("written", yaml, design);

        assertThat(back).isEqualTo(s);
        assertThat(yaml).startsWith("# test\neventflow-scenario: 1\n");
    }

    @Test
    void reportExportsAsJsonCsvAndSelfContainedHtml() {
        Simulation sim = Simulation.builder(design).seed(3).duration(2 * S).build();
        sim.runToEnd();
        SimulationReport r = sim.report();
        Metrics m = new Metrics();
        m.reset(null);

        assertThat(ReportExport.json(r))
                .contains("\"totals\"", "\"published\": " + r.totals().published());
        String csv = ReportExport.csv(r);
        assertThat(csv.lines().findFirst()).contains("scope,name,metric,value");
        assertThat(csv).contains("totals,,processed," + r.totals().processed(), "group,billing,maxLag,");
        String html = ReportExport.html(
                r,
                List.of(new Metrics.Sample(0, 0, 0, 0, 0, 0), new Metrics.Sample(1, 200, 4, 9, 3, 5)),
                Scenario.EMPTY);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "<polyline", "eventflow-scenario: 1");
        assertThat(html).doesNotContain("<script", "href=\"http", "src=\"http");
    }

    @Test
    void tracePathFollowsTheChainAcrossServices() {
        List<TraceEvent> events = List.of(
                new TraceEvent.Published(0, "checkout#0", "", -1, -1, 1, 7),
                new TraceEvent.Stored(1_000, "orders", "", 2, 10, 1, 7),
                new TraceEvent.Delivered(2_000, "billing#1", "billing", 2, 10, 1, 7),
                new TraceEvent.Processed(6_000, "billing#1", "billing", 2, 10, 1, 7),
                new TraceEvent.Published(6_000, "billing#1", "", -1, -1, 2, 7),
                new TraceEvent.Stored(7_000, "invoices", "", 0, 3, 2, 7),
                new TraceEvent.Processed(9_000_000, "shipping#0", "shipping", 0, 3, 2, 7));
        TracePath p = TracePath.of(7, events);
        assertThat(p.edges())
                .containsExactly("checkout>orders", "orders>billing", "billing>invoices", "invoices>shipping");
        assertThat(p.hops()).hasSize(7);
        assertThat(p.hops().get(6).sinceStartMs()).isEqualTo(9.0);
    }

    @Test
    void liveModelKeepsTheLogBoundedAndRemembersRedeliveriesAndBrokerNodes() {
        LiveModel live = new LiveModel();
        live.reset(design);
        List<TraceEvent> batch = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            batch.add(new TraceEvent.Published(i, "checkout#0", "", -1, -1, i, i));
        }
        batch.add(new TraceEvent.Redelivered(5000, "billing#0", "billing", 0, 1, 42, 42));
        batch.add(new TraceEvent.FaultStarted(5001, "kafka", "broker-crash", "node 1"));
        batch.add(new TraceEvent.DeadLettered(5002, "orders-dlq", "billing", 0, 1, 43, 43, "poison"));
        live.ingest(batch, 10, 0);

        assertThat(live.log()).hasSizeLessThanOrEqualTo(LiveModel.MAX_LOG_PER_FRAME);
        assertThat(live.skipped()).isEqualTo(10 + batch.size() - LiveModel.MAX_PER_FRAME);
        assertThat(live.isMarked(42)).isTrue();
        assertThat(live.effects()).anySatisfy(e -> assertThat(e)
                .isEqualTo(new LiveModel.Effect(LiveModel.Effect.Kind.DEAD_LETTER, "billing", "orders-dlq", 0)));
        for (int k = 0; k < LiveModel.MAX_LOG / LiveModel.MAX_LOG_PER_FRAME + 1; k++) {
            live.ingest(batch, 0, 0);
        }
        assertThat(live.log()).hasSize(LiveModel.MAX_LOG);
        assertThat(LiveModel.elementOf("kafka->billing")).isEqualTo("kafka");
    }

    @Test
    void leaderMoveSummariesAgreeInNumber() {
        var a = new LeaderMoves.Move("orders", 0, 1, 2, 0);
        var b = new LeaderMoves.Move("orders", 0, 2, 3, 0);
        var c = new LeaderMoves.Move("orders", 1, 1, 3, 0);
        assertThat(LeaderMoves.summary(List.of(a, b))).isEqualTo("1 partition new leader (p0)");
        assertThat(LeaderMoves.summary(List.of(a, c))).isEqualTo("2 partitions new leaders (p0, p1)");
    }

    @Test
    void overlayBadgeTextsAgreeInNumber() {
        assertThat(TokenOverlay.retryingText(1)).isEqualTo("1 message retrying");
        assertThat(TokenOverlay.retryingText(3)).isEqualTo("3 messages retrying");
        assertThat(TokenOverlay.nodesText(java.util.Set.of())).isEqualTo("all nodes up");
        assertThat(TokenOverlay.nodesText(java.util.Set.of(2))).isEqualTo("node 2 down");
        assertThat(TokenOverlay.nodesText(java.util.Set.of(3, 1))).isEqualTo("nodes 1, 3 down");
    }

    @Test
    void logRowsLeaveWithTheirEventsFromTheTraceRing() {
        LiveModel live = new LiveModel();
        live.reset(design);
        List<TraceEvent> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(new TraceEvent.Published(i, "checkout#0", "", -1, -1, i, i));
        }
        // Sequence numbers 1000..1099; a ring that now starts at 1040 no longer holds the first 40 rows' events.
        live.ingest(batch, 1000, 0, 0);
        assertThat(live.log()).hasSize(100);
        live.forgetBefore(1040);
        assertThat(live.log()).hasSize(60);
        assertThat(live.log().get(0).correlationId()).isEqualTo(40);
        live.forgetBefore(1040);
        assertThat(live.log()).hasSize(60);
    }

    @Test
    void activeFaultsComeFromTheScheduleAndInjections() {
        LiveModel live = new LiveModel();
        live.reset(design);
        live.scheduleFault(new Fault.BrokerCrash(20 * S, "kafka", 1, 10 * S), false);
        live.scheduleFault(new Fault.Partition(25 * S, "checkout", "kafka", 5 * S), false);
        live.scheduleFault(new Fault.Latency(30 * S, "kafka", "billing", S, 0, -1), false);
        live.setNow(25 * S);
        assertThat(live.brokerNodesDown("kafka")).containsExactly(1);
        assertThat(live.linkFault("checkout", "orders")).isEqualTo("partition");
        assertThat(live.linkFault("orders", "checkout")).isEqualTo("partition");
        live.setNow(31 * S);
        assertThat(live.brokerNodesDown("kafka")).isEmpty();
        assertThat(live.linkFault("checkout", "orders")).isNull();
        assertThat(live.linkFault("orders", "billing")).isEqualTo("latency");
        assertThat(live.linkFault("billing", "invoices")).isNull();
        live.scheduleFault(new Fault.Drop(0, "billing", "kafka", 50, 2 * S), true);
        assertThat(live.linkFault("billing", "invoices")).isEqualTo("drop");
        live.setNow(34 * S);
        assertThat(live.linkFault("billing", "invoices")).isNull();
        assertThat(LiveModel.elementOf("kafka->billing")).isEqualTo("kafka");
        assertThat(LiveModel.elementOf("billing#2")).isEqualTo("billing");
    }

    @Test
    void metricsFollowTheSelectionAndStayBounded() {
        Simulation sim = Simulation.builder(design).seed(3).duration(20 * S).build();
        Metrics m = new Metrics();
        m.reset("orders");
        for (int i = 1; i <= 800; i++) {
            sim.runUntil(i * 25_000_000L);
            m.add(sim.snapshot(), sim.report(), design);
        }
        assertThat(m.samples()).hasSizeLessThanOrEqualTo(Metrics.MAX_SAMPLES);
        assertThat(m.samples().get(m.samples().size() - 1).t()).isEqualTo(20.0);
        assertThat(m.samples()).anySatisfy(x -> assertThat(x.throughput()).isBetween(100.0, 400.0));
        assertThat(Files.exists(SimulationRunnerTest.SAMPLES)).isTrue();
    }

    @Test
    void latencyChartsShowEachWindowNotTheRunSoFar() throws Exception {
        // Billing slows down 50x for the last 5 s: messages processed then wait seconds, while most of the run's
        // messages were fast. The windowed percentiles must show the slow end; the run-so-far ones dilute it.
        Scenario slow = ScenarioReader.parse(
                "slow.scenario.yaml",
                "eventflow-scenario: 1\nfaults:\n  - {at: 15s, kind: slow, target: billing, factor: 50, for: 5s}\n",
                design);
        Simulation sim = Simulation.builder(design)
                .scenario(slow)
                .seed(3)
                .duration(20 * S)
                .build();
        Metrics windowed = new Metrics();
        windowed.reset("billing");
        Metrics cumulative = new Metrics();
        cumulative.reset("billing");
        Metrics.Sample beforeFault = null;
        for (int i = 1; i <= 80; i++) {
            sim.runUntil(i * 250_000_000L);
            SimulationReport r = sim.report();
            Metrics.Sample w = windowed.add(sim.snapshot(), r, design, sim.latencyHistograms());
            cumulative.add(sim.snapshot(), r, design);
            if (i == 56) {
                beforeFault = w;
            }
        }
        Metrics.Sample w = windowed.samples().get(windowed.samples().size() - 1);
        Metrics.Sample c = cumulative.samples().get(cumulative.samples().size() - 1);
        assertThat(beforeFault.p50()).isPositive().isLessThan(100.0);
        assertThat(w.p50()).isGreaterThan(5 * c.p50());
        assertThat(w.p50()).isGreaterThan(10 * beforeFault.p50());
    }

    @Test
    void leaderMovesAreNoticedBetweenSnapshotsAndExpire() throws Exception {
        Scenario crash = ScenarioReader.parse(
                "crash.scenario.yaml",
                "eventflow-scenario: 1\nfaults:\n  - {at: 5s, kind: broker-crash, target: kafka, node: 0}\n",
                design);
        Simulation sim = Simulation.builder(design)
                .scenario(crash)
                .seed(3)
                .duration(12 * S)
                .build();
        LeaderMoves moves = new LeaderMoves();
        long wall = 0;
        for (int i = 1; i <= 40; i++) {
            sim.runUntil(i * 250_000_000L);
            moves.update(sim.snapshot(), wall);
        }
        // The crash takes the partitions node 0 led offline, and the election gives each a new leader.
        List<LeaderMoves.Move> seen = moves.visible();
        assertThat(seen).anySatisfy(m -> {
            assertThat(m.from()).isZero();
            assertThat(m.to()).isEqualTo(-1);
            assertThat(m.text()).contains("offline");
        });
        assertThat(seen).anySatisfy(m -> {
            assertThat(m.from()).isEqualTo(-1);
            assertThat(m.to()).isIn(1, 2);
            assertThat(m.text()).contains("leader elected");
        });
        // Paused (the same simulated time), wall time passes and the moves stay to be read.
        moves.update(sim.snapshot(), wall + 10 * LeaderMoves.SHOW_NANOS);
        assertThat(moves.visible()).isNotEmpty();
        // Running again, they go once SHOW_NANOS of wall time have passed with the simulation moving.
        sim.runUntil(11 * S);
        moves.update(sim.snapshot(), wall + 11 * LeaderMoves.SHOW_NANOS + 1);
        assertThat(moves.visible()).isEmpty();
    }
}
