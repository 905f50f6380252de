package io.eventflow.model.diff;

import io.eventflow.model.asyncapi.AsyncApiImporter;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;
import io.eventflow.model.io.SourceTree;
import java.nio.file.Path;
import java.util.List;

/** Reads what {@code eventflow diff} compares: a design file, or an AsyncAPI document imported as a design. */
public final class DiffInputs {
    private DiffInputs() {}

    /**
     * The design in a file: an EventFlow design, or an AsyncAPI 2.x/3.0 document (one with {@code asyncapi:} on top
     * and no {@code eventflow:}) imported the way {@code eventflow import} does.
     *
     * @throws InputException naming file, line and problem when the file cannot be read or has errors
     */
    public static Design read(Path path) throws InputException {
        SourceTree tree = SourceTree.read(path);
        if (tree.root().isObject()
                && tree.root().has("asyncapi")
                && !tree.root().has("eventflow")) {
            return AsyncApiImporter.importFiles(List.of(path), AsyncApiImporter.Options.DEFAULT)
                    .design();
        }
        return DesignFiles.open(path);
    }
}
