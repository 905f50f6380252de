package io.eventflow.app.cli;

import io.eventflow.app.Version;
import java.io.PrintWriter;
import java.util.Set;
import java.util.TreeSet;
import org.tinylog.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code eventflow} command line: headless subcommands that need no display. */
@Command(
        name = "eventflow",
        mixinStandardHelpOptions = true,
        versionProvider = EventflowCommand.VersionProvider.class,
        description = {
            "EventFlow Studio: design, check, document and simulate event-driven systems.",
            "Run without a subcommand (or with a design file) to open the designer."
        },
        subcommands = {
            ValidateCommand.class,
            LintCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            SimulateCommand.class,
            SweepCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 success, 1 errors found or a check failed, 2 usage error or unreadable input.",
            "Data goes to stdout, messages to stderr; details are logged to the log file."
        })
public final class EventflowCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: errors found or a check failed. */
    public static final int FAILED = 1;
    /** Exit code: usage error or unreadable input. */
    public static final int USAGE = 2;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given streams (for tests) and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new EventflowCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Logger.error(ex, "command failed: {}", String.join(" ", parseResult.originalArgs()));
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            commandLine.getErr().println("eventflow: " + message);
            commandLine
                    .getErr()
                    .println(
                            "eventflow: details are in the log: " + System.getProperty("eventflow.logdir", "(no log)"));
            return USAGE;
        });
        cl.setExitCodeExceptionMapper(ex -> USAGE);
        return cl;
    }

    /** The names of all subcommands, to tell them from file arguments. */
    public static Set<String> subcommandNames() {
        return new TreeSet<>(commandLine().getSubcommands().keySet());
    }

    /** Prints the product, Java and JavaFX versions. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "EventFlow Studio " + Version.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                "JavaFX " + Version.javafxBuildVersion()
            };
        }
    }
}
