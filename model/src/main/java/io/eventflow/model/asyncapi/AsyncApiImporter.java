package io.eventflow.model.asyncapi;

import io.eventflow.model.asyncapi.internal.Doc;
import io.eventflow.model.asyncapi.internal.Importer;
import io.eventflow.model.asyncapi.internal.RefResolver;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.InputException;
import io.eventflow.model.validate.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads AsyncAPI 2.0–2.6 and 3.0 documents (YAML or JSON) into one design. Several documents of one system merge,
 * their channels matched by address. {@code $ref}s to the same document and to relative local files are followed;
 * remote ones only when {@link Options#allowRemoteRefs()}. Whatever the design has no field for is kept in
 * {@code x-asyncapi} extensions and written back by {@link AsyncApiExporter}. An import either succeeds as a whole
 * or throws with every problem (file, line, column, JSON pointer).
 */
public final class AsyncApiImporter {
    /** Rule id of import problems. */
    public static final String RULE = RefResolver.RULE;

    /**
     * How to import.
     *
     * @param allowRemoteRefs follow {@code http(s)} references (refused by default)
     * @param name the design's name; null: the document's title, or for several documents their common folder
     */
    public record Options(boolean allowRemoteRefs, String name) {
        public static final Options DEFAULT = new Options(false, null);
    }

    /**
     * An imported design.
     *
     * @param design the design, laid out
     * @param warnings things the user should know (assumed rates, validation findings), never errors
     */
    public record Result(Design design, List<Problem> warnings) {}

    private AsyncApiImporter() {}

    /**
     * Imports one or more AsyncAPI files into one design.
     *
     * @throws InputException with every problem found when a file cannot be read, is not AsyncAPI 2.0–2.6/3.0, has a
     *     dangling, cyclic or refused remote reference, or cannot be mapped
     * @throws IllegalArgumentException when {@code specs} is empty
     */
    public static Result importFiles(List<Path> specs, Options options) throws InputException {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("no AsyncAPI file given");
        }
        RefResolver refs = new RefResolver(options.allowRemoteRefs());
        List<Doc> docs = new ArrayList<>();
        for (Path p : specs) {
            docs.add(refs.load(p));
        }
        return run(refs, docs, options);
    }

    /**
     * Imports one document given as text; relative references resolve against {@code baseDir}.
     *
     * @throws InputException as {@link #importFiles}
     */
    public static Result importText(String name, String text, Path baseDir, Options options) throws InputException {
        RefResolver refs = new RefResolver(options.allowRemoteRefs());
        return run(refs, List.of(refs.parse(name, text, baseDir)), options);
    }

    private static Result run(RefResolver refs, List<Doc> docs, Options options) throws InputException {
        Map.Entry<Design, List<Problem>> r = new Importer(refs, docs, options.name()).run();
        return new Result(r.getKey(), r.getValue());
    }
}
