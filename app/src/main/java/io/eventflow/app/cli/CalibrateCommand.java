package io.eventflow.app.cli;

import io.eventflow.live.BrokersFile;
import io.eventflow.live.Endpoint;
import io.eventflow.live.calibration.Calibration;
import io.eventflow.live.calibration.CalibrationCase;
import io.eventflow.live.calibration.CalibrationSuite;
import io.eventflow.live.calibration.CalibrationTable;
import io.eventflow.live.calibration.Row;
import io.eventflow.live.calibration.Verdict;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eventflow calibrate}: the simulator against real brokers, case by case, with tolerances. */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        description = "Run the calibration suite: small designs and scenarios whose outcome does not depend on timing"
                + " luck, each N times live (embedded brokers, local servers, or yours with --brokers) and in the"
                + " simulator over the same seeds, and print per figure the simulated and live medians with their"
                + " spread, the difference, the tolerance and the verdict (docs/fidelity.md). Exit 0 when every"
                + " verdict is ok or skipped (with the reason), 1 when any is beyond its tolerance or a live run"
                + " failed, 2 on bad input.")
final class CalibrateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--brokers",
            paramLabel = "FILE",
            description = "your brokers, by the cases' broker ids (--list shows each case's), in the format of"
                    + " 'live --brokers'; the others run embedded or as local servers")
    Path brokersFile;

    @Option(
            names = "--runs",
            paramLabel = "N",
            description = "runs per case, live and simulated, seeds 1 to N (default 3; 1 with --quick)")
    Integer runs;

    @Option(
            names = "--cases",
            paramLabel = "a,b",
            split = ",",
            description = "the cases to run, by name (default: all; --list names them)")
    List<String> cases;

    @Option(names = "--quick", description = "the short form: the quick cases (unless --cases), one run each")
    boolean quick;

    @Option(names = "--list", description = "list the cases and what each shows, and exit")
    boolean list;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the table as JSON ('-': stdout)")
    Path json;

    @Option(
            names = "--markdown",
            paramLabel = "FILE",
            description = "also write the table as Markdown with each tolerance's reason (for docs/fidelity.md)")
    Path markdown;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            for (CalibrationCase c : CalibrationSuite.cases()) {
                out.println(c.id() + (c.quick() ? " (quick)" : "") + ": " + c.title() + " [broker " + c.broker() + "]");
            }
            return EventflowCommand.OK;
        }
        int n = runs != null ? runs : quick ? 1 : 3;
        if (n < 1 || n > 100) {
            err.println("--runs: " + n + " is not between 1 and 100");
            return EventflowCommand.USAGE;
        }
        List<CalibrationCase> selected;
        try {
            selected = CalibrationSuite.select(cases == null ? null : String.join(",", cases), quick);
        } catch (IllegalArgumentException e) {
            err.println("--cases: " + e.getMessage());
            return EventflowCommand.USAGE;
        }
        Map<String, Endpoint> endpoints = Map.of();
        if (brokersFile != null) {
            try {
                endpoints = BrokersFile.read(brokersFile);
            } catch (InputException e) {
                e.problems().forEach(p -> err.println(p.format()));
                return EventflowCommand.USAGE;
            }
        }
        Calibration calibration = new Calibration(n, endpoints, line -> err.println("calibrate: " + line));
        List<Row> rows = calibration.run(selected);
        boolean jsonToStdout = json != null && json.toString().equals("-");
        PrintWriter table = jsonToStdout ? err : out;
        table.print(CalibrationTable.text(rows));
        calibration.notes().forEach(note -> err.println("calibrate: " + note));
        if (jsonToStdout) {
            out.print(CalibrationTable.json(rows, n));
        } else if (json != null) {
            DesignFiles.writeAtomically(json, CalibrationTable.json(rows, n));
            err.println("wrote " + json);
        }
        if (markdown != null) {
            DesignFiles.writeAtomically(markdown, CalibrationTable.markdown(rows));
            err.println("wrote " + markdown);
        }
        long beyond = rows.stream().filter(r -> r.verdict() == Verdict.BEYOND).count();
        long failed = rows.stream().filter(r -> r.verdict() == Verdict.FAILED).count();
        if (beyond > 0 || failed > 0) {
            err.println(beyond + " figure(s) beyond tolerance, " + failed
                    + " with every live run failed: see docs/fidelity.md for the known differences");
            return EventflowCommand.FAILED;
        }
        return EventflowCommand.OK;
    }
}
