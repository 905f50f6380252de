package io.eventflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Whatever a command throws, JVM errors included, ends as one line for the user and exit 2. */
class FailureHandlingTest {
    @Command(name = "thrower")
    static final class Thrower implements Runnable {
        @CommandLine.Parameters
        String what;

        @Override
        public void run() {
            switch (what) {
                case "soe" -> run();
                case "oom" -> throw new OutOfMemoryError("Java heap space");
                case "cce" -> throw new ClassCastException(
                        "class com.fasterxml.jackson.databind.node.TextNode cannot be cast to class ObjectNode");
                case "iae" -> throw new IllegalArgumentException("URLDecoder: Illegal hex characters in escape (%)");
                default -> throw new IllegalStateException(what);
            }
        }
    }

    private static String[] run(String what) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EventflowCommand.execute(
                EventflowCommand.withHandlers(new CommandLine(new Thrower())),
                new PrintWriter(out),
                new PrintWriter(err),
                what);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void stackOverflowEndsAsOneLineAndExit2() {
        String[] r = run("soe");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).startsWith("eventflow: the input is nested or chained too deeply");
        assertThat(r[2].lines()).hasSize(2).noneMatch(l -> l.contains("at ") || l.contains("Error"));
    }

    @Test
    void outOfMemoryEndsAsOneLineAndExit2() {
        String[] r = run("oom");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).startsWith("eventflow: the input needs more memory").doesNotContain("heap space");
    }

    @Test
    void rawJavaMessagesAreNotShown() {
        for (String what : new String[] {"cce", "iae"}) {
            String[] r = run(what);
            assertThat(r[0]).isEqualTo("2");
            assertThat(r[2])
                    .contains("internal error")
                    .doesNotContain("URLDecoder")
                    .doesNotContain("cannot be cast")
                    .doesNotContain("jackson");
        }
    }

    @Test
    void theConsoleWriterDoesNotPrintTheFailureDetails() throws Exception {
        Properties p = new Properties();
        try (InputStream in = EventflowCommand.class.getResourceAsStream("/tinylog.properties")) {
            p.load(in);
        }
        // The failure is logged with a tag; the console writer takes untagged entries only.
        assertThat(p.getProperty("writer1")).isEqualTo("console");
        assertThat(p.getProperty("writer1.tag")).isEqualTo("-");
        assertThat(p.getProperty("writer2.tag")).isNull();
        assertThat(EventflowCommand.LOG_ONLY).isNotBlank();
    }
}
