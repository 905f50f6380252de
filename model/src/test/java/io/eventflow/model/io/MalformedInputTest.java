package io.eventflow.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.validate.Problem;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken files: each gives a clear, located problem, quickly, with no stack trace in the message. */
class MalformedInputTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** Loads a file expecting it to be refused; returns the single problem. */
    private Problem refused(Path file) {
        InputException e = assertTimeoutPreemptively(
                HANG_GUARD, () -> catchThrowableOfType(InputException.class, () -> DesignFiles.load(file)));
        assertThat(e).as("an InputException for " + file.getFileName()).isNotNull();
        assertClean(e.getMessage());
        assertThat(e.problems()).isNotEmpty();
        Problem p = e.problems().get(0);
        assertThat(p.file()).isEqualTo(file.toString());
        assertThat(p.isError()).isTrue();
        return p;
    }

    private Problem refused(String name, String text) throws IOException {
        return refused(write(name, text));
    }

    /** Loads a file expecting it to be read but with errors; returns them. */
    private List<Problem> loadedWithErrors(Path file) {
        DesignFiles.Loaded loaded = assertTimeoutPreemptively(HANG_GUARD, () -> DesignFiles.load(file));
        List<Problem> errors =
                loaded.problems().stream().filter(Problem::isError).toList();
        assertThat(errors).isNotEmpty();
        errors.forEach(p -> assertClean(p.format()));
        return errors;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static void assertClean(String message) {
        assertThat(message)
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContainPattern("at [a-z]+\\.[a-z]+\\.[A-Za-z.]+\\(")
                .doesNotContain("com.fasterxml")
                .doesNotContain("org.yaml");
    }

    @Test
    void brokenYaml() throws IOException {
        Problem p = refused("broken.eventflow.yaml", "eventflow: 1\nname: [unclosed\nchannels: {\n");
        assertThat(p.rule()).isEqualTo("EF100");
        assertThat(p.message()).startsWith("not valid YAML:");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isPositive();
    }

    @Test
    void badIndentation() throws IOException {
        Problem p = refused("indent.eventflow.yaml", "eventflow: 1\nname: x\n  brokers: 3\n");
        assertThat(p.message()).contains("mapping values are not allowed here");
        assertThat(p.line()).isEqualTo(3);
    }

    @Test
    void tabsForIndentation() throws IOException {
        Problem p = refused("tab.eventflow.yaml", "eventflow: 1\n\tname: x\n");
        assertThat(p.message()).contains("TAB");
        assertThat(p.line()).isEqualTo(2);
    }

    @Test
    void duplicateKeys() throws IOException {
        Problem p = refused("dup.eventflow.yaml", "eventflow: 1\nname: a\nname: b\n");
        assertThat(p.message()).contains("name");
        assertThat(p.line()).isEqualTo(3);
    }

    @Test
    void wrongTypesAreReportedEachWithItsLine() throws IOException {
        String text = "eventflow: 1\nbrokers: {id: k}\nchannels:\n  - id: c\n    partitions: six\n"
                + "    retention: forever\n    messages: {a: 1}\n";
        List<Problem> errors = loadedWithErrors(write("types.eventflow.yaml", text));
        assertThat(errors)
                .extracting(Problem::message)
                .contains(
                        "'brokers' must be a list, not a map",
                        "'partitions' must be a whole number, not 'six'",
                        "'messages' must be a list of texts, not a map")
                .anySatisfy(m -> assertThat(m).contains("'forever' is not a duration"));
        assertThat(errors).allSatisfy(p -> assertThat(p.line()).isPositive());
    }

    @Test
    void unknownKeysSuggestTheClosestKnownKey() throws IOException {
        String text = "eventflow: 1\nbrokers:\n  - id: k\n    kind: kafka\n    nodez: 3\nchanels: []\n";
        List<Problem> errors = loadedWithErrors(write("keys.eventflow.yaml", text));
        assertThat(errors).extracting(Problem::hint).allSatisfy(h -> assertThat(h)
                .startsWith("did you mean"));
        assertThat(errors)
                .extracting(Problem::message, Problem::line, Problem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("unknown key 'nodez'", 5, 5),
                        org.assertj.core.groups.Tuple.tuple("unknown key 'chanels'", 6, 1));
        assertThat(errors.get(1).hint()).contains("'channels'");
    }

    @Test
    void fiftyMegabyteFileIsRefusedQuickly() throws IOException {
        Path big = dir.resolve("big.eventflow.yaml");
        try (Writer w = Files.newBufferedWriter(big)) {
            w.write("eventflow: 1\nname: big\nx-filler:\n");
            String line = "  - " + "y".repeat(96) + "\n";
            for (int i = 0; i < 50 * 1024 * 1024 / line.length(); i++) {
                w.write(line);
            }
        }
        assertThat(Files.size(big)).isGreaterThan(50L * 1000 * 1000);
        Problem p = refused(big);
        assertThat(p.message()).contains("files larger than 16 MB are refused");
        assertThat(p.line()).isZero(); // the file as a whole
    }

    @Test
    void yamlAliasBombIsRefused() throws IOException {
        StringBuilder sb =
                new StringBuilder("eventflow: 1\nx-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i <= 9; i++) {
            String prev = i == 1 ? "a" : "b" + (i - 1);
            sb.append("x-b").append(i).append(": &b").append(i).append(" [");
            sb.append(("*" + prev + ",").repeat(9)).append("*").append(prev).append("]\n");
        }
        Problem p = refused("bomb.eventflow.yaml", sb.toString());
        assertThat(p.message()).contains("YAML aliases (*a) are not accepted");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isPositive();
    }

    @Test
    void tenThousandNestedFlowListsAreRefused() throws IOException {
        Problem p = refused("deep.eventflow.yaml", "eventflow: 1\nx-deep: " + "[".repeat(10_000) + "]".repeat(10_000));
        assertThat(p.message()).contains("nested more than 128 levels deep");
        assertThat(p.line()).isEqualTo(2);
    }

    @Test
    void tenThousandNestedBlockListsAreRefused() throws IOException {
        Problem p = refused("deep-block.eventflow.yaml", "eventflow: 1\nx-deep:\n" + "- ".repeat(10_000) + "1\n");
        assertThat(p.message()).contains("nested");
        assertThat(p.line()).isEqualTo(3);
    }

    @Test
    void deeplyNestedJsonIsRefused() throws IOException {
        Problem p = refused("deep.json", "{\"eventflow\": 1, \"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}");
        assertThat(p.message()).contains("nested");
        assertThat(p.line()).isEqualTo(1);
    }

    @Test
    void overlongLineIsRefusedQuickly() throws IOException {
        Problem p = refused("long.eventflow.yaml", "eventflow: 1\nname: " + "x".repeat(10_000_000) + "\n");
        assertThat(p.message()).contains("line 2 is 10000006 characters long");
        assertThat(p.line()).isEqualTo(2);
    }

    @Test
    void emptyFile() throws IOException {
        Problem p = refused("empty.eventflow.yaml", "");
        assertThat(p.message()).isEqualTo("the file is empty");
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.column()).isEqualTo(1);
    }

    @Test
    void fileWithOnlyComments() throws IOException {
        assertThat(refused("comments.eventflow.yaml", "# a design\n\n# to come\n")
                        .message())
                .isEqualTo("the file is empty");
    }

    @Test
    void nonUtf8BytesAreLocated() throws IOException {
        byte[] latin1 = "eventflow: 1\nname: Caf\u00e9 M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.eventflow.yaml"), latin1);
        Problem p = refused(file);
        assertThat(p.message()).startsWith("the file is not UTF-8 text (byte 0xE9");
        assertThat(p.hint()).isEqualTo("save it as UTF-8");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(10);
    }

    @Test
    void jsonDesignIsRead() throws Exception {
        String json = "{\"eventflow\": 1, \"name\": \"J\", \"brokers\": [{\"id\": \"k\", \"kind\": \"kafka\"}],"
                + " \"channels\": [{\"id\": \"c\", \"broker\": \"k\", \"partitions\": 2}]}";
        DesignFiles.Loaded loaded = DesignFiles.load(write("design.json", json));
        assertThat(loaded.problems()).isEmpty();
        assertThat(KafkaTopic.of(loaded.design().channels().get(0)).partitions())
                .isEqualTo(2);
    }

    @Test
    void brokenJsonIsReportedAsJson() throws IOException {
        Problem p = refused("broken.json", "{\"eventflow\": 1,\n \"name\": \"J\",,\n}");
        assertThat(p.message()).startsWith("not valid JSON:");
        assertThat(p.line()).isEqualTo(2);
    }

    @Test
    void jsonThatIsNotADesign() throws IOException {
        List<Problem> errors = loadedWithErrors(write("package.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}"));
        assertThat(errors.get(0).message()).isEqualTo("not an EventFlow design: 'eventflow: 1' is missing");
        assertThat(errors.get(0).line()).isEqualTo(1);
    }

    @Test
    void asyncApiDocumentIsRecognised() throws IOException {
        String asyncapi = "asyncapi: 3.0.0\ninfo:\n  title: Orders\n  version: 1.0.0\nchannels:\n  orders:\n"
                + "    address: orders.v1\n";
        List<Problem> errors = loadedWithErrors(write("orders.asyncapi.yaml", asyncapi));
        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("this is an AsyncAPI 3.0.0 document, not an EventFlow design");
            assertThat(p.hint()).contains("import");
            assertThat(p.line()).isEqualTo(1);
        });
    }

    @Test
    void aScalarIsNotADesign() throws IOException {
        List<Problem> errors = loadedWithErrors(write("scalar.eventflow.yaml", "hello\n"));
        assertThat(errors.get(0).message()).contains("must be a map");
    }

    @Test
    void newerFormatVersion() throws IOException {
        List<Problem> errors = loadedWithErrors(write("v2.eventflow.yaml", "eventflow: 2\n"));
        assertThat(errors.get(0).message()).contains("format version 2");
        assertThat(errors.get(0).hint()).isEqualTo("update EventFlow Studio");
    }

    @Test
    void missingFile() {
        Problem p = refused(dir.resolve("nope.eventflow.yaml"));
        assertThat(p.message()).isEqualTo("no such file");
    }

    @Test
    void openFailsWithEveryError() throws IOException {
        Path file = write("two.eventflow.yaml", "eventflow: 1\nbrokers: 3\nservices: 4\n");
        InputException e = catchThrowableOfType(InputException.class, () -> DesignFiles.open(file));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.getMessage()).contains("two.eventflow.yaml:2:").contains("two.eventflow.yaml:3:");
    }
}
