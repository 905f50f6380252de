package io.eventflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * The scenario's {@code payloads: encoded}: messages carry encoded examples of their type, so byte-based limits act
 * on their real sizes instead of the typed {@code sizeBytes}.
 */
class EncodedPayloadsTest {
    /**
     * One partition kept to 10,000 bytes. The type says 1,000 bytes; its schema makes a JSON object with one string
     * of exactly 100 characters ({"id":"..."}: 7 + 100 + 2 = 109 bytes encoded). Nobody reads the topic.
     */
    private static final String FIXED_LENGTH =
            """
            eventflow: 1
            name: Bytes
            brokers:
              - {id: kafka, kind: kafka}
            messages:
              - id: Event
                sizeBytes: 1000
                payload:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string, minLength: 100, maxLength: 100}
            channels:
              - {id: events, broker: kafka, address: events, messages: [Event], partitions: 1,
                 retentionBytes: 10000}
            services:
              - id: source
                publishes:
                  - {channel: events, message: Event, rate: 100/s}
            """;

    /** The same with a string of 50 to 150 characters: 59 to 159 bytes encoded. */
    private static final String VARYING =
            FIXED_LENGTH.replace("minLength: 100, maxLength: 100", "minLength: 50, maxLength: 150");

    private static SimulationReport run(String designText, String payloads) throws Exception {
        DesignFiles.Loaded l = DesignFiles.parse("bytes.eventflow.yaml", designText);
        assertThat(l.hasErrors()).as(l.problems().toString()).isFalse();
        Design d = l.design();
        String text = "eventflow-scenario: 1\nseed: 3\n" + (payloads == null ? "" : "payloads: " + payloads + "\n");
        Scenario sc = ScenarioReader.parse("bytes.scenario.yaml", text, d);
        Simulation sim = Simulation.builder(d).scenario(sc).messages(100).build();
        sim.runToEnd();
        return sim.report();
    }

    @Test
    void encodedSizesChangeWhatRetentionBySizeEvicts() throws Exception {
        SimulationReport fixed = run(FIXED_LENGTH, null);
        assertThat(fixed.totals().published()).isEqualTo(100);
        // typed sizes: 10,000 / 1,000 = 10 records fit, so 100 - 10 = 90 are evicted
        assertThat(fixed.channels().get("events").evicted()).isEqualTo(90);
        assertThat(run(FIXED_LENGTH, "fixed").toJson().replaceAll("\"wallSeconds\" *: *[0-9.eE-]+", ""))
                .isEqualTo(fixed.toJson().replaceAll("\"wallSeconds\" *: *[0-9.eE-]+", ""));

        SimulationReport encoded = run(FIXED_LENGTH, "encoded");
        assertThat(encoded.totals().published()).isEqualTo(100);
        // carried sizes: 10,000 / 109 = 91.7, so 91 records fit and 100 - 91 = 9 are evicted
        assertThat(encoded.channels().get("events").evicted()).isEqualTo(9);
        // the report counts the carried bytes: 100 * 109 = 10,900 (and says nothing of bytes without the switch)
        assertThat(encoded.channels().get("events").bytes()).isEqualTo(10_900);
        assertThat(encoded.toJson()).contains("\"bytes\": 10900");
        assertThat(fixed.channels().get("events").bytes()).isEqualTo(-1);
        assertThat(fixed.toJson()).doesNotContain("\"bytes\"");
    }

    @Test
    void varyingSizesFollowTheSeed() throws Exception {
        SimulationReport a = run(VARYING, "encoded");
        // 59 to 159 bytes each: at least 10,000 / 159 = 62.9 -> 62 records fit, at most all 100 (100 * 159 > 10,000,
        // so some are evicted unless the draws are small: 100 * 59 = 5,900 would all fit). So 0 to 100 - 62 = 38.
        long evicted = a.channels().get("events").evicted();
        assertThat(evicted).isBetween(0L, 38L);
        assertThat(run(VARYING, "encoded").channels().get("events").evicted()).isEqualTo(evicted);
    }

    /**
     * Signed with HMAC-SHA256 at its measured cost (docs/performance.md). The type says 16 KiB; its example is 1 KiB
     * ({"id":"..."} with 1,015 characters: 9 + 1,015 = 1,024 bytes). A consumer that verifies, one message every
     * 100 ms, 10 ms each: nothing waits, so the mean latency is sign + verify + processing. The retention is raised
     * out of the way.
     */
    private static final String SIGNED = FIXED_LENGTH
            .replace("sizeBytes: 1000", "sizeBytes: 16384\n    signing: {algorithm: HMAC-SHA256}")
            .replace("minLength: 100, maxLength: 100", "minLength: 1015, maxLength: 1015")
            .replace("retentionBytes: 10000", "retentionBytes: 100000000")
            .replace(
                    "rate: 100/s}",
                    "rate: 10/s, arrival: constant}\n  - id: sink\n"
                            + "    subscribes: [{channel: events, processing: 10ms}]");

    @Test
    void signingAndVerifyingCostWhatTheCarriedSizeCosts() throws Exception {
        // typed 16 KiB: sign 11,440 ns, verify 11,980 ns (SigningCosts' 16 KiB figures)
        assertThat(run(SIGNED, null).groups().get("sink").latencyMs().mean())
                .isCloseTo(10 + (11_440 + 11_980) / 1e6, within(1e-9));
        // carried 1 KiB: sign 2,270 ns, verify 2,510 ns (the 1 KiB figures)
        assertThat(run(SIGNED, "encoded").groups().get("sink").latencyMs().mean())
                .isCloseTo(10 + (2_270 + 2_510) / 1e6, within(1e-9));
    }

    @Test
    void anUnknownPayloadsValueIsAProblem() throws Exception {
        Design d = DesignFiles.parse("bytes.eventflow.yaml", FIXED_LENGTH).design();
        assertThatThrownBy(
                        () -> ScenarioReader.parse("bytes.scenario.yaml", "eventflow-scenario: 1\npayloads: real\n", d))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("payloads is 'fixed' or 'encoded'");
    }
}
