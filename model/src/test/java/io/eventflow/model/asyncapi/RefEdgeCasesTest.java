package io.eventflow.model.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.io.InputException;
import io.eventflow.model.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code $ref}s that used to crash, hang or exhaust memory are refused with file, line and column. */
class RefEdgeCasesTest {
    @TempDir
    Path dir;

    private static final String HEAD = "asyncapi: 3.0.0\ninfo: {title: x, version: '1'}\n";

    private List<Problem> problems(String text) throws Exception {
        Path f = dir.resolve("spec.yaml");
        Files.writeString(f, text);
        // Each case must end quickly, whatever it refers to (a FIFO used to block for ever).
        CompletableFuture<List<Problem>> run = CompletableFuture.supplyAsync(() -> {
            try {
                AsyncApiImporter.importFiles(List.of(f), AsyncApiImporter.Options.DEFAULT);
                return List.of();
            } catch (InputException e) {
                return e.problems();
            }
        });
        List<Problem> found = run.get(60, TimeUnit.SECONDS);
        assertThat(found).as("refused").isNotEmpty();
        return found;
    }

    private Problem first(String text) throws Exception {
        Problem p = problems(text).get(0);
        assertThat(p.file()).isNotBlank();
        assertThat(p.line()).isPositive();
        assertThat(p.column()).isPositive();
        return p;
    }

    private static String message(String ref) {
        return HEAD + "components:\n  messages:\n    m:\n      $ref: '" + ref
                + "'\n    real: {payload: {type: string}}\n";
    }

    @Test
    void aBadPercentEscapeIsRefused() throws Exception {
        Problem p = first(message("#/components/%zz"));
        assertThat(p.message()).contains("malformed percent escape").doesNotContain("URLDecoder");
        assertThat(p.line()).isEqualTo(5);
        assertThat(first(message("#/components/messages/re%")).message()).contains("malformed percent escape");
    }

    @Test
    void percentEscapesAndPlusSignsDecodeAsInUris() throws Exception {
        String text = HEAD
                + "channels:\n  c:\n    address: c\n    messages:\n      m: {$ref: '#/components/messages/a%20b'}\n"
                + "components:\n  messages:\n    'a b': {payload: {type: string}}\n";
        Path f = dir.resolve("ok.yaml");
        Files.writeString(f, text);
        assertThat(AsyncApiImporter.importFiles(List.of(f), AsyncApiImporter.Options.DEFAULT)
                        .design()
                        .messages())
                .extracting(io.eventflow.model.design.MessageType::id)
                .as("a key outside the id rule becomes a valid id")
                .contains("a-b");
    }

    @Test
    void anArrayIndexBeyondAnyIntIsDangling() throws Exception {
        String text = HEAD
                + "tags: [{name: a}]\ncomponents:\n  messages:\n    m:\n      $ref: '#/tags/99999999999999999999'\n";
        assertThat(first(text).message()).contains("dangling $ref");
        assertThat(first(HEAD + "tags: [{name: a}]\ncomponents:\n  messages:\n    m: {$ref: '#/tags/01'}\n")
                        .message())
                .contains("dangling $ref");
    }

    @Test
    void aRefInsideInfoDoesNotCrash() throws Exception {
        // Not valid AsyncAPI (info is no place for a reference), but importing it must not crash.
        for (String info :
                List.of("  $ref: '#/components/x'\n", "  title: {$ref: '#/components/x'}\n  version: '1'\n")) {
            for (String x : List.of("5", "[1]", "{title: t, version: '2'}")) {
                String text = "asyncapi: 3.0.0\ninfo:\n" + info + "components:\n  x: " + x + "\n";
                try {
                    AsyncApiImporter.importText("t.yaml", text, dir, AsyncApiImporter.Options.DEFAULT);
                } catch (InputException e) {
                    assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message())
                            .doesNotContain("Exception"));
                }
            }
        }
    }

    @Test
    void aChainOfThousandsOfRefsIsRefusedNotOverflowed() throws Exception {
        StringBuilder sb = new StringBuilder(HEAD);
        sb.append("channels:\n  c:\n    address: c\n    messages:\n      m: {$ref: '#/components/messages/m0'}\n");
        sb.append("components:\n  messages:\n");
        int n = 5000;
        for (int i = 0; i < n; i++) {
            sb.append("    m")
                    .append(i)
                    .append(": {$ref: '#/components/messages/m")
                    .append(i + 1)
                    .append("'}\n");
        }
        sb.append("    m").append(n).append(": {payload: {type: string}}\n");
        Path f = dir.resolve("chain.yaml");
        Files.writeString(f, sb.toString());
        // Run on a thread with a small stack: a recursion would overflow it.
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(
                null,
                () -> {
                    try {
                        AsyncApiImporter.importFiles(List.of(f), AsyncApiImporter.Options.DEFAULT);
                    } catch (Throwable e) {
                        thrown[0] = e;
                    }
                },
                "chain",
                512 * 1024);
        long start = System.nanoTime();
        t.start();
        t.join(Duration.ofSeconds(60).toMillis());
        assertThat(t.isAlive()).as("still running after 60 s").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(thrown[0]).isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems())
                .anySatisfy(p -> {
                    assertThat(p.message()).contains("a chain of more than 1000 references");
                    assertThat(p.line()).isPositive();
                }));
    }

    @Test
    void aLongChainOfNestedSchemasEndsQuickly() throws Exception {
        // Each schema holds a reference to the next: inlining nests three levels per link, past the limit of 400.
        StringBuilder sb = new StringBuilder(HEAD + "components:\n  schemas:\n");
        for (int i = 0; i < 3000; i++) {
            sb.append("    s")
                    .append(i)
                    .append(": {type: object, properties: {n: {$ref: '#/components/schemas/s")
                    .append(i + 1)
                    .append("'}}}\n");
        }
        sb.append("    s3000: {type: string}\n");
        sb.append(
                "channels:\n  c:\n    address: c\n    messages:\n      m: {payload: {$ref: '#/components/schemas/s0'}}\n");
        long start = System.nanoTime();
        assertThat(problems(sb.toString()))
                .anySatisfy(p -> assertThat(p.message()).contains("nests deeper than 400 levels"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aPointerThroughARefResolvesAsTheOfficialParserDoes() throws Exception {
        String text = HEAD
                + """
                channels:
                  replies:
                    $ref: '#/components/channels/replies'
                  requests:
                    address: requests
                    messages:
                      result:
                        $ref: '#/channels/replies/messages/result'
                operations:
                  answer:
                    action: send
                    channel: {$ref: '#/channels/requests'}
                components:
                  channels:
                    replies:
                      address: replies
                      messages:
                        result: {payload: {type: string}, name: result}
                """;
        Path f = dir.resolve("through.yaml");
        Files.writeString(f, text);
        var result = AsyncApiImporter.importFiles(List.of(f), AsyncApiImporter.Options.DEFAULT);
        assertThat(result.design().channels()).hasSize(2);
        assertThat(result.design().messages()).isNotEmpty();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void devicesAndFifosAreNotRead() throws Exception {
        for (String device : List.of("/dev/zero", "/dev/urandom")) {
            if (Files.exists(Path.of(device))) {
                Problem p = first(message(device + "#/x"));
                assertThat(p.message()).contains("not a regular file");
            }
        }
        Path fifo = dir.resolve("pipe.yaml");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mk.waitFor() == 0) {
            Problem p = first(message("./pipe.yaml#/x"));
            assertThat(p.message()).contains("not a regular file");
        }
    }

    @Test
    void aFileTheSizeLimitIsCheckedWhileReading() throws Exception {
        // The limit holds for what is read, not what the file system reports; a sparse file shows the check.
        Path big = dir.resolve("big.yaml");
        try (var ch = java.nio.channels.FileChannel.open(
                big, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'a'}), 17L * 1024 * 1024);
        }
        assertThat(first(message("./big.yaml#/x")).message())
                .contains("cannot be read")
                .contains("larger than 16 MB");
    }

    @Test
    void aRefToAMarkdownFileIsNotSupported() throws Exception {
        Files.writeString(dir.resolve("README.md"), "# Notes\n\nSome text\n");
        Problem p = first(message("./README.md"));
        assertThat(p.message()).contains(".md file").contains("not supported");
    }

    @Test
    void aRefToAnotherFolderIsNamedAbsolutelyOrAsGiven() throws Exception {
        Path other = Files.createTempDirectory("ef-other");
        try {
            Path common = other.resolve("common.yaml");
            Files.writeString(common, "components: {}\n");
            Path f = dir.resolve("spec.yaml");
            Files.writeString(f, message(common.toAbsolutePath() + "#/nothing"));
            assertThatThrownBy(() -> AsyncApiImporter.importFiles(List.of(f), AsyncApiImporter.Options.DEFAULT))
                    .isInstanceOfSatisfying(
                            InputException.class, e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.message())
                                    .contains("dangling")
                                    .contains(common.toAbsolutePath().toString())));
        } finally {
            try (var s = Files.walk(other)) {
                s.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aRemoteRefThatCannotBeFetchedSaysWhy() throws Exception {
        String text = message("http://host.invalid/spec.yaml#/x");
        assertThatThrownBy(() ->
                        AsyncApiImporter.importText("remote.yaml", text, dir, new AsyncApiImporter.Options(true, null)))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems()).first().satisfies(p -> assertThat(p.message())
                                .contains("cannot be fetched")
                                .doesNotContain("null")
                                .containsAnyOf("host unknown", "no connection", "refused", "no answer")));
        try (var server = new LocalServer(404)) {
            String t404 = message(server.url() + "/spec.yaml#/x");
            assertThatThrownBy(() -> AsyncApiImporter.importText(
                            "remote.yaml", t404, dir, new AsyncApiImporter.Options(true, null)))
                    .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems())
                            .first()
                            .satisfies(p -> assertThat(p.message()).contains("HTTP 404")));
        }
    }

    /** A local HTTP server answering every request with one status. */
    private static final class LocalServer implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;

        LocalServer(int status) throws Exception {
            server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", ex -> {
                ex.sendResponseHeaders(status, -1);
                ex.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
