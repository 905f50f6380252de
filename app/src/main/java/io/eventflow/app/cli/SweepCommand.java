package io.eventflow.app.cli;

import io.eventflow.model.design.Design;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;
import io.eventflow.simulator.UnsupportedDesignException;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import io.eventflow.simulator.sweep.Figures;
import io.eventflow.simulator.sweep.Goal;
import io.eventflow.simulator.sweep.Minimiser;
import io.eventflow.simulator.sweep.SweepException;
import io.eventflow.simulator.sweep.SweepReport;
import io.eventflow.simulator.sweep.SweepResult;
import io.eventflow.simulator.sweep.SweepRunner;
import io.eventflow.simulator.sweep.SweepSpec;
import io.eventflow.simulator.sweep.Variation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eventflow sweep DESIGN ...}: many seeds and settings on every core, and the smallest setting for a goal. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = {
            "Run a design for many seeds and every combination of the varied settings, in parallel, and print per"
                    + " combination the distribution over seeds (min, p5, p50, p95, max, mean with its 95%% interval) of"
                    + " the report's figures. With --goal and --minimise, find the smallest value of a setting that"
                    + " meets the goal in at least --share of the seeds.",
            "Exit 0 on success, 1 when a goal is not met or conservation is violated, 2 on bad input."
        })
final class SweepCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN", description = "the design file (*.eventflow.yaml)")
    Path design;

    @Option(names = "--scenario", paramLabel = "FILE", description = "a scenario file (*.scenario.yaml)")
    Path scenarioFile;

    @Option(
            names = "--seeds",
            paramLabel = "A..B",
            defaultValue = "1..100",
            description = "the seeds, a range or one seed (default: ${DEFAULT-VALUE})")
    String seeds;

    @Option(
            names = "--vary",
            paramLabel = "ELEMENT.SETTING=VALUES",
            description = "a setting to vary, e.g. billing.instances=1..8, orders.partitions=3,6,12,"
                    + " checkout.rate=1000/s..5000/s step 1000/s (repeatable; every combination runs)")
    List<String> vary = new ArrayList<>();

    @CommandLine.ArgGroup(exclusive = true)
    Length length;

    static final class Length {
        @Option(
                names = "--duration",
                paramLabel = "TIME",
                description = "simulated time per run, e.g. 60s (default: the scenario's, else 60s)")
        String duration;

        @Option(names = "--messages", paramLabel = "N", description = "per run, stop publishing after N messages")
        String messages;
    }

    @Option(names = "--jobs", paramLabel = "N", description = "simulations run at once (default: the number of cores)")
    Integer jobs;

    @Option(
            names = "--report",
            paramLabel = "FILE.json|FILE.csv",
            description = "write every figure's distribution per combination, as JSON or CSV by the extension")
    Path report;

    @Option(
            names = "--goal",
            paramLabel = "EXPR",
            description = "what a run must meet, e.g. \"latencyMs.p99 < 200 and groups.billing.lost == 0\"")
    String goal;

    @Option(
            names = "--share",
            paramLabel = "PERCENT",
            defaultValue = "95%",
            description = "the share of seeds that must meet the goal (default: 95%%)")
    String share;

    @Option(
            names = {"--minimise", "--minimize"},
            paramLabel = "ELEMENT.SETTING",
            description = "find the smallest value of this varied setting that meets the goal")
    String minimise;

    @Option(names = "--scan", description = "with --minimise: try every value instead of bisecting")
    boolean scan;

    @Option(
            names = "--progress",
            negatable = true,
            description = "show a progress bar on stderr (default: when stderr is a terminal)")
    Boolean progress;

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
        SweepSpec sweep;
        try {
            sweep = spec(d, scenario);
        } catch (SweepException e) {
            err.println("eventflow sweep: " + e.getMessage());
            return EventflowCommand.USAGE;
        } catch (UnsupportedDesignException e) {
            e.problems().forEach(p -> err.println(design + ": " + p));
            return EventflowCommand.USAGE;
        }
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs: at least 1");
        }
        SweepRunner runner = new SweepRunner(sweep, threads);
        ProgressBar bar = showProgress() ? new ProgressBar(err) : null;
        CountDownLatch written = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    runner.cancel();
                    try {
                        written.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "sweep-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(runner, bar, out, err);
        } catch (SweepException e) {
            if (bar != null) {
                bar.clear();
            }
            err.println("eventflow sweep: " + e.getMessage());
            return EventflowCommand.USAGE;
        } finally {
            out.flush();
            err.flush();
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook is running and has just been released
            }
        }
    }

    private int run(SweepRunner runner, ProgressBar bar, PrintWriter out, PrintWriter err) throws IOException {
        SweepRunner.Listener listener = bar == null ? null : bar::update;
        SweepResult result;
        Minimiser.Result minimised = null;
        if (minimise != null) {
            minimised = Minimiser.minimise(
                    runner, minimise, scan ? Minimiser.Search.SCAN : Minimiser.Search.BISECTION, listener);
            result = minimised.sweep();
        } else {
            result = runner.run(listener);
        }
        if (bar != null) {
            bar.clear();
        }
        SweepOutput.summary(out, result);
        if (minimised != null) {
            SweepOutput.minimised(out, minimised);
        }
        err.printf(
                Locale.ROOT,
                "%d runs in %.1fs on %d jobs (%.1f runs/s)%n",
                result.runsDone(),
                result.wallSeconds(),
                runner.jobs(),
                result.wallSeconds() > 0 ? result.runsDone() / result.wallSeconds() : 0.0);
        if (report != null) {
            String text = report.toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                    ? SweepReport.csv(result)
                    : SweepReport.json(result, minimised);
            DesignFiles.writeAtomically(report, text);
            err.println("wrote " + report);
        }
        if (runner.cancelled()) {
            err.println("interrupted: " + result.runsDone() + " of " + result.runsPlanned()
                    + " runs finished; the figures above are of those");
            return EventflowCommand.FAILED;
        }
        if (result.violations() > 0) {
            err.println("conservation violated in " + result.violations() + " runs: run 'eventflow simulate' with"
                    + " the seed to see the report's 'invariants'");
            return EventflowCommand.FAILED;
        }
        if (minimised != null && minimised.answers().stream().anyMatch(a -> a.answer() == null)) {
            return EventflowCommand.FAILED;
        }
        if (minimised == null
                && runner.spec().goal() != null
                && result.combinations().stream().noneMatch(result::meetsGoal)) {
            err.println("no combination meets the goal in "
                    + SweepOutput.percent(runner.spec().share()) + " of seeds");
            return EventflowCommand.FAILED;
        }
        return EventflowCommand.OK;
    }

    private SweepSpec spec(Design d, Scenario scenario) {
        List<Variation> variations = new ArrayList<>();
        for (String v : vary) {
            variations.add(Variation.parse(v, d));
        }
        Goal g = goal == null ? null : Goal.parse(goal);
        if (g != null) {
            // the figures a report of this design has: those of a run that has not started
            g.check(Figures.names(d));
        }
        if (minimise != null && g == null) {
            throw new SweepException("--minimise needs a --goal");
        }
        if (scan && minimise == null) {
            throw new SweepException("--scan goes with --minimise");
        }
        SweepSpec s = new SweepSpec(
                d,
                scenario,
                variations,
                SweepSpec.Seeds.parse(seeds),
                length != null && length.duration != null ? parseDuration(length.duration) : null,
                length != null && length.messages != null ? parseCount(length.messages) : null,
                g,
                parseShare(share));
        s.combinations(); // refuse a sweep too large before starting
        return s;
    }

    private boolean showProgress() {
        return progress != null ? progress : System.console() != null;
    }

    private static Long parseDuration(String text) {
        try {
            return TimeSpan.parse(text).nanos();
        } catch (IllegalArgumentException e) {
            throw new SweepException("--duration: " + e.getMessage());
        }
    }

    private static Long parseCount(String text) {
        try {
            double v = Double.parseDouble(text);
            if (v >= 1 && v <= 1e15) {
                return (long) v;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new SweepException("--messages: '" + text + "' is not a count of at least 1 (e.g. 1e6)");
    }

    static double parseShare(String text) {
        String s = text.strip();
        try {
            double v = s.endsWith("%")
                    ? Double.parseDouble(s.substring(0, s.length() - 1).strip()) / 100
                    : Double.parseDouble(s);
            if (v > 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new SweepException("--share: '" + text + "' is not a share above 0% and at most 100% (e.g. 95%)");
    }
}
