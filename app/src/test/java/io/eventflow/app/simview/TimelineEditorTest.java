package io.eventflow.app.simview;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineEditorTest {
    private static final long S = 1_000_000_000L;

    @TempDir
    Path tmp;

    @Test
    void templatesMovesAndSavesBackToAScenarioFile() throws Exception {
        Design d = DesignFiles.open(SimulationRunnerTest.SAMPLES.resolve("order-pipeline.eventflow.yaml"));
        String[] selected = {"orders"};
        try (SimSession session = new SimSession(() -> d)) {
            TimelineEditor editor = new TimelineEditor(session, () -> selected[0]);
            assertThat(editor.templates())
                    .extracting(TimelineEditor.Template::label)
                    .contains("Poison 10% of orders for 10s");
            selected[0] = "kafka";
            assertThat(editor.templates().get(0).item()).isEqualTo(new Fault.BrokerCrash(S, "kafka", 0, 10 * S));
            selected[0] = "sub:orders>billing";
            assertThat(editor.templates()).anySatisfy(t -> assertThat(t.item()).isInstanceOf(Fault.Latency.class));

            Fault poison = new Fault.Poison(2 * S, "orders", 10, 5 * S);
            Object moved = TimelineEditor.withAt(poison, 7 * S);
            assertThat(moved).isEqualTo(new Fault.Poison(7 * S, "orders", 10, 5 * S));
            assertThat(TimelineEditor.length(moved)).isEqualTo(5 * S);
            assertThat(TimelineEditor.title(moved)).isEqualTo("poison orders");
            assertThat(TimelineEditor.title(new Fault.Partition(0, "checkout", "kafka", S)))
                    .isEqualTo("partition [checkout, kafka]");

            Scenario s = new Scenario(
                    null, 5L, 30 * S, List.of((Fault) moved), List.of(new Action.Scale(9 * S, "billing", 6)));
            session.scenarioProperty().set(s);
            Path file = tmp.resolve("edited.scenario.yaml");
            assertThat(editor.saveTo(file)).startsWith("Saved");
            assertThat(ScenarioReader.read(file, d)).isEqualTo(s);
            assertThat(session.scenarioFileProperty().get()).isEqualTo(file);
        }
    }

    @Test
    void templatesForTheNewKindsAreOnesTheScenarioCheckerAccepts() throws Exception {
        for (String sample : List.of(
                "orders-sqs-sns",
                "iot-telemetry",
                "activity-redis-streams",
                "jobs-postgres-notify",
                "trading-jms",
                "order-pipeline")) {
            Design d = DesignFiles.open(SimulationRunnerTest.SAMPLES.resolve(sample + ".eventflow.yaml"));
            String[] selected = {null};
            try (SimSession session = new SimSession(() -> d)) {
                TimelineEditor editor = new TimelineEditor(session, () -> selected[0]);
                List<String> ids = new java.util.ArrayList<>();
                d.elementIds().forEach(ids::add);
                io.eventflow.app.canvas.EdgeRef.of(d).forEach(e -> ids.add(e.id()));
                int offered = 0;
                for (String id : ids) {
                    selected[0] = id;
                    for (TimelineEditor.Template t : editor.templates()) {
                        offered++;
                        Scenario s = t.item() instanceof Fault f
                                ? new Scenario(null, 1L, 60 * S, List.of(f), List.of())
                                : new Scenario(null, 1L, 60 * S, List.of(), List.of((Action) t.item()));
                        assertThat(io.eventflow.simulator.scenario.ScenarioChecker.check(s, d))
                                .as(sample + ": " + t.label())
                                .isEmpty();
                    }
                }
                assertThat(offered).as(sample).isPositive();
            }
        }
        Design sqs = DesignFiles.open(SimulationRunnerTest.SAMPLES.resolve("orders-sqs-sns.eventflow.yaml"));
        try (SimSession session = new SimSession(() -> sqs)) {
            String[] selected = {"sns:order-events>billing-queue"};
            TimelineEditor editor = new TimelineEditor(session, () -> selected[0]);
            // the fan-out happens inside the broker: no link fault to offer
            assertThat(editor.templates()).isEmpty();
            selected[0] = "billing-queue";
            assertThat(editor.templates())
                    .extracting(TimelineEditor.Template::label)
                    .containsExactly("Poison 10% of billing-queue for 10s");
        }
    }

    @Test
    void badSeedOrDurationIsReportedNotThrown() throws Exception {
        Design d = DesignFiles.open(SimulationRunnerTest.SAMPLES.resolve("order-pipeline.eventflow.yaml"));
        try (SimSession session = new SimSession(() -> d)) {
            session.seedProperty().set("forty-two");
            session.reset();
            session.frame(0);
            assertThat(session.messageProperty().get()).contains("seed");
            session.seedProperty().set("42");
            session.durationProperty().set("soon");
            session.reset();
            session.frame(0);
            assertThat(session.messageProperty().get()).contains("duration");
            session.durationProperty().set("5s");
            session.reset();
            session.runner().awaitIdle(5000);
            session.frame(0);
            assertThat(session.messageProperty().get()).isEmpty();
            assertThat(session.runner().endTime()).isEqualTo(5 * S);
            assertThat(session.runner().seed()).isEqualTo(42);
        }
    }
}
