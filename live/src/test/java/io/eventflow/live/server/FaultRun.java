package io.eventflow.live.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.run.LiveRun;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import io.eventflow.simulator.trace.TraceEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the {@code *FaultsLiveTest} classes share: their fault designs, a scenario made of fault lines, a short live run
 * (seed 5 unless a test says otherwise) whose report and notes are printed, the conservation every report must show,
 * and the times in the trace at which a fault began and ended and after which a group processed messages.
 *
 * <pre>{@code
 * Design d = FaultRun.design("amqp-faults");
 * LiveResult r = FaultRun.of(d)
 *         .faults("  - {at: 1s, kind: partition, between: [bulk-sender, rabbit], for: 2s}\n")
 *         .seconds(4)
 *         .drainSeconds(15)
 *         .run();
 * FaultRun.assertConserved(r.report());
 * }</pre>
 *
 * A test whose broker runs as a local server program first calls {@link LocalServerTests#requireProgram}.
 */
public final class FaultRun {
    private static final Path REPO = Path.of(System.getProperty("eventflow.repo", ".."));

    private final Design design;
    private Scenario scenario = Scenario.EMPTY;
    private long seed = 5;
    private Duration duration;
    private Duration drain;
    private List<TraceEvent> events;

    private FaultRun(Design design) {
        this.design = design;
    }

    /** A run of {@code design}; give it its faults and its duration. */
    public static FaultRun of(Design design) {
        return new FaultRun(design);
    }

    /** The design {@code live/src/test/resources/faults/<name>.eventflow.yaml}. */
    public static Design design(String name) throws Exception {
        return DesignFiles.open(REPO.resolve("live/src/test/resources/faults/" + name + ".eventflow.yaml"));
    }

    /** The scenario whose {@code faults:} are {@code lines} (YAML list items, each ending in a new line). */
    public static Scenario scenario(Design design, String lines) throws Exception {
        return ScenarioReader.parse("test.scenario.yaml", "eventflow-scenario: 1\nfaults:\n" + lines, design);
    }

    /** Runs with the scenario whose {@code faults:} are {@code lines}. */
    public FaultRun faults(String lines) throws Exception {
        return scenario(scenario(design, lines));
    }

    /** Runs with {@code yaml}, a whole scenario (faults and actions). */
    public FaultRun scenarioYaml(String yaml) throws Exception {
        return scenario(ScenarioReader.parse("test.scenario.yaml", yaml, design));
    }

    public FaultRun scenario(Scenario s) {
        this.scenario = s;
        return this;
    }

    public FaultRun seed(long s) {
        this.seed = s;
        return this;
    }

    public FaultRun seconds(int s) {
        this.duration = Duration.ofSeconds(s);
        return this;
    }

    /** How long the run waits for deliveries after publishing stops (LiveRun's default: 10 s). */
    public FaultRun drainSeconds(int s) {
        this.drain = Duration.ofSeconds(s);
        return this;
    }

    /** Collects the run's trace events into {@code sink} (a thread-safe list). */
    public FaultRun trace(List<TraceEvent> sink) {
        this.events = sink;
        return this;
    }

    /** Runs live and prints the report's summary table and the run's notes. */
    public LiveResult run() throws Exception {
        if (duration == null) {
            throw new IllegalStateException("a fault run needs its duration: seconds(n)");
        }
        LiveRun.Builder b =
                LiveRun.builder(design).scenario(scenario).seed(seed).duration(duration);
        if (drain != null) {
            b.drain(drain);
        }
        if (events != null) {
            b.trace(events::add);
        }
        LiveResult r = b.build().run();
        System.err.println(r.report().summaryTable());
        System.err.println(r.notes());
        return r;
    }

    /** No violation, and every group's owed messages are processed, lost, dead-lettered, expired or in flight. */
    public static void assertConserved(SimulationReport rep) {
        assertThat(rep.violations()).isEmpty();
        assertThat(rep.ok()).isTrue();
        rep.groups().values().forEach(g -> assertThat(g.owed())
                .as(g.group())
                .isEqualTo(g.processed() + g.lost() + g.deadLettered() + g.expired() + g.inFlight()));
    }

    /** When the first fault of {@code kind} began (trace time), if it did. */
    public static OptionalLong faultStarted(List<TraceEvent> events, String kind) {
        return events.stream()
                .filter(e -> e instanceof TraceEvent.FaultStarted f && f.fault().equals(kind))
                .mapToLong(TraceEvent::time)
                .findFirst();
    }

    /** When the first fault of {@code kind} ended (trace time), if it did. */
    public static OptionalLong faultEnded(List<TraceEvent> events, String kind) {
        return events.stream()
                .filter(e -> e instanceof TraceEvent.FaultEnded f && f.fault().equals(kind))
                .mapToLong(TraceEvent::time)
                .findFirst();
    }

    /** The messages {@code group} processed after trace time {@code time}. */
    public static List<TraceEvent> processedAfter(List<TraceEvent> events, String group, long time) {
        return events.stream()
                .filter(e -> e instanceof TraceEvent.Processed p && p.group().equals(group) && p.time() > time)
                .toList();
    }
}
