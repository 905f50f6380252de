package io.eventflow.app.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/** Byte, line and YAML-tree mutations of a text; which and how is drawn from the given random stream. */
final class Mutator {
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Bytes and tokens that mean something to YAML, JSON or our notations. */
    private static final String[] TOKENS = {
        "\u0000",
        "\t",
        "\r",
        "\n",
        "\r\n",
        ":",
        ": ",
        "- ",
        "{",
        "}",
        "[",
        "]",
        ",",
        "&a ",
        "*a",
        "!!binary ",
        "!x ",
        "? ",
        "|",
        ">",
        "#",
        "%",
        "%YAML 1.1\n",
        "---\n",
        "...\n",
        "'",
        "\"",
        "\\",
        "$ref",
        "/s",
        "e300",
        "-",
        ".",
        "\uFEFF",
        "\u2028",
        "\uFFFD",
        "~",
        "null",
        "1e9999",
        "99999999999999999999"
    };

    private final Hostile hostile;

    Mutator(Hostile hostile) {
        this.hostile = hostile;
    }

    /** A mutated text and what was done to it ({@code byte...} texts hold one byte per char, ISO-8859-1). */
    record Mutated(String text, String kind) {}

    Mutated mutate(String text, Random r) {
        int pick = r.nextInt(10);
        if (pick < 3) {
            return bytes(text, r);
        }
        if (pick < 6) {
            return lines(text, r);
        }
        try {
            return tree(text, r);
        } catch (Exception | StackOverflowError e) {
            return lines(text, r);
        }
    }

    private Mutated bytes(String text, Random r) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder kinds = new StringBuilder("byte");
        byte[] b = in;
        for (int n = r.nextInt(4) == 0 ? 2 : 1; n > 0 && b.length > 0; n--) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0 -> {
                    b = b.clone();
                    b[at] ^= (byte) (1 << r.nextInt(8));
                    kinds.append(" flip@").append(at);
                }
                case 1 -> {
                    b = b.clone();
                    b[at] = (byte) r.nextInt(256);
                    kinds.append(" set@").append(at);
                }
                case 2 -> {
                    byte[] tok = TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
                    b = splice(b, at, at, tok);
                    kinds.append(" insert@").append(at);
                }
                case 3 -> {
                    int end = Math.min(b.length, at + 1 + r.nextInt(64));
                    b = splice(b, at, end, new byte[0]);
                    kinds.append(" delete@").append(at);
                }
                case 4 -> {
                    int end = Math.min(b.length, at + 1 + r.nextInt(64));
                    byte[] copy = java.util.Arrays.copyOfRange(b, at, end);
                    b = splice(b, at, at, copy);
                    kinds.append(" dup@").append(at);
                }
                default -> {
                    b = java.util.Arrays.copyOf(b, at);
                    kinds.append(" cut@").append(at);
                }
            }
        }
        return new Mutated(new String(b, StandardCharsets.ISO_8859_1), kinds.toString());
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }

    private Mutated lines(String text, Random r) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        StringBuilder kinds = new StringBuilder("line");
        for (int n = r.nextInt(4) == 0 ? 2 : 1; n > 0 && !lines.isEmpty(); n--) {
            int at = r.nextInt(lines.size());
            switch (r.nextInt(8)) {
                case 0 -> {
                    lines.remove(at);
                    kinds.append(" delete@").append(at);
                }
                case 1 -> {
                    lines.add(at, lines.get(at));
                    kinds.append(" dup@").append(at);
                }
                case 2 -> {
                    int other = r.nextInt(lines.size());
                    String t = lines.get(at);
                    lines.set(at, lines.get(other));
                    lines.set(other, t);
                    kinds.append(" swap@").append(at).append(',').append(other);
                }
                case 3 -> {
                    lines.set(at, (r.nextBoolean() ? "  " : "") + lines.get(at).replaceFirst("^  ", ""));
                    kinds.append(" indent@").append(at);
                }
                case 4 -> {
                    int times = 1 + r.nextInt(r.nextBoolean() ? 10 : 2000);
                    for (int k = 0; k < times; k++) {
                        lines.add(at, lines.get(at));
                    }
                    kinds.append(" repeat").append(times).append('@').append(at);
                }
                case 5 -> {
                    // Replace the value after the first ': ' with a hostile one.
                    String line = lines.get(at);
                    int colon = line.indexOf(": ");
                    String v = hostile.scalar(r);
                    lines.set(at, colon < 0 ? line + v : line.substring(0, colon + 2) + quoteIfNeeded(v));
                    kinds.append(" value@").append(at);
                }
                case 6 -> {
                    lines.subList(at, lines.size()).clear();
                    kinds.append(" truncate@").append(at);
                }
                default -> {
                    lines.add(at, lines.get(r.nextInt(lines.size())));
                    kinds.append(" copy@").append(at);
                }
            }
        }
        return new Mutated(String.join("\n", lines), kinds.toString());
    }

    private static String quoteIfNeeded(String v) {
        boolean plain = v.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '\'' && c != '#' && c != ':');
        return plain ? v : "'" + v.replace("'", "''").replace("\n", " ") + "'";
    }

    private Mutated tree(String text, Random r) throws Exception {
        JsonNode root = YAML.readTree(text);
        if (root == null || !root.isContainerNode()) {
            return lines(text, r);
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        StringBuilder kinds = new StringBuilder("tree");
        for (int n = r.nextInt(4) == 0 ? 2 : 1; n > 0; n--) {
            JsonNode c = containers.get(r.nextInt(containers.size()));
            int op = r.nextInt(7);
            if (c.isObject()) {
                ObjectNode o = (ObjectNode) c;
                List<String> keys = new ArrayList<>();
                o.fieldNames().forEachRemaining(keys::add);
                String key = keys.isEmpty() ? "x" : keys.get(r.nextInt(keys.size()));
                switch (op) {
                    case 0 -> {
                        o.remove(key);
                        kinds.append(" remove ").append(key);
                    }
                    case 1 -> {
                        o.set(key, hostile.value(r));
                        kinds.append(" hostile ").append(key);
                    }
                    case 2 -> {
                        o.set(key, containers.get(r.nextInt(containers.size())).deepCopy());
                        kinds.append(" graft ").append(key);
                    }
                    case 3 -> {
                        o.set(key, retype(o.get(key), r));
                        kinds.append(" retype ").append(key);
                    }
                    case 4 -> {
                        o.set("$ref", NF.textNode(hostile.ref(r)));
                        kinds.append(" ref");
                    }
                    case 5 -> {
                        o.set(key, nest(o.get(key), 20 + r.nextInt(200), r));
                        kinds.append(" nest ").append(key);
                    }
                    default -> {
                        o.set(
                                key + "x",
                                o.get(key) == null ? NF.nullNode() : o.get(key).deepCopy());
                        kinds.append(" typo ").append(key);
                    }
                }
            } else {
                ArrayNode a = (ArrayNode) c;
                int at = a.isEmpty() ? 0 : r.nextInt(a.size());
                switch (op % 4) {
                    case 0 -> {
                        if (!a.isEmpty()) {
                            a.remove(at);
                        }
                        kinds.append(" drop[").append(at).append(']');
                    }
                    case 1 -> {
                        for (int k = 1 + r.nextInt(r.nextBoolean() ? 3 : 500); k > 0 && !a.isEmpty(); k--) {
                            a.add(a.get(at).deepCopy());
                        }
                        kinds.append(" clone[").append(at).append(']');
                    }
                    case 2 -> {
                        a.insert(at, hostile.value(r));
                        kinds.append(" hostile[").append(at).append(']');
                    }
                    default -> {
                        a.insert(
                                at, containers.get(r.nextInt(containers.size())).deepCopy());
                        kinds.append(" graft[").append(at).append(']');
                    }
                }
            }
        }
        boolean json = r.nextInt(4) == 0;
        return new Mutated(
                json ? JSON.writeValueAsString(root) : YAML.writeValueAsString(root), kinds + (json ? " json" : ""));
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }

    private JsonNode retype(JsonNode n, Random r) {
        if (n == null || n.isValueNode()) {
            return r.nextBoolean()
                    ? NF.arrayNode().add(n == null ? NF.nullNode() : n)
                    : NF.objectNode().set("x", n == null ? NF.nullNode() : n);
        }
        return r.nextBoolean() ? NF.textNode(n.toString()) : NF.numberNode(r.nextLong());
    }

    private static JsonNode nest(JsonNode inner, int depth, Random r) {
        JsonNode n = inner == null ? NF.nullNode() : inner.deepCopy();
        for (int i = 0; i < depth; i++) {
            n = r.nextBoolean() ? NF.arrayNode().add(n) : NF.objectNode().set("k", n);
        }
        return n;
    }
}
