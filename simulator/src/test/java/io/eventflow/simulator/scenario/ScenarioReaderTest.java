package io.eventflow.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;
import io.eventflow.model.validate.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
    static Design sample() throws Exception {
        return DesignFiles.open(Path.of(System.getProperty("eventflow.repo", ".."))
                .resolve("assets/samples/order-pipeline.eventflow.yaml"));
    }

    @Test
    void readsEveryFaultAndActionOfTheIssueExample() throws Exception {
        Scenario s = ScenarioReader.read(
                Path.of(System.getProperty("eventflow.repo", ".."))
                        .resolve("assets/samples/order-pipeline.scenario.yaml"),
                sample());
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.duration()).isEqualTo(60_000_000_000L);
        assertThat(s.faults()).hasSize(8);
        assertThat(s.faults().get(0)).isEqualTo(new Fault.Crash(12_500_000_000L, "billing", 0, 500_000_000L));
        assertThat(s.faults().get(3))
                .isEqualTo(new Fault.Latency(
                        30_000_000_000L, "kafka", "billing", 200_000_000L, 50_000_000L, 10_000_000_000L));
        assertThat(s.actions()).hasSize(4);
        assertThat(s.actions().get(3)).isEqualTo(new Action.Rate(55_000_000_000L, "checkout", "orders", 400));
        assertThat(s.replays()).isTrue();
    }

    @Test
    void reportsEveryProblemWithLineAndColumn() {
        String text =
                """
                eventflow-scenario: 1
                duration: 10 parsecs
                faults:
                  - {at: 1s, kind: crush, target: billing}
                  - {at: 2s, kind: drop, link: [checkout], percent: 500}
                actions:
                  - {at: 3s, kind: replay, group: billing, channel: orders, to: yesterday}
                """;
        assertThatThrownBy(() -> ScenarioReader.parse("bad.scenario.yaml", text, null))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::format)
                        .anySatisfy(f ->
                                assertThat(f).startsWith("bad.scenario.yaml:2:").contains("duration"))
                        .anySatisfy(f ->
                                assertThat(f).startsWith("bad.scenario.yaml:4:").contains("unknown fault kind 'crush'"))
                        .anySatisfy(f ->
                                assertThat(f).startsWith("bad.scenario.yaml:5:").contains("'link' must name two"))
                        .anySatisfy(f ->
                                assertThat(f).startsWith("bad.scenario.yaml:5:").contains("percent"))
                        .anySatisfy(f ->
                                assertThat(f).startsWith("bad.scenario.yaml:7:").contains("yesterday")));
    }

    @Test
    void checksTargetsAgainstTheDesign() throws Exception {
        String text =
                """
                eventflow-scenario: 1
                faults:
                  - {at: 1s, kind: crash, target: bililng, instance: 0}
                  - {at: 2s, kind: broker-crash, target: kafka, node: 3}
                actions:
                  - {at: 3s, kind: rate, target: billing, channel: orders, rate: 5/s}
                """;
        assertThatThrownBy(() -> ScenarioReader.parse("t.scenario.yaml", text, sample()))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::format)
                        .anySatisfy(f ->
                                assertThat(f).startsWith("t.scenario.yaml:3:").contains("no service 'bililng'"))
                        .anySatisfy(f ->
                                assertThat(f).startsWith("t.scenario.yaml:4:").contains("nodes 0..2"))
                        .anySatisfy(f -> assertThat(f).contains("does not publish on 'orders'")));
    }

    @Test
    void readsTamperOnAChannelOrALinkNotBoth() throws Exception {
        String text =
                """
                eventflow-scenario: 1
                faults:
                  - {at: 1s, kind: tamper, target: orders, percent: 5, for: 2s}
                  - {at: 2s, kind: tamper, link: [checkout, kafka], percent: 50}
                """;
        Scenario s = ScenarioReader.parse("t.scenario.yaml", text, sample());
        assertThat(s.faults())
                .containsExactly(
                        new Fault.Tamper(1_000_000_000L, "orders", null, null, 5, 2_000_000_000L),
                        new Fault.Tamper(2_000_000_000L, null, "checkout", "kafka", 50, -1));
        String both =
                """
                eventflow-scenario: 1
                faults:
                  - {at: 1s, kind: tamper, target: orders, link: [checkout, kafka], percent: 5}
                """;
        assertThatThrownBy(() -> ScenarioReader.parse("t.scenario.yaml", both, sample()))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::format)
                        .anySatisfy(f ->
                                assertThat(f).startsWith("t.scenario.yaml:3:").contains("not both")));
        String unknown = both.replace("target: orders, link: [checkout, kafka]", "target: ordres");
        assertThatThrownBy(() -> ScenarioReader.parse("t.scenario.yaml", unknown, sample()))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::format)
                        .anySatisfy(f ->
                                assertThat(f).startsWith("t.scenario.yaml:3:").contains("no channel 'ordres'")));
    }

    @Test
    void refusesNonYaml() {
        assertThatThrownBy(() -> ScenarioReader.parse("x.scenario.yaml", "faults: [", null))
                .isInstanceOf(InputException.class);
    }
}
