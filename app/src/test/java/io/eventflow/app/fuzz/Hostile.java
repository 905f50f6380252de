package io.eventflow.app.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile inputs: values that broke the readers once (huge numbers, long addresses, catastrophic patterns, odd
 * references to devices, pipes and other files) and whole documents built to break them (deep nesting, alias bombs,
 * long {@code $ref} chains). Files they refer to are made in the work folder.
 */
final class Hostile {
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;

    private final Path work;
    private final String fifo;
    private final String markdown;

    Hostile(Path work) throws IOException {
        this.work = work;
        Path md = work.resolve("README.md");
        Files.writeString(md, "# Notes\n\nNot YAML: a: b: c\n");
        this.markdown = md.toString();
        Path pipe = work.resolve("pipe.yaml");
        String made = null;
        try {
            Process p = new ProcessBuilder("mkfifo", pipe.toString())
                    .redirectErrorStream(true)
                    .start();
            if (p.waitFor() == 0) {
                made = pipe.toString();
            }
        } catch (IOException e) {
            // no mkfifo here (Windows): the FIFO cases are left out
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        this.fifo = made;
    }

    private static final String[] SCALARS = {
        "2147483649",
        "2147483649/s",
        "1e300/s",
        "1e300",
        "1.0E300",
        "1e-300/s",
        "-1",
        "-0",
        "0",
        "NaN",
        ".inf",
        "-.inf",
        "99999999999999999999",
        "9999999999999w",
        "99999999TB",
        "1e308d",
        "uniform(99999999999999999999)",
        "(.*a){20}",
        "^(a+)+$",
        "[",
        "%zz",
        "#/components/%zz",
        "${x}",
        "{x}",
        "\u0000",
        "\uFFFD",
        "",
        " ",
        "~",
        "true",
        "0x7fffffff",
        "1_000",
        "../../../../../../../../etc/passwd",
        "/dev/zero",
        "http://host.invalid/x.yaml"
    };

    /** A hostile scalar, sometimes a very long one. */
    String scalar(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> "a" + "b.".repeat(1 + r.nextInt(4000));
            case 1 -> "a".repeat(40 + r.nextInt(40)) + "!";
            case 2 -> "{x}".repeat(1 + r.nextInt(2000));
            default -> SCALARS[r.nextInt(SCALARS.length)];
        };
    }

    /** A hostile node: a scalar, a number at the edge, or a small odd structure. */
    JsonNode value(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> NF.numberNode(new java.math.BigInteger("9".repeat(1 + r.nextInt(40))));
            case 1 -> NF.numberNode(r.nextBoolean() ? 1e300 : -1e300);
            case 2 -> NF.numberNode(r.nextBoolean() ? Integer.MAX_VALUE + 2L : Long.MIN_VALUE);
            case 3 -> NF.objectNode().put("$ref", ref(r));
            case 4 -> NF.arrayNode();
            case 5 -> NF.objectNode();
            default -> NF.textNode(scalar(r));
        };
    }

    /** A {@code $ref} that once crashed, hung or exhausted the importer. */
    String ref(Random r) {
        List<String> refs = new ArrayList<>(List.of(
                "#/components/%zz",
                "#/components/messages/re%",
                "#/tags/99999999999999999999",
                "#/tags/01",
                "#",
                "#/",
                "#//",
                "#/~2",
                "#/info",
                "#/channels",
                "",
                "/dev/zero",
                "/dev/urandom",
                "file:///dev/zero",
                "/dev/zero#/x",
                "../../../../../../../../etc/passwd",
                "http://[::1",
                "mailto:someone@example.com",
                "jar:file:/x.jar!/y.yaml",
                "\\\\server\\share\\x.yaml",
                "./nowhere.yaml#/x",
                "x.yaml#/%E0%A4%A",
                markdown,
                work.toString()));
        if (fifo != null) {
            refs.add(fifo);
        }
        return refs.get(r.nextInt(refs.size()));
    }

    /** The hostile list: whole documents, each run once before the mutations. */
    List<Fuzzer.Case> cases() {
        List<Fuzzer.Case> out = new ArrayList<>();
        String design =
                """
                eventflow: 1
                name: Hostile
                brokers:
                  - {id: kafka, kind: kafka}
                messages:
                  - {id: A, payload: {type: object}}
                channels:
                  - {id: a, broker: kafka, address: %s, messages: [A]}
                services:
                  - id: p
                    publishes:
                      - {channel: a, message: A, rate: %s}
                """;
        add(out, Fuzzer.Target.DESIGN, "long address", design.formatted("a" + "b.".repeat(3000) + "c", "10/s"));
        add(
                out,
                Fuzzer.Target.DESIGN,
                "catastrophic addressPattern",
                design.formatted("a".repeat(40) + "1", "10/s") + "lint:\n  addressPattern: '^(.*a){20}$'\n");
        add(out, Fuzzer.Target.DESIGN, "rate 2147483649/s", design.formatted("a.v1", "2147483649/s"));
        add(out, Fuzzer.Target.DESIGN, "rate 1e300/s", design.formatted("a.v1", "1e300/s"));
        add(
                out,
                Fuzzer.Target.DESIGN,
                "rate 1e6/s x 10000",
                design.formatted("a.v1", "1000000/s").replace("  - id: p\n", "  - id: p\n    instances: 10000\n"));
        add(
                out,
                Fuzzer.Target.DESIGN,
                "partitions 2^31",
                design.formatted("a.v1", "10/s").replace("messages: [A]}", "messages: [A], partitions: 2147483648}"));
        add(
                out,
                Fuzzer.Target.DESIGN,
                "keys beyond long",
                design.formatted("a.v1", "10/s")
                        .replace("rate: 10/s}", "rate: 10/s, key: k, keys: uniform(99999999999999999999)}"));
        add(out, Fuzzer.Target.DESIGN, "empty", "");
        add(out, Fuzzer.Target.DESIGN, "nesting", "[".repeat(100_000));
        add(out, Fuzzer.Target.DESIGN, "alias bomb", aliasBomb());
        add(out, Fuzzer.Target.DESIGN, "recursive alias", "a: &a [*a]\n");
        add(out, Fuzzer.Target.DESIGN, "NUL", "eventflow: 1\nname: \u0000\n");
        String scenario = "eventflow-scenario: 1\nactions:\n  - {at: 0.2s, kind: %s, target: checkout, %s}\n";
        add(out, Fuzzer.Target.SCENARIO, "rate 1e300/s", scenario.formatted("rate", "channel: orders, rate: 1e300/s"));
        add(out, Fuzzer.Target.SCENARIO, "rate 1e300", scenario.formatted("rate", "channel: orders, rate: 1.0E300"));
        add(out, Fuzzer.Target.SCENARIO, "scale 2e9", scenario.formatted("scale", "instances: 2000000000"));
        add(
                out,
                Fuzzer.Target.SCENARIO,
                "rate then scale",
                scenario.formatted("rate", "channel: orders, rate: 1000000/s")
                        + "  - {at: 0.2s, kind: scale, target: checkout, instances: 10000}\n");
        add(
                out,
                Fuzzer.Target.SCENARIO,
                "negative time",
                "eventflow-scenario: 1\nfaults:\n  - {at: -5, kind: crash," + " target: billing}\n");
        add(out, Fuzzer.Target.SCENARIO, "duration 1e300", "eventflow-scenario: 1\nduration: 1e300\n");
        String head = "asyncapi: 3.0.0\ninfo: {title: x, version: '1'}\n";
        String msgRef = head + "channels:\n  c:\n    address: c\n    messages:\n      m: {$ref: '%s'}\n";
        for (String ref : List.of(
                "#/components/%zz",
                "#/tags/99999999999999999999",
                "/dev/zero",
                "/dev/urandom",
                markdown,
                fifo == null ? "./nowhere.yaml" : fifo,
                "http://host.invalid/x.yaml")) {
            add(out, Fuzzer.Target.ASYNCAPI, "ref " + ref, msgRef.formatted(ref));
        }
        add(
                out,
                Fuzzer.Target.ASYNCAPI,
                "ref in info",
                "asyncapi: 3.0.0\ninfo:\n  $ref: '#/components/x'\n" + "components:\n  x: 5\n");
        StringBuilder chain = new StringBuilder(msgRef.formatted("#/components/messages/m0"));
        chain.append("components:\n  messages:\n");
        for (int i = 0; i < 5000; i++) {
            chain.append("    m")
                    .append(i)
                    .append(": {$ref: '#/components/messages/m")
                    .append(i + 1)
                    .append("'}\n");
        }
        chain.append("    m5000: {payload: {type: string}}\n");
        add(out, Fuzzer.Target.ASYNCAPI, "ref chain 5000", chain.toString());
        StringBuilder schemas = new StringBuilder(head + "components:\n  schemas:\n");
        for (int i = 0; i < 3000; i++) {
            schemas.append("    s")
                    .append(i)
                    .append(": {type: object, properties: {n: {$ref: '#/components/schemas/s")
                    .append(i + 1)
                    .append("'}}}\n");
        }
        schemas.append("    s3000: {type: string}\n");
        schemas.append("channels:\n  c:\n    address: c\n    messages:\n      m: {payload: {$ref: "
                + "'#/components/schemas/s0'}}\n");
        add(out, Fuzzer.Target.ASYNCAPI, "nested schema chain 3000", schemas.toString());
        add(
                out,
                Fuzzer.Target.ASYNCAPI,
                "long address",
                head + "channels:\n  c:\n    address: a" + "b.".repeat(3000) + "\n");
        return out;
    }

    private void add(List<Fuzzer.Case> out, Fuzzer.Target t, String name, String text) {
        out.add(new Fuzzer.Case(
                out.size(),
                t,
                "hostile-" + name.replaceAll("[^A-Za-z0-9]+", "-") + ".yaml",
                text,
                work,
                false,
                "hostile: " + (name.length() > 60 ? name.substring(0, 60) + "..." : name)));
    }

    private static String aliasBomb() {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 9; k++) {
                sb.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        return sb.toString();
    }
}
