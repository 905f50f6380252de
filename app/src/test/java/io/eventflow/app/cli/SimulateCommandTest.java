package io.eventflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    private static final Path SAMPLES =
            Path.of(System.getProperty("eventflow.repo", "..")).toAbsolutePath().resolve("assets/samples");

    @Test
    void simulatesWithAScenarioAndWritesReportAndTrace(@TempDir Path tmp) throws Exception {
        Path report = tmp.resolve("report.json");
        Path trace = tmp.resolve("trace.jsonl");
        CliRunner r = CliRunner.run(
                "simulate",
                SAMPLES.resolve("order-pipeline.eventflow.yaml").toString(),
                "--scenario",
                SAMPLES.resolve("order-pipeline.scenario.yaml").toString(),
                "--duration",
                "20s",
                "--report",
                report.toString(),
                "--trace",
                trace.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("published").contains("billing");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        for (String field : new String[] {
            "design",
            "seed",
            "simulatedSeconds",
            "wallSeconds",
            "kernelEvents",
            "totals",
            "lostByCause",
            "latencyMs",
            "groups",
            "channels",
            "invariants"
        }) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        assertThat(json.get("simulatedSeconds").asDouble()).isEqualTo(20.0);
        assertThat(json.get("totals").get("published").asLong()).isPositive();
        assertThat(json.get("invariants").get("conservation").asBoolean()).isTrue();
        assertThat(json.get("groups").get("billing").get("channel").asText()).isEqualTo("orders");
        assertThat(Files.lines(trace).limit(3)).allMatch(l -> l.startsWith("{"));
    }

    @Test
    void sameSeedSameReport() throws Exception {
        String design = SAMPLES.resolve("order-pipeline.eventflow.yaml").toString();
        CliRunner a = CliRunner.run("simulate", design, "--seed", "7", "--duration", "5s", "--report", "-");
        CliRunner b = CliRunner.run("simulate", design, "--seed", "7", "--duration", "5s", "--report", "-");
        ObjectMapper m = new ObjectMapper();
        JsonNode ja = m.readTree(a.out());
        JsonNode jb = m.readTree(b.out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) ja).remove("wallSeconds");
        ((com.fasterxml.jackson.databind.node.ObjectNode) jb).remove("wallSeconds");
        assertThat(ja).isEqualTo(jb);
    }

    @Test
    void refusesDesignsWithUnsupportedBrokersNamingTheElement(@TempDir Path tmp) throws Exception {
        // 'other' brokers are design and export only
        Path design = tmp.resolve("bus.eventflow.yaml");
        Files.writeString(
                design,
                """
                eventflow: 1
                name: unsupported
                brokers: [{id: bus, kind: other}]
                messages: [{id: M, sizeBytes: 100}]
                channels: [{id: events, broker: bus, messages: [M]}]
                services:
                  - id: p
                    publishes: [{channel: events, message: M, rate: 1/s}]
                """);
        CliRunner r = CliRunner.run("simulate", design.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'bus'").contains("other");
    }

    @Test
    void simulatesTheMqttSampleWithItsScenario() {
        CliRunner r = CliRunner.run(
                "simulate",
                SAMPLES.resolve("iot-telemetry.eventflow.yaml").toString(),
                "--scenario",
                SAMPLES.resolve("iot-telemetry.scenario.yaml").toString(),
                "--duration",
                "15s");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("conservation: holds");
    }

    @Test
    void badOptionsAreUsageErrors() {
        String design = SAMPLES.resolve("order-pipeline.eventflow.yaml").toString();
        assertThat(CliRunner.run("simulate", design, "--duration", "soon").code())
                .isEqualTo(2);
        assertThat(CliRunner.run("simulate", design, "--duration", "1s", "--messages", "10")
                        .code())
                .isEqualTo(2);
        assertThat(CliRunner.run("simulate", "missing.eventflow.yaml").code()).isEqualTo(2);
    }

    @Test
    void benchM1PrintsTheReferenceJsonLine() throws Exception {
        CliRunner r = CliRunner.run("bench", "m1", "--messages", "2e4", "--consumers", "2", "--dispatch", "rr");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode line = new ObjectMapper().readTree(r.out().lines().findFirst().orElseThrow());
        assertThat(line.has("mean_latency")).isTrue();
        assertThat(line.has("events_per_cpu_sec")).isTrue();
        assertThat(CliRunner.run("bench", "m1", "--dispatch", "magic").code()).isEqualTo(2);
    }
}
