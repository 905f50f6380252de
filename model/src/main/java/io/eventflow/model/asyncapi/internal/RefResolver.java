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
    /** The most references one {@code $ref} may pass through before it reaches its target. */
    public static final int MAX_REF_HOPS = 1000;
    /** The deepest nesting of a document once its references are inlined. */
    public static final int MAX_INLINED_DEPTH = 400;

    private final boolean allowRemote;
    private final Map<URI, Doc> docs = new HashMap<>();
    private final Set<URI> failed = new HashSet<>();
    private final List<Problem> problems = new ArrayList<>();
    /** Schemas reached again inside themselves: kept as {@code #/components/schemas/NAME}. */
    final Map<String, Located> cyclic = new LinkedHashMap<>();

    private int inlined;
    /** Where each reference followed by {@link #deref} ends, by its identity; and those that end nowhere. */
    private final Map<String, Located> derefs = new HashMap<>();

    private final Set<String> brokenChains = new HashSet<>();
    private int depth;
    private boolean tooDeep;

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

    /**
     * The node a reference points at, or null (with a problem). A pointer that passes through a {@code $ref} (e.g.
     * {@code #/channels/replies/messages/result} where {@code channels.replies} is itself a reference) follows it, as
     * the official parser does. Resolution is a loop, never a recursion, and gives up after {@link #MAX_REF_HOPS}
     * references.
     */
    Located resolve(String ref, Located at) {
        Located from = at;
        String current = ref;
        Deque<String> pending = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (int hops = 0; ; hops++) {
            if (hops > MAX_REF_HOPS) {
                error(
                        at,
                        "$ref '" + ref + "' passes through more than " + MAX_REF_HOPS + " references",
                        "point it at the object itself");
                return null;
            }
            int hash = current.indexOf('#');
            String base = hash < 0 ? current : current.substring(0, hash);
            String fragment = hash < 0 ? "" : current.substring(hash + 1);
            Doc target = base.isEmpty() ? from.doc() : external(base, current, from);
            if (target == null) {
                return null;
            }
            String pointer = percentDecode(fragment);
            if (pointer == null) {
                error(
                        from,
                        "$ref '" + current + "' has a malformed percent escape in its fragment",
                        "write '%' followed by two hexadecimal digits, e.g. %20, or the character itself");
                return null;
            }
            if (!pointer.isEmpty() && !pointer.startsWith("/")) {
                error(
                        from,
                        "$ref '" + current + "' has a fragment that is not a JSON pointer",
                        "write e.g. '#/components/x'");
                return null;
            }
            Deque<String> segs = new ArrayDeque<>();
            if (!pointer.isEmpty()) {
                for (String seg : pointer.substring(1).split("/", -1)) {
                    segs.add(Trees.unescape(seg));
                }
            }
            // Segments left over from a reference passed through come after this one's.
            segs.addAll(pending);
            pending.clear();
            JsonNode n = target.root;
            StringBuilder walked = new StringBuilder();
            String through = null;
            while (!segs.isEmpty()) {
                String key = segs.peekFirst();
                String inner = n != null && n.isObject() && !n.has(key) ? textRef(n) : null;
                if (inner != null) {
                    through = inner;
                    break;
                }
                segs.removeFirst();
                n = child(n, key);
                walked.append('/').append(Trees.escape(key));
                if (n == null) {
                    error(
                            from,
                            "dangling $ref '" + ref + "': " + target.name + " has nothing at '" + walked + "'",
                            "check the name after '#'");
                    return null;
                }
            }
            if (through == null) {
                return new Located(n, target, walked.toString());
            }
            Located via = new Located(n, target, walked.toString());
            if (!seen.add(via.identity())) {
                error(at, "cyclic $ref chain: '" + ref + "' leads back to itself", "point it at a real object");
                return null;
            }
            pending.addAll(segs);
            from = via;
            current = through;
        }
    }

    /** The text of a node's {@code $ref}, or null. */
    private static String textRef(JsonNode n) {
        JsonNode r = n.get("$ref");
        return r != null && r.isTextual() ? r.asText() : null;
    }

    /** A member or an array element; null when there is none (an index beyond any array included). */
    private static JsonNode child(JsonNode n, String key) {
        if (n == null) {
            return null;
        }
        if (n.isArray()) {
            boolean index = !key.isEmpty()
                    && key.length() <= 9
                    && key.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                    && (key.length() == 1 || key.charAt(0) != '0');
            return index ? n.get(Integer.parseInt(key)) : null;
        }
        return n.get(key);
    }

    /** Decodes {@code %XX} escapes (UTF-8) of a URI fragment; {@code +} stays {@code +}; null when malformed. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c != '%') {
                flush(bytes, out);
                out.append(c);
                i++;
                continue;
            }
            if (i + 2 >= s.length()) {
                return null;
            }
            int hi = Character.digit(s.charAt(i + 1), 16);
            int lo = Character.digit(s.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            bytes.write(hi * 16 + lo);
            i += 3;
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(java.io.ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
        }
    }

    private Doc external(String base, String ref, Located at) {
        URI uri;
        try {
            boolean absolute = base.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !base.matches("^[a-zA-Z]:[\\\\/].*");
            uri = absolute ? URI.create(base) : resolveRelative(at.doc().uri, base);
        } catch (IllegalArgumentException e) {
            error(
                    at,
                    "$ref '" + ref + "' is not a valid reference (not a relative path or a URL)",
                    "write a relative path such as './common.yaml#/components/x'");
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
        if (!scheme.equals("file") && !scheme.equals("http") && !scheme.equals("https")) {
            error(
                    at,
                    "$ref '" + ref + "' uses the scheme '" + scheme + "'; only files, http and https are followed",
                    null);
            return null;
        }
        Doc d = docs.get(uri);
        if (d != null || failed.contains(uri)) {
            return d;
        }
        String unsupported = unsupportedExtension(uri);
        if (unsupported != null) {
            failed.add(uri);
            error(
                    at,
                    "$ref '" + ref + "' points at a ." + unsupported + " file: references to files that are not"
                            + " YAML or JSON are not supported",
                    "copy what it describes into a YAML or JSON file, or into the document");
            return null;
        }
        try {
            if (scheme.equals("file")) {
                Path file = Path.of(uri);
                d = new Doc(uri, displayName(file), SourceTree.read(file, displayName(file)));
            } else {
                d = new Doc(uri, uri.toString(), SourceTree.parse(uri.toString(), fetch(uri)));
            }
            docs.put(uri, d);
            return d;
        } catch (InputException e) {
            failed.add(uri);
            error(
                    at,
                    "$ref '" + ref + "' cannot be read: " + e.problems().get(0).message(),
                    null);
            // Problems inside the file (e.g. its YAML syntax) add their own place; those about the file as a whole
            // are said by the line above, at the reference.
            e.problems().stream().filter(p -> p.line() > 0).forEach(problems::add);
            return null;
        } catch (IOException e) {
            failed.add(uri);
            error(at, "$ref '" + ref + "' cannot be fetched: " + e.getMessage(), null);
            return null;
        } catch (RuntimeException e) {
            failed.add(uri);
            error(at, "$ref '" + ref + "' cannot be followed: it is not a valid file path or URL", null);
            return null;
        }
    }

    /** File extensions of documents a reference may point at; a file without an extension is tried too. */
    private static final Set<String> DOCUMENT_EXTENSIONS =
            Set.of("yaml", "yml", "json", "avsc", "jsonschema", "schema");

    /** The extension of a referenced file that cannot be a YAML or JSON document, or null. */
    private static String unsupportedExtension(URI uri) {
        String path = uri.getPath();
        if (path == null) {
            return null;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        if (dot <= 0 || dot == last.length() - 1) {
            return null;
        }
        String ext = last.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return DOCUMENT_EXTENSIONS.contains(ext) ? null : ext;
    }

    private static URI resolveRelative(URI from, String base) {
        if ("file".equals(from.getScheme())) {
            Path p = Path.of(from).getParent().resolve(base).normalize();
            return p.toUri();
        }
        return from.resolve(base.replace(" ", "%20"));
    }

    /**
     * How a referenced file is named in messages: relative to the working folder when it lies inside it (as the user
     * would type it), else absolute; never relative to some other folder.
     */
    static String displayName(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path p = file.toAbsolutePath().normalize();
        return p.startsWith(cwd) && !p.equals(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    /** Seconds to wait for a remote host to accept the connection. */
    static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** Seconds to wait for a remote document as a whole. */
    static final int FETCH_TIMEOUT_SECONDS = 20;

    /** A remote document's text; the exception's message says why it could not be fetched. */
    private static String fetch(URI uri) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(FETCH_TIMEOUT_SECONDS))
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IOException("not a URL that can be fetched");
        }
        try {
            HttpResponse<java.io.InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = resp.body()) {
                if (resp.statusCode() / 100 != 2) {
                    throw new IOException("the server answered HTTP " + resp.statusCode());
                }
                byte[] body = in.readNBytes((int) SourceTree.MAX_BYTES + 1);
                if (body.length > SourceTree.MAX_BYTES) {
                    throw new IOException("it is larger than " + SourceTree.MAX_BYTES / (1024 * 1024) + " MB");
                }
                return new String(body, StandardCharsets.UTF_8);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (java.net.http.HttpConnectTimeoutException e) {
            throw new IOException("no connection to " + uri.getHost() + " within " + CONNECT_TIMEOUT_SECONDS + " s");
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IOException("no answer from " + uri.getHost() + " within " + FETCH_TIMEOUT_SECONDS + " s");
        } catch (java.net.ConnectException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            if (c instanceof java.nio.channels.UnresolvedAddressException
                    || c instanceof java.net.UnknownHostException) {
                throw new IOException("host unknown: " + uri.getHost());
            }
            throw new IOException("connection to " + uri.getHost() + " refused"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("the server answered")
                    || e.getMessage() != null && e.getMessage().startsWith("it is larger")) {
                throw e;
            }
            throw new IOException(e.getClass()
                            .getSimpleName()
                            .replaceAll("([a-z])([A-Z])", "$1 $2")
                            .toLowerCase(java.util.Locale.ROOT)
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** Follows a chain of references to a node that is not one; null (with a problem) when it cannot. */
    Located deref(Located l) {
        if (l == null || l.ref() == null) {
            return l;
        }
        Located known = derefs.get(l.identity());
        if (known != null || brokenChains.contains(l.identity())) {
            return known;
        }
        // Every reference met on the way ends where this one ends: remembered, so that a long chain is walked once.
        List<String> walked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Located cur = l;
        while (cur != null && cur.ref() != null) {
            String id = cur.identity();
            Located end = derefs.get(id);
            if (end != null || brokenChains.contains(id)) {
                cur = end;
                break;
            }
            walked.add(id);
            if (!seen.add(id)) {
                error(l, "cyclic $ref chain: '" + l.ref() + "' leads back to itself", "point it at a real object");
                cur = null;
                break;
            }
            if (walked.size() > MAX_REF_HOPS) {
                error(
                        l,
                        "$ref '" + l.ref() + "' starts a chain of more than " + MAX_REF_HOPS + " references",
                        "point it at the object itself");
                cur = null;
                break;
            }
            cur = resolve(cur.ref(), cur);
        }
        for (String id : walked) {
            if (cur == null) {
                brokenChains.add(id);
            } else {
                derefs.put(id, cur);
            }
        }
        return cur;
    }

    /**
     * A copy with every reference replaced by what it points at. A reference back into a schema being copied (a
     * cycle) is kept as {@code #/components/schemas/NAME} and the schema is remembered in {@link #cyclic}.
     */
    JsonNode inline(Located l) {
        return inline(l, new RefStack());
    }

    private JsonNode inline(Located l, Deque<String> stack) {
        if (l == null || l.node() == null) {
            return Trees.NF.objectNode();
        }
        if (tooDeep) {
            return Trees.NF.objectNode(); // the import fails already: no more work on what it would give
        }
        if (depth >= MAX_INLINED_DEPTH) {
            if (!tooDeep) {
                tooDeep = true;
                error(
                        l,
                        "the document nests deeper than " + MAX_INLINED_DEPTH + " levels once references are followed",
                        "check for long chains of references");
            }
            return Trees.NF.objectNode();
        }
        depth++;
        try {
            return inlineNode(l, stack);
        } finally {
            depth--;
        }
    }

    private JsonNode inlineNode(Located l, Deque<String> stack) {
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

    /** The references being inlined, innermost first, with a constant-time {@code contains} (chains can be long). */
    private static final class RefStack extends ArrayDeque<String> {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, Integer> counts = new HashMap<>();

        @Override
        public void push(String id) {
            super.push(id);
            counts.merge(id, 1, Integer::sum);
        }

        @Override
        public String pop() {
            String id = super.pop();
            counts.computeIfPresent(id, (k, n) -> n == 1 ? null : n - 1);
            return id;
        }

        @Override
        public boolean contains(Object o) {
            return counts.containsKey(o);
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    static String lastSegment(String pointer) {
        return Trees.unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
    }
}
