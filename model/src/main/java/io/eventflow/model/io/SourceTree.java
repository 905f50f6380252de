package io.eventflow.model.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.eventflow.model.validate.Problem;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML or JSON document read into a Jackson tree, with the line and column of every node by JSON pointer. Reading
 * is guarded against hostile input: a size limit, a nesting limit, no YAML aliases (no alias bombs), no duplicate
 * keys.
 */
public final class SourceTree {
    /** The largest file read, in bytes. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    /** The deepest nesting of maps and lists accepted. */
    public static final int MAX_DEPTH = 128;
    /** The longest line accepted in YAML text (the YAML scanner slows down quadratically on longer tokens). */
    public static final int MAX_YAML_LINE = 100_000;

    private static final YAMLFactory FACTORY = buildFactory();
    private static final JsonFactory JSON_FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH + 2)
                    .maxStringLength(8 * 1024 * 1024)
                    .build())
            .build();

    private final String file;
    private final JsonNode root;
    private final Map<String, int[]> locations;

    private SourceTree(String file, JsonNode root, Map<String, int[]> locations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
    }

    private static YAMLFactory buildFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) MAX_BYTES);
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_DEPTH + 2);
        options.setAllowDuplicateKeys(false);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 2)
                        .maxStringLength(8 * 1024 * 1024)
                        .build())
                .build();
        return factory;
    }

    /** Reads a file; YAML is a superset of JSON, so both are accepted. */
    public static SourceTree read(Path path) throws InputException {
        return read(path, path.toString());
    }

    /**
     * Reads a file named {@code name} in problems. Only regular files are read (a device such as {@code /dev/zero} or
     * a FIFO is refused), and never more than {@link #MAX_BYTES}, whatever size the file system reports.
     */
    public static SourceTree read(Path path, String name) throws InputException {
        try {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(name);
            }
            if (Files.isDirectory(path)) {
                throw new InputException(fileProblem(name, "this is a folder, not a file", "give a file"));
            }
            if (!Files.isRegularFile(path)) {
                throw new InputException(fileProblem(
                        name,
                        "this is not a regular file (a device, a pipe or a socket); only files are read",
                        "give a file"));
            }
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                long size = Math.max(bytes.length, Files.size(path));
                throw new InputException(fileProblem(
                        name,
                        String.format(
                                "the file is %.1f MB; files larger than %d MB are refused",
                                size / 1e6, MAX_BYTES / (1024 * 1024)),
                        "split it, or check that it is the file you meant"));
            }
            return parse(name, decode(name, bytes));
        } catch (NoSuchFileException e) {
            throw new InputException(fileProblem(name, "no such file", "check the path"));
        } catch (java.nio.file.AccessDeniedException e) {
            throw new InputException(fileProblem(name, "permission denied", "check the file's permissions"));
        } catch (IOException e) {
            throw new InputException(fileProblem(name, "cannot read the file: " + e.getMessage(), null));
        }
    }

    /** UTF-8 bytes as text; a problem at the line and column of the first byte that is not UTF-8. */
    static String decode(String file, byte[] bytes) throws InputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int bad = in.position();
            int lineStart = 0;
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new InputException(new Problem(
                    "EF100",
                    io.eventflow.model.validate.Severity.ERROR,
                    null,
                    String.format("the file is not UTF-8 text (byte 0x%02X at offset %d)", bytes[bad] & 0xff, bad),
                    "save it as UTF-8",
                    null,
                    file,
                    line,
                    column));
        }
    }

    /** Parses text; {@code file} names it in problems. JSON text is read as JSON, anything else as YAML. */
    public static SourceTree parse(String file, String text) throws InputException {
        if (text.length() > MAX_BYTES) {
            throw new InputException(
                    fileProblem(file, "the document is larger than " + MAX_BYTES / (1024 * 1024) + " MB", "split it"));
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.isBlank()
                || body.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
            throw new InputException(new Problem(
                    "EF100",
                    io.eventflow.model.validate.Severity.ERROR,
                    null,
                    "the file is empty",
                    "start a design with 'eventflow: 1'",
                    null,
                    file,
                    1,
                    1));
        }
        String start = body.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            try {
                return parse(file, body, JSON_FACTORY);
            } catch (InputException jsonProblem) {
                // Flow-style YAML also starts with { or [: it is YAML unless YAML fails too.
                try {
                    checkLines(file, body);
                    return parse(file, body, FACTORY);
                } catch (InputException yamlProblem) {
                    throw jsonProblem;
                }
            }
        }
        checkLines(file, body);
        return parse(file, body, FACTORY);
    }

    private static void checkLines(String file, String text) throws InputException {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - lineStart > MAX_YAML_LINE) {
                    throw new InputException(new Problem(
                            "EF100",
                            io.eventflow.model.validate.Severity.ERROR,
                            null,
                            "line " + line + " is " + (i - lineStart) + " characters long; YAML lines longer than "
                                    + MAX_YAML_LINE + " characters are refused",
                            "break the value over several lines (e.g. a YAML block scalar with |)",
                            null,
                            file,
                            line,
                            MAX_YAML_LINE + 1));
                }
                line++;
                lineStart = i + 1;
            }
        }
    }

    private static SourceTree parse(String file, String text, JsonFactory factory) throws InputException {
        Map<String, int[]> locations = new HashMap<>();
        try (Reader reader = new StringReader(text);
                JsonParser parser = factory.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InputException(fileProblem(file, "the file is empty", null));
            }
            JsonNode root = readValue(parser, "", 0, locations, file);
            if (parser.nextToken() != null) {
                throw new InputException(at(file, parser.currentLocation(), "", "more than one document in the file"));
            }
            return new SourceTree(file, root, locations);
        } catch (StreamConstraintsException e) {
            JsonLocation loc = e.getLocation() != null ? e.getLocation() : JsonLocation.NA;
            throw new InputException(at(file, loc, null, "the document is nested too deeply or has too long a value"));
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InputException(syntaxProblem(file, e, factory == JSON_FACTORY ? "JSON" : "YAML"));
        }
    }

    private static JsonNode readValue(
            JsonParser p, String pointer, int depth, Map<String, int[]> locations, String file)
            throws IOException, InputException {
        JsonLocation loc = p.currentTokenLocation();
        locations.put(pointer, new int[] {loc.getLineNr(), loc.getColumnNr()});
        if (depth > MAX_DEPTH) {
            throw new InputException(
                    at(file, loc, pointer, "the document is nested more than " + MAX_DEPTH + " levels deep"));
        }
        if (p instanceof YAMLParser yp && yp.isCurrentAlias()) {
            throw new InputException(at(
                    file,
                    loc,
                    pointer,
                    "YAML aliases (*" + p.getText() + ") are not accepted: write the value out in full"));
        }
        JsonNodeFactory nf = JsonNodeFactory.instance;
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode obj = nf.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyLoc = p.currentTokenLocation();
                    String child = pointer + "/" + escape(key);
                    if (obj.has(key)) {
                        throw new InputException(at(file, keyLoc, child, "duplicate key '" + key + "'"));
                    }
                    p.nextToken();
                    obj.set(key, readValue(p, child, depth + 1, locations, file));
                    locations.put(child, new int[] {keyLoc.getLineNr(), keyLoc.getColumnNr()});
                }
                return obj;
            }
            case START_ARRAY -> {
                ArrayNode arr = nf.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    arr.add(readValue(p, pointer + "/" + i, depth + 1, locations, file));
                    i++;
                }
                return arr;
            }
            case VALUE_STRING -> {
                return nf.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> nf.numberNode(p.getIntValue());
                    case LONG -> nf.numberNode(p.getLongValue());
                    default -> nf.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return nf.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                // YAML 1.2 (what AsyncAPI tools and most editors use): only true/false are booleans;
                // YAML 1.1's on/off/yes/no stay words, e.g. enum: [on, off].
                String text = p.getText();
                boolean value = t == JsonToken.VALUE_TRUE;
                return text.equalsIgnoreCase(Boolean.toString(value)) ? nf.booleanNode(value) : nf.textNode(text);
            }
            case VALUE_NULL -> {
                return nf.nullNode();
            }
            default -> throw new InputException(at(file, loc, pointer, "unexpected " + t));
        }
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static Problem at(String file, JsonLocation loc, String pointer, String message) {
        return new Problem(
                "EF100",
                io.eventflow.model.validate.Severity.ERROR,
                null,
                message,
                null,
                pointer,
                file,
                Math.max(loc.getLineNr(), 0),
                Math.max(loc.getColumnNr(), 0));
    }

    static Problem fileProblem(String file, String message, String hint) {
        return new Problem("EF100", io.eventflow.model.validate.Severity.ERROR, null, message, hint, null, file, 0, 0);
    }

    private static Problem syntaxProblem(String file, Exception e, String language) {
        int line = 0;
        int col = 0;
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
            line = jpe.getLocation().getLineNr();
            col = jpe.getLocation().getColumnNr();
            msg = jpe.getOriginalMessage();
        }
        Throwable cause = e.getCause();
        if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException my) {
            msg = (my.getContext() == null ? "" : my.getContext() + ", ") + my.getProblem();
            if (my.getProblemMark() != null) {
                line = my.getProblemMark().getLine() + 1;
                col = my.getProblemMark().getColumn() + 1;
            }
        } else if (cause instanceof org.yaml.snakeyaml.error.YAMLException ye) {
            msg = ye.getMessage();
        }
        msg = firstLine(msg);
        return new Problem(
                "EF100",
                io.eventflow.model.validate.Severity.ERROR,
                null,
                "not valid " + language + ": " + msg,
                null,
                null,
                file,
                Math.max(line, 0),
                Math.max(col, 0));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** Line and column of the node at {@code pointer}, or of its nearest ancestor that has one; {0,0} if none. */
    public int[] location(String pointer) {
        String p = pointer == null ? "" : pointer;
        while (true) {
            int[] loc = locations.get(p);
            if (loc != null) {
                return loc;
            }
            if (p.isEmpty()) {
                return new int[] {0, 0};
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }

    /** The problem with this tree's file, line and column filled in from its pointer. */
    public Problem locate(Problem problem) {
        int[] loc = location(problem.pointer());
        return problem.at(file, loc[0], loc[1]);
    }
}
