package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.io.InputException;
import io.eventflow.model.io.SourceTree;
import io.eventflow.model.validate.Problem;
import io.eventflow.model.validate.Severity;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads documents and follows {@code $ref}s: internal ({@code #/...}), relative local files, and remote URLs only when
 * allowed. Cycles are detected; problems are collected with the file, line, column and pointer of the reference.
 */
public final class RefResolver {
    /** Rule id of import errors and warnings. */
    public static final String RULE = "EF120";

    static final int MAX_INLINED_NODES = 2_000_000;

    private final boolean allowRemote;
    private final Map<URI, Doc> docs = new HashMap<>();
    private final Set<URI> failed = new HashSet<>();
    private final List<Problem> problems = new ArrayList<>();
    /** Schemas reached again inside themselves: kept as {@code #/components/schemas/NAME}. */
    final Map<String, Located> cyclic = new LinkedHashMap<>();

    private int inlined;

    public RefResolver(boolean allowRemote) {
        this.allowRemote = allowRemote;
    }

    public List<Problem> problems() {
        return problems;
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** Reads an AsyncAPI file given by the user. */
    public Doc load(Path path) throws InputException {
        Path abs = path.toAbsolutePath().normalize();
        URI uri = abs.toUri();
        Doc d = docs.get(uri);
        if (d == null) {
            d = new Doc(uri, path.toString(), SourceTree.read(path));
            docs.put(uri, d);
        }
        return d;
    }

    /** Parses text given by the user; relative references resolve against {@code base}. */
    public Doc parse(String name, String text, Path base) throws InputException {
        URI uri = base.toAbsolutePath().normalize().resolve(Trees.slug(name)).toUri();
        Doc d = new Doc(uri, name, SourceTree.parse(name, text));
        docs.put(uri, d);
        return d;
    }

    void error(Located at, String message, String hint) {
        add(at, Severity.ERROR, message, hint);
    }

    void warn(Located at, String message, String hint) {
        add(at, Severity.WARNING, message, hint);
    }

    private void add(Located at, Severity severity, String message, String hint) {
        int[] loc = at == null ? new int[] {0, 0} : at.doc().location(at.pointer());
        String pointer = at == null ? null : at.doc().filePointer(at.pointer());
        String file = at == null ? null : at.doc().name();
        problems.add(new Problem(RULE, severity, null, message, hint, pointer, file, loc[0], loc[1]));
    }

    /** The node a reference points at, or null (with a problem). */
    Located resolve(String ref, Located at) {
        int hash = ref.indexOf('#');
        String base = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        Doc target = base.isEmpty() ? at.doc() : external(base, ref, at);
        if (target == null) {
            return null;
        }
        String pointer = URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            error(at, "$ref '" + ref + "' has a fragment that is not a JSON pointer", "write e.g. '#/components/x'");
            return null;
        }
        JsonNode n = target.root;
        for (String seg :
                pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
            String key = Trees.unescape(seg);
            n = n == null ? null : n.isArray() && key.matches("\\d+") ? n.get(Integer.parseInt(key)) : n.get(key);
        }
        if (n == null) {
            error(
                    at,
                    "dangling $ref '" + ref + "': " + target.name + " has nothing at '" + pointer + "'",
                    "check the name after '#'");
            return null;
        }
        return new Located(n, target, pointer);
    }

    private Doc external(String base, String ref, Located at) {
        URI uri;
        try {
            boolean absolute = base.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !base.matches("^[a-zA-Z]:[\\\\/].*");
            uri = absolute ? URI.create(base) : resolveRelative(at.doc().uri, base);
        } catch (IllegalArgumentException e) {
            error(at, "$ref '" + ref + "' is not a valid reference: " + e.getMessage(), null);
            return null;
        }
        String scheme = uri.getScheme() == null ? "file" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("file") && !allowRemote) {
            error(
                    at,
                    "remote reference '" + ref + "' is not followed: remote references are refused by default",
                    "download the file and refer to it by a relative path, or allow remote references"
                            + " (--allow-remote-refs)");
            return null;
        }
        Doc d = docs.get(uri);
        if (d != null || failed.contains(uri)) {
            return d;
        }
        try {
            d = scheme.equals("file")
                    ? new Doc(uri, displayName(uri), SourceTree.read(Path.of(uri)))
                    : new Doc(uri, uri.toString(), SourceTree.parse(uri.toString(), fetch(uri)));
            docs.put(uri, d);
            return d;
        } catch (InputException e) {
            failed.add(uri);
            error(
                    at,
                    "$ref '" + ref + "' cannot be read: " + e.problems().get(0).message(),
                    null);
            problems.addAll(e.problems());
            return null;
        } catch (IOException | RuntimeException e) {
            failed.add(uri);
            error(at, "$ref '" + ref + "' cannot be fetched: " + e.getMessage(), null);
            return null;
        }
    }

    private static URI resolveRelative(URI from, String base) {
        if ("file".equals(from.getScheme())) {
            Path p = Path.of(from).getParent().resolve(base).normalize();
            return p.toUri();
        }
        return from.resolve(base.replace(" ", "%20"));
    }

    private static String displayName(URI uri) {
        Path cwd = Path.of("").toAbsolutePath();
        Path p = Path.of(uri);
        try {
            return cwd.relativize(p).toString();
        } catch (IllegalArgumentException e) {
            return p.toString();
        }
    }

    private static String fetch(URI uri) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest req = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build();
        try {
            HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() / 100 != 2) {
                throw new IOException("HTTP " + resp.statusCode());
            }
            if (resp.body().length() > SourceTree.MAX_BYTES) {
                throw new IOException("larger than 16 MB");
            }
            return resp.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /** Follows a chain of references to a node that is not one; null (with a problem) when it cannot. */
    Located deref(Located l) {
        Set<String> seen = new HashSet<>();
        Located cur = l;
        while (cur != null && cur.ref() != null) {
            if (!seen.add(cur.identity())) {
                error(l, "cyclic $ref chain: '" + l.ref() + "' leads back to itself", "point it at a real object");
                return null;
            }
            cur = resolve(cur.ref(), cur);
        }
        return cur;
    }

    /**
     * A copy with every reference replaced by what it points at. A reference back into a schema being copied (a
     * cycle) is kept as {@code #/components/schemas/NAME} and the schema is remembered in {@link #cyclic}.
     */
    JsonNode inline(Located l) {
        return inline(l, new ArrayDeque<>());
    }

    private JsonNode inline(Located l, Deque<String> stack) {
        if (l == null || l.node() == null) {
            return Trees.NF.objectNode();
        }
        if (++inlined > MAX_INLINED_NODES) {
            if (inlined == MAX_INLINED_NODES + 1) {
                error(
                        l,
                        "the document expands to more than " + MAX_INLINED_NODES + " nodes once references are"
                                + " followed",
                        "check for references that multiply");
            }
            return Trees.NF.objectNode();
        }
        String ref = l.ref();
        if (ref != null) {
            return inlineRef(l, ref, stack);
        }
        JsonNode n = l.node();
        if (n.isObject()) {
            ObjectNode o = Trees.NF.objectNode();
            n.fieldNames().forEachRemaining(k -> o.set(k, inline(l.child(k), stack)));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = Trees.NF.arrayNode();
            for (int i = 0; i < n.size(); i++) {
                a.add(inline(l.child(i), stack));
            }
            return a;
        }
        return n;
    }

    private JsonNode inlineRef(Located l, String ref, Deque<String> stack) {
        if (ref.startsWith("#/components/securitySchemes/")) {
            return l.node().deepCopy();
        }
        Located target = resolve(ref, l);
        if (target == null) {
            return Trees.NF.objectNode();
        }
        if (stack.contains(target.identity())) {
            String name = Trees.slug(lastSegment(target.pointer()));
            cyclic.putIfAbsent(name, target);
            ObjectNode cycle = Trees.NF.objectNode().put("$ref", "#/components/schemas/" + Trees.escape(name));
            return withSiblings(l, cycle, stack);
        }
        stack.push(target.identity());
        JsonNode out = inline(target, stack);
        stack.pop();
        return withSiblings(l, out, stack);
    }

    /** Keywords beside a {@code $ref} (a description, examples, ...) laid over what it refers to. */
    private JsonNode withSiblings(Located l, JsonNode target, Deque<String> stack) {
        if (l.node().size() < 2 || !target.isObject()) {
            return target;
        }
        ObjectNode o = ((ObjectNode) target).deepCopy();
        l.node().fieldNames().forEachRemaining(k -> {
            if (!k.equals("$ref")) {
                o.set(k, inline(l.child(k), stack));
            }
        });
        return o;
    }

    static String lastSegment(String pointer) {
        return Trees.unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
    }
}
