package io.eventflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;
import io.eventflow.model.validate.Problem;
import io.eventflow.simulator.kernel.SimFailedException;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Rates and counts that would exhaust memory are refused with a location, or stop the run with a clear message. */
class LimitsTest {
    private static final Path SAMPLE =
            Path.of(System.getProperty("eventflow.repo", "..")).resolve("assets/samples/order-pipeline.eventflow.yaml");

    private static String sampleText() throws Exception {
        return Files.readString(SAMPLE);
    }

    @Test
    void aRateBeyondTheMaximumIsAnErrorWithItsLine() throws Exception {
        String text = sampleText().replace("rate: 200/s", "rate: 2147483649/s");
        DesignFiles.Loaded loaded = DesignFiles.parse("big.eventflow.yaml", text);
        assertThat(loaded.problems())
                .filteredOn(Problem::isError)
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("EF104");
                    assertThat(p.message()).contains("more than the highest rate accepted, 1,000,000/s");
                    assertThat(p.line()).isEqualTo(119);
                });
    }

    @Test
    void aCountBeyondItsMaximumIsAnErrorWithItsLine() throws Exception {
        String text = sampleText().replace("  - id: checkout\n", "  - id: checkout\n    instances: 2147483648\n");
        DesignFiles.Loaded loaded = DesignFiles.parse("big.eventflow.yaml", text);
        assertThat(loaded.problems())
                .filteredOn(Problem::isError)
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).isEqualTo("'instances' is 2147483648; the most accepted is 10,000");
                    assertThat(p.line()).isEqualTo(115);
                });
    }

    @Test
    void aDesignCreatingTooManyMessagesIsRefusedBeforeItRuns() throws Exception {
        // 100 instances x 1,000,000/s = 100,000,000 messages per second, ten times the limit of 10,000,000.
        String text = sampleText()
                .replace("rate: 200/s", "rate: 1000000/s")
                .replace("  - id: checkout\n", "  - id: checkout\n    instances: 100\n");
        Design d = DesignFiles.parse("big.eventflow.yaml", text).design();
        assertThatThrownBy(() -> Simulation.builder(d).duration(1_000_000_000L).build())
                .isInstanceOfSatisfying(UnsupportedDesignException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p)
                                .contains("would create 100,000,000 messages per simulated second")
                                .contains("the limit is 10,000,000")));
    }

    @Test
    void aSimulatorSettingThatIsNotADurationIsRefusedNotThrown() throws Exception {
        // Found by the fuzzer: x-pollInterval: 'true' threw IllegalArgumentException out of build().
        Path sqs = SAMPLE.resolveSibling("orders-sqs-sns.eventflow.yaml");
        for (String bad : new String[] {"'true'", "''", "-1", "[1s]"}) {
            String text = Files.readString(sqs)
                    .replace(
                            "      - channel: billing-queue\n",
                            "      - channel: billing-queue\n        x-pollInterval: " + bad + "\n");
            Design d = DesignFiles.parse("sqs.eventflow.yaml", text).design();
            assertThatThrownBy(
                            () -> Simulation.builder(d).duration(1_000_000_000L).build())
                    .isInstanceOfSatisfying(UnsupportedDesignException.class, e -> assertThat(e.problems())
                            .anySatisfy(p ->
                                    assertThat(p).startsWith("x-pollInterval ").contains("is not a duration")));
        }
    }

    @Test
    void aScenarioRateOf1e300IsAnErrorWithItsLine() throws Exception {
        Design d = DesignFiles.open(SAMPLE);
        String text = "eventflow-scenario: 1\nactions:\n  - {at: 1s, kind: rate, target: checkout, channel: orders,"
                + " rate: 1e300/s}\n  - {at: 2s, kind: rate, target: checkout, channel: orders, rate: 1.0E300}\n";
        assertThatThrownBy(() -> ScenarioReader.parse("s.scenario.yaml", text, d))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::format)
                        .anySatisfy(f ->
                                assertThat(f).startsWith("s.scenario.yaml:3:").contains("highest rate"))
                        .anySatisfy(f ->
                                assertThat(f).startsWith("s.scenario.yaml:4:").contains("highest rate")));
        String scale =
                "eventflow-scenario: 1\nactions:\n  - {at: 1s, kind: scale, target: checkout, instances: 2000000000}\n";
        assertThatThrownBy(() -> ScenarioReader.parse("s.scenario.yaml", scale, d))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::format)
                        .anySatisfy(f ->
                                assertThat(f).startsWith("s.scenario.yaml:3:").contains("most accepted")));
        String negative = "eventflow-scenario: 1\nfaults:\n  - {at: -5, kind: crash, target: billing}\n";
        assertThatThrownBy(() -> ScenarioReader.parse("s.scenario.yaml", negative, d))
                .isInstanceOf(InputException.class);
    }

    @Test
    void actionsThatWouldCreateTooManyMessagesStopTheRunCleanly() throws Exception {
        Design d = DesignFiles.open(SAMPLE);
        // 1,000,000/s per instance, then 11 instances: 11,000,000 messages per second > 10,000,000.
        String text = "eventflow-scenario: 1\nduration: 3s\nactions:\n"
                + "  - {at: 1s, kind: rate, target: checkout, channel: orders, rate: 1000000/s}\n"
                + "  - {at: 1s, kind: scale, target: checkout, instances: 11}\n";
        Scenario s = ScenarioReader.parse("s.scenario.yaml", text, d);
        Simulation sim = Simulation.builder(d).scenario(s).build();
        assertThatThrownBy(sim::runToEnd).isInstanceOfSatisfying(SimFailedException.class, e -> {
            assertThat(e.getCause()).isInstanceOf(SimulationLimitException.class);
            assertThat(e.getCause().getMessage())
                    .isEqualTo("after the scale action on 'checkout' the design would create 11,000,000"
                            + " messages per simulated second; the limit is 10,000,000");
            assertThat(e.getMessage()).doesNotContain("Exception");
        });
    }
}
