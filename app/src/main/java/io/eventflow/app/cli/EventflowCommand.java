package io.eventflow.app.cli;

import io.eventflow.app.env.Version;
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
            DiffCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            SimulateCommand.class,
            LiveCommand.class,
            CalibrateCommand.class,
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
        return execute(commandLine(), out, err, args);
    }

    /** Runs a command line built by {@link #withHandlers} and returns the exit code. */
    static int execute(CommandLine cl, PrintWriter out, PrintWriter err, String... args) {
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError | RuntimeException e) {
            // Errors of the JVM are not caught by picocli's handler; they end the same way, as one line.
            return fail(cl, e, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine() {
        return withHandlers(new CommandLine(new EventflowCommand()));
    }

    /** Installs the handlers that turn any failure into one line and exit 2. */
    static CommandLine withHandlers(CommandLine cl) {
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                fail(commandLine, ex, parseResult.originalArgs().toArray(String[]::new)));
        cl.setExitCodeExceptionMapper(ex -> USAGE);
        return cl;
    }

    /**
     * Ends a command that failed unexpectedly: one line for the user (never a stack trace or a raw Java message), the
     * details in the log file only (tag {@value #LOG_ONLY}, which the console writer does not print), exit 2.
     */
    static int fail(CommandLine commandLine, Throwable ex, String... args) {
        try {
            Logger.tag(LOG_ONLY).error(ex, "command failed: {}", String.join(" ", args));
        } catch (Throwable logFailed) { // NOPMD: the log is best effort after an out-of-memory error
            // nothing more can be done; the message below still goes out
        }
        commandLine.getErr().println("eventflow: " + userMessage(ex));
        commandLine
                .getErr()
                .println("eventflow: details are in the log: " + System.getProperty("eventflow.logdir", "(no log)"));
        return USAGE;
    }

    /** Tag of log entries that go to the log file only. */
    static final String LOG_ONLY = "details";

    /** A message fit for users: what went wrong in their words, not the JVM's. */
    static String userMessage(Throwable ex) {
        Throwable t = ex;
        while ((t instanceof CommandLine.ExecutionException || t instanceof java.lang.reflect.InvocationTargetException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof StackOverflowError) {
            return "the input is nested or chained too deeply to process (the program ran out of stack)";
        }
        if (t instanceof OutOfMemoryError) {
            return "the input needs more memory than is available (out of memory); try a smaller input, or run with"
                    + " a larger -Xmx";
        }
        if (t instanceof java.nio.file.NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (t instanceof java.nio.file.AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (t instanceof java.nio.file.FileSystemException e) {
            return "cannot read or write " + e.getFile() + (e.getReason() == null ? "" : ": " + e.getReason());
        }
        if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) {
            return "input/output error" + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        if (t instanceof CommandLine.ParameterException) {
            return t.getMessage();
        }
        return "internal error (a bug in EventFlow Studio, please report it with the log)";
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
