package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.eventflow.model.validate.Problem;
import io.eventflow.model.validate.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an input document against the official AsyncAPI JSON Schema of its version (2.0–2.5 against 2.6.0, which
 * accepts them), so that an invalid document imports with warnings naming what is invalid: its export will need the
 * same fix. The schemas (the AsyncAPI Initiative's {@code @asyncapi/specs}, Apache-2.0) are not shipped: they are read
 * from the folder named by the Java property {@value #PROPERTY} or the environment variable {@value #ENV}; without
 * one, {@link #check} says once that nothing was checked.
 */
final class OfficialSchema {
    /** At most this many findings per document; the rest are counted. */
    static final int MAX_FINDINGS = 20;

    static final String PROPERTY = "eventflow.asyncapi.schemas";
    static final String ENV = "EVENTFLOW_ASYNCAPI_SCHEMAS";

    private static final Map<Path, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private OfficialSchema() {}

    /** The folder holding the official schemas, or null when none is configured. */
    static Path folder() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(ENV);
        }
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    /** The schema file of a version in the folder: {@code 3.0.0.json}, else the package's {@code -without-$id} one. */
    private static Path file(Path folder, String version) {
        Path plain = folder.resolve(version + ".json");
        return Files.isRegularFile(plain) ? plain : folder.resolve(version + "-without-$id.json");
    }

    private static JsonSchema schema(Path file) {
        return SCHEMAS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
            try (InputStream in = Files.newInputStream(f)) {
                JsonNode node = new ObjectMapper().readTree(in);
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The finding, once per import, that documents were not checked (no schema folder, or no schema in it). */
    static Problem notChecked(String why) {
        return new Problem(
                RefResolver.RULE,
                Severity.INFO,
                null,
                "not checked against the official AsyncAPI JSON Schema: " + why,
                "set " + ENV + " to a folder with the official schemas (2.6.0.json and 3.0.0.json, e.g. the schemas"
                        + " folder of the @asyncapi/specs package) to have invalid documents reported",
                null,
                null,
                0,
                0);
    }

    /**
     * Warnings for what the official schema in {@code folder} rejects in a document as read (before any 2.x upgrade).
     *
     * @throws IllegalStateException (with a message for users) when the folder has no schema for the version
     */
    static List<Problem> check(Doc d, Path folder) {
        String v = Trees.text(d.root, "asyncapi");
        if (v == null || !d.root.isObject()) {
            return List.of();
        }
        JsonNode doc = d.root;
        String version = v.startsWith("3.") ? "3.0.0" : "2.6.0";
        if (!v.startsWith("3.") && !v.equals("2.6.0")) {
            doc = ((ObjectNode) d.root).deepCopy().put("asyncapi", "2.6.0");
        }
        Path file = file(folder, version);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + version + ".json in " + folder);
        }
        List<ValidationMessage> messages;
        try {
            messages = new ArrayList<>(schema(file).validate(doc));
        } catch (RuntimeException e) {
            return List.of();
        }
        // a Reference Object or the object itself: the alternatives' messages say nothing more than the rest
        messages.removeIf(m -> m.getMessage().contains("required property '$ref' not found")
                || m.getMessage().contains("must be valid to one and only one schema")
                || m.getMessage().contains("should be valid to one and only one schema"));
        TreeMap<String, List<String>> byPointer = new TreeMap<>();
        for (ValidationMessage m : messages) {
            String pointer = m.getInstanceLocation().toString().equals("$")
                    ? ""
                    : pointer(m.getInstanceLocation().toString());
            String text = m.getMessage().replaceFirst("^\\$[^:]*: ", "");
            List<String> list = byPointer.computeIfAbsent(pointer, k -> new ArrayList<>());
            if (!list.contains(text)) {
                list.add(text);
            }
        }
        List<Problem> out = new ArrayList<>();
        int total = byPointer.values().stream().mapToInt(List::size).sum();
        for (Map.Entry<String, List<String>> e : byPointer.entrySet()) {
            for (String text : e.getValue()) {
                if (out.size() == MAX_FINDINGS) {
                    break;
                }
                int[] loc = d.location(e.getKey());
                out.add(new Problem(
                        RefResolver.RULE,
                        Severity.WARNING,
                        null,
                        "not valid AsyncAPI " + v + " (official JSON Schema " + version + "): "
                                + (e.getKey().isEmpty() ? "the document" : e.getKey()) + ": " + text,
                        "the import goes on; fix the document, or the export will need the same fix",
                        e.getKey(),
                        d.name(),
                        loc[0],
                        loc[1]));
            }
        }
        if (total > out.size()) {
            out.add(new Problem(
                    RefResolver.RULE,
                    Severity.WARNING,
                    null,
                    "not valid AsyncAPI " + v + ": " + (total - out.size()) + " more findings of the official JSON"
                            + " Schema",
                    null,
                    null,
                    d.name(),
                    0,
                    0));
        }
        out.sort(Comparator.comparingInt(Problem::line));
        return out;
    }

    /** A JSON pointer from the validator's path ({@code $.channels.a/b.publish} or {@code $['a.b'][0]}). */
    static String pointer(String path) {
        StringBuilder sb = new StringBuilder();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int j = i + 1;
                while (j < path.length() && path.charAt(j) != '.' && path.charAt(j) != '[') {
                    j++;
                }
                sb.append('/').append(Trees.escape(path.substring(i + 1, j)));
                i = j;
            } else if (c == '[') {
                int j;
                String seg;
                if (i + 1 < path.length() && path.charAt(i + 1) == '\'') {
                    j = path.indexOf("']", i + 2);
                    if (j < 0) {
                        break;
                    }
                    seg = path.substring(i + 2, j).replace("\\'", "'");
                    j += 2;
                } else {
                    j = path.indexOf(']', i);
                    if (j < 0) {
                        break;
                    }
                    seg = path.substring(i + 1, j);
                    j += 1;
                }
                sb.append('/').append(Trees.escape(seg));
                i = j;
            } else {
                i++;
            }
        }
        return sb.toString();
    }
}
