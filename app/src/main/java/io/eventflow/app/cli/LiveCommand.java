package io.eventflow.app.cli;

import io.eventflow.live.BrokersFile;
import io.eventflow.live.Endpoint;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveResult;
import io.eventflow.live.ReportComparison;
import io.eventflow.live.run.LiveRun;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.UnsupportedDesignException;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import io.eventflow.simulator.trace.JsonlTraceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eventflow live DESIGN ...}: runs a design on real brokers and reports what the clients saw. */
@Command(
        name = "live",
        mixinStandardHelpOptions = true,
        description = "Run a design on real brokers (embedded in-process, or yours with --brokers) with the official"
                + " clients, under an optional scenario of faults and actions that act on clients, and measure the"
                + " same report as 'simulate'. Exit 0 on success, 1 when conservation is violated, 2 on bad input or"
                + " when the run cannot start (a refused fault or element, an unreachable broker).")
final class LiveCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN", description = "the design file (*.eventflow.yaml)")
    Path design;

    @Option(names = "--scenario", paramLabel = "FILE", description = "a scenario file (*.scenario.yaml)")
    Path scenarioFile;

    @Option(names = "--seed", paramLabel = "N", description = "random seed (default: the scenario's, else 1)")
    Long seed;

    @Option(
            names = "--duration",
            paramLabel = "TIME",
            description = "how long producers publish, e.g. 10s (default: the scenario's, else 60s)")
    String duration;

    @Option(
            names = "--drain",
            paramLabel = "TIME",
            description = "how long consumers may finish what is left after publishing stops (default 10s)")
    String drain;

    @Option(
            names = "--brokers",
            paramLabel = "FILE",
            description = "your brokers: broker id -> address, client settings, secrets by environment variable name"
                    + " (brokers not named run embedded)")
    Path brokersFile;

    @Option(
            names = "--connect-timeout",
            paramLabel = "TIME",
            description = "how long connecting to a broker may take (default 10s)")
    String connectTimeout;

    @Option(names = "--report", paramLabel = "FILE.json", description = "write the JSON report ('-': stdout)")
    Path report;

    @Option(names = "--trace", paramLabel = "FILE.jsonl", description = "write every trace event as JSON Lines")
    Path trace;

    @Option(names = "--compare", description = "also simulate the same design, scenario and seed; print both")
    boolean compare;

    @Option(names = "--keep", description = "keep the topics and queues the run created on your brokers")
    boolean keep;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Design d;
        Scenario scenario = Scenario.EMPTY;
        Map<String, Endpoint> endpoints = Map.of();
        try {
            d = DesignFiles.open(design);
            if (scenarioFile != null) {
                scenario = ScenarioReader.read(scenarioFile, d);
            }
            if (brokersFile != null) {
                endpoints = BrokersFile.read(brokersFile);
            }
        } catch (InputException e) {
            e.problems().forEach(p -> err.println(p.format()));
            return EventflowCommand.USAGE;
        }
        LiveRun.Builder b = LiveRun.builder(d)
                .scenario(scenario)
                .endpoints(endpoints)
                .keep(keep)
                .progress(line -> err.println("live: " + line));
        if (seed != null) {
            b.seed(seed);
        }
        if (duration != null) {
            b.duration(span("--duration", duration));
        }
        if (drain != null) {
            b.drain(span("--drain", drain));
        }
        if (connectTimeout != null) {
            b.connectTimeout(span("--connect-timeout", connectTimeout));
        }
        LiveRun run = b.build();
        PrintWriter traceOut =
                trace == null ? null : new PrintWriter(Files.newBufferedWriter(trace, StandardCharsets.UTF_8));
        LiveResult result;
        try {
            if (traceOut != null) {
                run = b.trace(new JsonlTraceWriter(traceOut)).build();
            }
            result = run.run();
        } catch (LiveException e) {
            for (String line : e.getMessage().split("\n")) {
                boolean ofScenario = scenarioFile != null && (line.startsWith("fault ") || line.startsWith("action "));
                err.println((ofScenario ? scenarioFile : design) + ": " + line);
            }
            return EventflowCommand.USAGE;
        } finally {
            if (traceOut != null) {
                traceOut.close();
            }
        }
        SimulationReport r = result.report();
        result.notes().forEach(n -> err.println("live: " + n));
        boolean jsonToStdout = report != null && report.toString().equals("-");
        PrintWriter table = jsonToStdout ? err : out;
        table.print(r.summaryTable(true));
        if (compare) {
            SimulationReport sim = simulate(d, scenario, r, err);
            if (sim != null) {
                table.println();
                table.print(ReportComparison.table(sim, r));
            }
        }
        if (jsonToStdout) {
            out.println(r.toJson());
        } else if (report != null) {
            DesignFiles.writeAtomically(report, r.toJson());
            err.println("wrote " + report);
        }
        if (trace != null) {
            err.println("wrote " + trace);
        }
        if (!r.ok()) {
            err.println("conservation violated: see 'invariants' and 'violations' in the report");
            return EventflowCommand.FAILED;
        }
        return EventflowCommand.OK;
    }

    /** The simulator on the same design, scenario and seed, for the publishing time the live run had. */
    private SimulationReport simulate(Design d, Scenario scenario, SimulationReport live, PrintWriter err) {
        Simulation.Builder sb = Simulation.builder(d).scenario(scenario).seed(live.seed());
        if (duration != null) {
            sb.duration(span("--duration", duration).toNanos());
        }
        try {
            Simulation sim = sb.build();
            sim.runToEnd();
            return sim.report();
        } catch (UnsupportedDesignException e) {
            e.problems().forEach(p -> err.println(design + ": simulate: " + p));
            return null;
        }
    }

    private Duration span(String option, String text) {
        try {
            return Duration.ofNanos(TimeSpan.parse(text).nanos());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
