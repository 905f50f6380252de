package io.eventflow.app.cli;

import io.eventflow.model.design.Design;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.SimulationLimitException;
import io.eventflow.simulator.UnsupportedDesignException;
import io.eventflow.simulator.kernel.SimFailedException;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eventflow simulate DESIGN ...}: runs a design headless and reports what happened. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Run a design in the broker simulator, headless and flat out, under an optional scenario of"
                + " faults and actions. Prints a summary table; writes the JSON report and the complete trace on"
                + " request. Exit 0 on success, 1 when the conservation invariant is violated, 2 on bad input.")
final class SimulateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN", description = "the design file (*.eventflow.yaml)")
    Path design;

    @Option(names = "--scenario", paramLabel = "FILE", description = "a scenario file (*.scenario.yaml)")
    Path scenarioFile;

    @Option(names = "--seed", paramLabel = "N", description = "random seed (default: the scenario's, else 1)")
    Long seed;

    @CommandLine.ArgGroup(exclusive = true)
    Length length;

    static final class Length {
        @Option(
                names = "--duration",
                paramLabel = "TIME",
                description = "simulated time, e.g. 60s, 5min (default: the scenario's, else 60s)")
        String duration;

        @Option(names = "--messages", paramLabel = "N", description = "stop publishing after N messages, e.g. 1e6")
        String messages;
    }

    @Option(names = "--report", paramLabel = "FILE.json", description = "write the JSON report ('-': stdout)")
    Path report;

    @Option(names = "--trace", paramLabel = "FILE.jsonl", description = "write every trace event as JSON Lines")
    Path trace;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Design d;
        Scenario scenario = null;
        try {
            d = DesignFiles.open(design);
            if (scenarioFile != null) {
                scenario = ScenarioReader.read(scenarioFile, d);
            }
        } catch (InputException e) {
            e.problems().forEach(p -> err.println(p.format()));
            return EventflowCommand.USAGE;
        }
        Simulation.Builder builder = Simulation.builder(d).scenario(scenario);
        if (seed != null) {
            builder.seed(seed);
        }
        if (length != null && length.duration != null) {
            builder.duration(parseDuration(length.duration));
        }
        if (length != null && length.messages != null) {
            builder.messages(parseCount(length.messages));
        }
        Writer traceWriter = trace == null ? null : Files.newBufferedWriter(trace, StandardCharsets.UTF_8);
        try {
            if (traceWriter != null) {
                builder.traceWriter(traceWriter);
            }
            Simulation sim;
            try {
                sim = builder.build();
            } catch (UnsupportedDesignException e) {
                e.problems().forEach(p -> err.println(design + ": " + p));
                return EventflowCommand.USAGE;
            }
            try {
                sim.runToEnd();
            } catch (SimFailedException e) {
                if (e.getCause() instanceof SimulationLimitException limit) {
                    err.println(design + ": " + limit.getMessage());
                    return EventflowCommand.USAGE;
                }
                throw e;
            }
            SimulationReport r = sim.report();
            boolean jsonToStdout = report != null && report.toString().equals("-");
            (jsonToStdout ? err : out).print(r.summaryTable());
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
                err.println("conservation violated: see 'invariants' in the report");
                return EventflowCommand.FAILED;
            }
            return EventflowCommand.OK;
        } finally {
            if (traceWriter != null) {
                traceWriter.close();
            }
        }
    }

    private long parseDuration(String text) {
        try {
            return TimeSpan.parse(text).nanos();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--duration: " + e.getMessage());
        }
    }

    private long parseCount(String text) {
        try {
            double v = Double.parseDouble(text);
            if (!(v >= 1) || v > 1e15) {
                throw new NumberFormatException();
            }
            return (long) v;
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--messages: '" + text + "' is not a count of at least 1 (e.g. 1e6)");
        }
    }
}
