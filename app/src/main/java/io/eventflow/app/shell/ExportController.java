package io.eventflow.app.shell;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.model.asyncapi.AsyncApiExporter;
import io.eventflow.model.asyncapi.AsyncApiImporter;
import io.eventflow.model.asyncapi.AsyncApiVersion;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Position;
import io.eventflow.model.doc.DiagramSvgWriter;
import io.eventflow.model.doc.HtmlDocWriter;
import io.eventflow.model.edit.DesignChange;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;
import io.eventflow.model.layout.AutoLayout;
import io.eventflow.model.validate.Linter;
import io.eventflow.model.validate.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.tinylog.Logger;

/** Import of AsyncAPI files, exports (AsyncAPI, HTML, SVG, PNG) and automatic layout. */
public final class ExportController {
    /** ELK lays out with smaller nodes than the canvas draws: spread its positions so skins do not overlap. */
    static final double SPREAD_X = 1.2;

    static final double SPREAD_Y = 1.6;

    private final DocumentViewModel doc;
    private final FileController files;
    private final Dialogs dialogs;

    public ExportController(DocumentViewModel doc, FileController files, Dialogs dialogs) {
        this.doc = doc;
        this.files = files;
        this.dialogs = dialogs;
    }

    /** Lays the whole design out again (ELK layered, left to right): one undo step. */
    public void autoLayout() {
        doc.execute(DesignChange.of("Arrange automatically", d -> d.withLayout(spread(AutoLayout.layout(d)))));
    }

    static Map<String, Position> spread(Map<String, Position> layout) {
        Map<String, Position> out = new LinkedHashMap<>();
        layout.forEach(
                (id, p) -> out.put(id, new Position(Math.round(p.x() * SPREAD_X), Math.round(p.y() * SPREAD_Y))));
        return out;
    }

    /** Imports AsyncAPI 2.x/3.0 files as a new design, laid out. */
    public void importAsyncApi() {
        if (!files.confirmDiscard()) {
            return;
        }
        Optional<Path> chosen =
                dialogs.chooseFile("Import AsyncAPI", false, designDir(), null, "*.yaml", "*.yml", "*.json");
        chosen.ifPresent(this::importFile);
    }

    public void importFile(Path spec) {
        try {
            AsyncApiImporter.Result r = AsyncApiImporter.importFiles(List.of(spec), AsyncApiImporter.Options.DEFAULT);
            Design d = r.design().withLayout(spread(AutoLayout.layout(r.design())));
            doc.replace(d, null, true);
            files.afterOpen();
            if (!r.warnings().isEmpty()) {
                Logger.info("imported {} with {} notes", spec, r.warnings().size());
            }
        } catch (InputException e) {
            String problems =
                    e.problems().stream().limit(12).map(Problem::format).collect(Collectors.joining("\n"));
            dialogs.showError(
                    "Could not import " + spec.getFileName(),
                    problems + "\n\nThe design you were editing is unchanged.");
        }
    }

    public void exportAsyncApi(AsyncApiVersion version, AsyncApiExporter.Format format) {
        String ext = ".asyncapi." + format.extension();
        export("AsyncAPI " + version.text(), ext, () -> AsyncApiExporter.export(doc.getDesign(), version, format));
    }

    public void exportHtml() {
        export("HTML documentation", ".html", () -> HtmlDocWriter.write(doc.getDesign(), Linter.lint(doc.getDesign())));
    }

    public void exportSvg() {
        export("Diagram (SVG)", ".svg", () -> DiagramSvgWriter.standalone(doc.getDesign()));
    }

    /** Asks where to save a PNG and writes the image the canvas renders. */
    public void exportPng(Supplier<javafx.scene.image.Image> render) {
        dialogs.chooseFile("Export diagram as PNG", true, designDir(), baseName() + ".png", "*.png")
                .ifPresent(p -> {
                    try {
                        javax.imageio.ImageIO.write(
                                javafx.embed.swing.SwingFXUtils.fromFXImage(render.get(), null), "png", p.toFile());
                        dialogs.exported("Diagram (PNG)", p);
                    } catch (IOException e) {
                        Logger.error(e, "cannot write {}", p);
                        dialogs.showError("Could not export " + p.getFileName(), p + ": " + e.getMessage());
                    }
                });
    }

    private void export(String what, String ext, Supplier<String> text) {
        Optional<Path> target = dialogs.chooseFile("Export " + what, true, designDir(), baseName() + ext, "*" + ext);
        target.ifPresent(p -> {
            try {
                DesignFiles.writeAtomically(p, text.get());
                Logger.info("exported {}", p);
                dialogs.exported(what, p);
            } catch (IOException | RuntimeException e) {
                Logger.error(e, "export to {} failed", p);
                dialogs.showError("Could not export " + p.getFileName(), p + ": " + e.getMessage());
            }
        });
    }

    /** The folder of the design's file, or null when it has none yet. */
    private Path designDir() {
        return doc.document()
                .path()
                .map(Path::toAbsolutePath)
                .map(Path::getParent)
                .orElse(null);
    }

    /** The design file's name without its extension, else the design's name as a file name. */
    String baseName() {
        Optional<Path> file = doc.document().path();
        if (file.isPresent()) {
            String n = file.get().getFileName().toString();
            return n.endsWith(DesignFiles.EXTENSION) ? n.substring(0, n.length() - DesignFiles.EXTENSION.length()) : n;
        }
        return doc.getDesign()
                .name()
                .toLowerCase()
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }
}
