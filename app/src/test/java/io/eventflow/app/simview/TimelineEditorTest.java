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
