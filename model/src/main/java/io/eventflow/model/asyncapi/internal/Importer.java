package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.DesignReader;
import io.eventflow.model.io.DesignWriter;
import io.eventflow.model.io.InputException;
import io.eventflow.model.layout.AutoLayout;
import io.eventflow.model.validate.Problem;
import io.eventflow.model.validate.Severity;
import io.eventflow.model.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Runs an import: checks every document, maps them into one design tree, reads it, lays it out. */
public final class Importer {
    private final RefResolver refs;
    private final List<Doc> docs;
    private final String name;
    private final ImportState st;
    private final List<Problem> warnings = new ArrayList<>();

    public Importer(RefResolver refs, List<Doc> docs, String name) {
        this.refs = refs;
        this.docs = docs;
        this.name = name;
        this.st = new ImportState(refs);
    }

    /** The design and the warnings; throws with every error when any document has one. */
    public Map.Entry<Design, List<Problem>> run() throws InputException {
        Path schemas = OfficialSchema.folder();
        Problem notChecked = schemas == null ? OfficialSchema.notChecked("no schema folder is set") : null;
        for (Doc d : docs) {
            String v = Trees.text(d.root, "asyncapi");
            if (notChecked == null && v != null && (v.matches("3\\.0\\.\\d+") || v.matches("2\\.[0-6]\\.\\d+"))) {
                try {
                    warnings.addAll(OfficialSchema.check(d, schemas));
                } catch (IllegalStateException | java.io.UncheckedIOException e) {
                    notChecked = OfficialSchema.notChecked(e.getMessage());
                }
            }
            DocChecks.check(d, refs);
        }
        if (notChecked != null) {
            warnings.add(notChecked);
        }
        failOnErrors();
        for (Doc d : docs) {
            new DocMapper(st, d).map();
        }
        cyclicSchemas();
        failOnErrors();
        ImportCompleter.apply(st, warnings);
        ObjectNode tree = tree();
        DesignReader.Result read = DesignReader.read(tree);
        List<Problem> errors = new ArrayList<>();
        for (Problem p : read.problems()) {
            errors.add(locate(p));
        }
        if (errors.stream().anyMatch(Problem::isError)) {
            throw new InputException(once(errors));
        }
        refuseIfInvalid(Validator.validate(read.design()));
        Design design = AutoLayout.ensureLayout(read.design());
        refuseIfInvalid(writtenAndReadBack(design));
        refs.problems().stream().filter(p -> !p.isError()).forEach(warnings::add);
        return Map.entry(design, once(warnings));
    }

    /**
     * Each problem once, as the user reads it: a reference inlined in many places (a shared schema) is reported where
     * it is written, once, not once per place it is used.
     */
    static List<Problem> once(List<Problem> problems) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            if (seen.add(p.format())) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** The errors of the design as import would write it and the reader would read it back. */
    private static List<Problem> writtenAndReadBack(Design design) {
        try {
            return DesignFiles.parse("imported design", DesignWriter.toYaml(design)).problems().stream()
                    .filter(Problem::isError)
                    .toList();
        } catch (InputException e) {
            // e.g. a payload schema nested deeper than design files may be: no pointer, placed at the document
            return e.problems().stream()
                    .map(p -> new Problem(p.rule(), p.severity(), p.element(), p.message(), p.hint(), null, null, 0, 0))
                    .toList();
        }
    }

    /**
     * What import writes must validate (the design, and the design as written and read back); otherwise the import is
     * refused with the reasons, each placed at the AsyncAPI object its element came from.
     */
    private void refuseIfInvalid(List<Problem> invalid) throws InputException {
        if (!invalid.isEmpty()) {
            throw new InputException(invalid.stream()
                    .map(p -> {
                        Problem at = locate(p);
                        return new Problem(
                                p.rule(),
                                Severity.ERROR,
                                p.element(),
                                "the imported design would not validate: " + p.message(),
                                p.hint(),
                                at.pointer(),
                                at.file(),
                                at.line(),
                                at.column());
                    })
                    .toList());
        }
    }

    private void failOnErrors() throws InputException {
        if (refs.hasErrors()) {
            List<Problem> all = new ArrayList<>(refs.problems());
            all.sort(Comparator.comparing((Problem p) -> p.severity().ordinal())
                    .thenComparing(p -> p.file() == null ? "" : p.file())
                    .thenComparingInt(Problem::line));
            throw new InputException(once(all));
        }
    }

    private void cyclicSchemas() {
        if (refs.cyclic.isEmpty()) {
            return;
        }
        ObjectNode comps = st.rootRaw.has("components")
                ? (ObjectNode) st.rootRaw.get("components")
                : st.rootRaw.putObject("components");
        ObjectNode schemas = comps.has("schemas") ? (ObjectNode) comps.get("schemas") : comps.putObject("schemas");
        for (int guard = 0; guard < 1000; guard++) {
            var pending = refs.cyclic.entrySet().stream()
                    .filter(e -> !schemas.has(e.getKey()))
                    .findFirst();
            if (pending.isEmpty()) {
                break;
            }
            schemas.set(pending.get().getKey(), refs.inline(pending.get().getValue()));
        }
    }

    private ObjectNode tree() {
        ObjectNode t = Trees.NF.objectNode();
        t.put("eventflow", Design.FORMAT_VERSION);
        String n = name != null ? name : docs.size() == 1 ? Trees.text(st.design, "name") : commonFolder();
        t.put("name", n != null ? n : "Imported system");
        Trees.put(t, "version", Trees.text(st.design, "version"));
        Trees.put(t, "description", docs.size() == 1 ? Trees.text(st.design, "description") : null);
        put(t, "brokers", st.brokers);
        put(t, "messages", st.messages);
        put(t, "channels", st.channels);
        put(t, "services", st.services);
        for (String k : List.of("layout", "notes", "lint")) {
            if (st.rootEf.has(k)) {
                t.set(k, st.rootEf.get(k));
            }
        }
        st.design.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("x-")) {
                t.set(e.getKey(), e.getValue());
            }
        });
        if (!st.rootRaw.isEmpty()) {
            t.set(Ext.RAW, st.rootRaw);
        }
        return t;
    }

    private static void put(ObjectNode t, String key, ArrayNode a) {
        if (!a.isEmpty()) {
            t.set(key, a);
        }
    }

    private String commonFolder() {
        java.nio.file.Path common = null;
        for (Doc d : docs) {
            java.nio.file.Path p = "file".equals(d.uri.getScheme())
                    ? java.nio.file.Path.of(d.uri).getParent()
                    : null;
            if (p == null) {
                return null;
            }
            common = common == null ? p : commonPrefix(common, p);
        }
        return common == null || common.getFileName() == null
                ? null
                : common.getFileName().toString();
    }

    private static java.nio.file.Path commonPrefix(java.nio.file.Path a, java.nio.file.Path b) {
        java.nio.file.Path p = a;
        while (p != null && !b.startsWith(p)) {
            p = p.getParent();
        }
        return p;
    }

    /** A problem of the design tree, placed at the AsyncAPI object its element came from. */
    private Problem locate(Problem p) {
        String ptr = p.pointer() == null ? "" : p.pointer();
        String best = null;
        for (String k : st.origin.keySet()) {
            if ((ptr.equals(k) || ptr.startsWith(k + "/")) && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        Located from = best != null ? st.origin.get(best) : new Located(docs.get(0).root, docs.get(0), "");
        int[] loc = from.doc().location(from.pointer());
        return new Problem(
                p.rule(),
                p.severity(),
                p.element(),
                p.message(),
                p.hint(),
                from.doc().filePointer(from.pointer()),
                from.doc().name(),
                loc[0],
                loc[1]);
    }
}
