package io.eventflow.live.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.run.LiveRun;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.Subscription;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Runs a sample live for a short bounded time and checks the report's conservation. */
public final class SampleRuns {
    private SampleRuns() {}

    /** Runs {@code design} (embedded brokers) for {@code seconds} with {@code scenarioYaml} (null: none). */
    public static LiveResult run(Design design, String scenarioYaml, int seconds, int drainSeconds) throws Exception {
        Scenario scenario = Scenario.EMPTY;
        if (scenarioYaml != null) {
            Path dir = Files.createTempDirectory("ef-live-scenario");
            Path file = dir.resolve("s.scenario.yaml");
            try {
                Files.writeString(file, scenarioYaml);
                scenario = ScenarioReader.read(file, design);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        }
        LiveResult r = LiveRun.builder(design)
                .scenario(scenario)
                .seed(7)
                .duration(Duration.ofSeconds(seconds))
                .drain(Duration.ofSeconds(drainSeconds))
                .build()
                .run();
        System.err.println(r.report().summaryTable());
        System.err.println(r.notes());
        return r;
    }

    /** A design from its YAML text (read as a file is, with its checks). */
    public static Design design(String yaml) throws Exception {
        Path dir = Files.createTempDirectory("ef-live-design");
        Path file = dir.resolve("d.eventflow.yaml");
        try {
            Files.writeString(file, yaml);
            return io.eventflow.model.io.DesignFiles.open(file);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** Every message accounted for: the invariants hold and there is no violation. */
    public static void assertConserved(SimulationReport rep) {
        assertThat(rep.violations()).isEmpty();
        assertThat(rep.ok()).isTrue();
        assertThat(rep.totals().published()).isPositive();
    }

    /** The design with every subscription of {@code service} processing in {@code processing}. */
    public static Design withProcessing(Design design, String service, Distribution processing) {
        return design.withServices(design.services().stream()
                .map(s -> s.id().equals(service)
                        ? s.withSubscribes(s.subscribes().stream()
                                .map(sub -> withProcessing(sub, processing))
                                .toList())
                        : s)
                .toList());
    }

    public static Subscription withProcessing(Subscription s, Distribution processing) {
        return new Subscription(
                s.channel(),
                s.group(),
                s.startFrom(),
                processing,
                s.concurrency(),
                s.prefetch(),
                s.delivery(),
                s.mechanism(),
                s.dedupWindow(),
                s.commit(),
                s.retry(),
                s.deadLetter(),
                s.qos(),
                s.reply(),
                s.maxDowntime(),
                s.durable(),
                s.sessionExpiry(),
                s.receiveMaximum(),
                s.claimIdle(),
                s.isolation(),
                s.rebalancePause(),
                s.verify(),
                s.extensions());
    }
}
