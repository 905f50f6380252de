package io.eventflow.app.shell;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.DesignWriter;
import io.eventflow.model.io.InputException;
import io.eventflow.model.validate.CheckScope;
import io.eventflow.model.validate.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tinylog.Logger;

/** New, open, save, save as, recent files, autosave and recovery. The current design stays untouched on errors. */
public final class FileController {
    /** The sample opened when the app starts without a file. */
    public static final String SAMPLE = "/assets/samples/order-pipeline.eventflow.yaml";

    private final DocumentViewModel doc;
    private final StudioHome home;
    private final Dialogs dialogs;
    private final TaskExecutor executor;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private Runnable afterOpen = () -> {};
    private long autosavedState = -1;

    public FileController(DocumentViewModel doc, StudioHome home, Dialogs dialogs, TaskExecutor executor) {
        this.doc = doc;
        this.home = home;
        this.dialogs = dialogs;
        this.executor = executor;
        recent.setAll(home.recentFiles());
    }

    /** Runs after a design was opened (the shell fits it into view). */
    public void setAfterOpen(Runnable action) {
        afterOpen = action;
    }

    /** Fits and refreshes views after another design was loaded. */
    void afterOpen() {
        afterOpen.run();
    }

    public ObservableList<Path> getRecent() {
        return recent;
    }

    /** Asks about unsaved changes; true when it is fine to go on. */
    public boolean confirmDiscard() {
        if (!doc.isDirty()) {
            return true;
        }
        return switch (dialogs.confirmDiscard(doc.getDesign().name())) {
            case SAVE -> saveNow();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    public void newDesign() {
        if (confirmDiscard()) {
            doc.replace(Design.empty("Untitled"), null, false);
            deleteRecovery();
            afterOpen.run();
        }
    }

    public void open() {
        if (confirmDiscard()) {
            dialogs.chooseOpen(initialDir()).ifPresent(this::openPath);
        }
    }

    /**
     * Opens a file without asking (the caller asked already, or nothing is unsaved). A design with errors opens, its
     * errors listed in Problems, located in the file; only a file that cannot be read into a design is refused. The
     * payload schemas are checked once the design shows ({@link DocumentViewModel}, issue #15).
     */
    public void openPath(Path path) {
        executor.run(
                "open " + path.getFileName(),
                () -> DesignFiles.openForEditing(path, CheckScope.WITHOUT_PAYLOAD_SCHEMAS),
                loaded -> {
                    doc.replace(loaded.design(), path, false, loaded.source()::locate);
                    deleteRecovery();
                    addRecent(path);
                    afterOpen.run();
                },
                e -> openFailed(path, e));
    }

    /** Opens a file dropped on the window or picked from recent files, asking about unsaved changes first. */
    public void openAsked(Path path) {
        if (confirmDiscard()) {
            openPath(path);
        }
    }

    /** Opens the bundled sample design; reading and parsing run on the executor (off the FX thread at start-up). */
    public void openSample() {
        executor.run(
                "open sample",
                FileController::readSample,
                loaded -> {
                    doc.replace(loaded.design(), null, false, loaded.source()::locate);
                    afterOpen.run();
                },
                e -> {
                    Logger.error(e, "cannot open the sample design");
                    dialogs.showError("Could not open the sample design", describe(e));
                });
    }

    private static DesignFiles.Loaded readSample() throws IOException, InputException {
        io.eventflow.app.env.StartupTrace.mark("read sample");
        try (InputStream in = FileController.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IOException("the sample design is missing from the application: " + SAMPLE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            DesignFiles.Loaded loaded =
                    DesignFiles.parse("order-pipeline.eventflow.yaml", text, CheckScope.WITHOUT_PAYLOAD_SCHEMAS);
            io.eventflow.app.env.StartupTrace.mark("sample parsed");
            return loaded;
        }
    }

    private void openFailed(Path path, Exception e) {
        if (e instanceof InputException ie) {
            String problems =
                    ie.problems().stream().limit(12).map(Problem::format).collect(Collectors.joining("\n"));
            dialogs.showError(
                    "Could not open " + path.getFileName(),
                    problems + "\n\nThe file cannot be read as a design. The design you were editing is unchanged."
                            + " Fix the file and open it again.");
        } else {
            Logger.error(e, "cannot open {}", path);
            dialogs.showError(
                    "Could not open " + path.getFileName(),
                    path + ": " + describe(e) + "\n\nThe design you were editing is unchanged.");
        }
    }

    /** Saves to the current file, or asks for one. Returns false when the user cancelled or saving failed. */
    public boolean saveNow() {
        Optional<Path> target = doc.document().path();
        if (target.isEmpty()) {
            return saveAs();
        }
        return saveTo(target.get());
    }

    public boolean saveAs() {
        String name = doc.getDesign().name().toLowerCase().replaceAll("[^a-z0-9]+", "-") + DesignFiles.EXTENSION;
        Optional<Path> chosen = dialogs.chooseSave(initialDir(), name);
        return chosen.map(p -> saveTo(withExtension(p))).orElse(false);
    }

    /** Saves on the calling thread: saving must finish before a window closes or a design is replaced. */
    public boolean saveTo(Path path) {
        try {
            DesignFiles.save(doc.getDesign(), path);
            doc.markSaved(path);
            deleteRecovery();
            addRecent(path);
            return true;
        } catch (IOException | RuntimeException e) {
            Logger.error(e, "cannot save {}", path);
            dialogs.showError(
                    "Could not save " + path.getFileName(),
                    path + ": " + describe(e)
                            + "\n\nYour changes are still open here. Choose another folder with Save As.");
            return false;
        }
    }

    static Path withExtension(Path p) {
        String n = p.getFileName().toString();
        if (n.endsWith(DesignFiles.EXTENSION)) {
            return p;
        }
        String base = n.endsWith(".yaml") ? n.substring(0, n.length() - 5) : n;
        return p.resolveSibling(base + DesignFiles.EXTENSION);
    }

    private void addRecent(Path path) {
        home.addRecent(path);
        recent.setAll(home.recentFiles());
    }

    private Path initialDir() {
        return doc.document()
                .path()
                .map(Path::toAbsolutePath)
                .map(Path::getParent)
                .orElse(null);
    }

    /** Writes the design to the recovery file when it has unsaved changes not yet autosaved. */
    public void autosave() {
        if (!doc.isDirty()) {
            return;
        }
        long state = doc.document().history().state();
        if (state == autosavedState) {
            return;
        }
        autosavedState = state;
        String text = DesignWriter.toYaml(doc.getDesign());
        String origin =
                doc.document().path().map(p -> p.toAbsolutePath().toString()).orElse("");
        executor.run(
                "autosave",
                () -> {
                    DesignFiles.writeAtomically(home.recoveryFile(), text);
                    DesignFiles.writeAtomically(home.recoveryOrigin(), origin);
                    return null;
                },
                ok -> Logger.debug("autosaved to {}", home.recoveryFile()),
                e -> Logger.warn(e, "autosave failed"));
    }

    /** Whether autosaved work waits to be restored (then {@link #offerRecovery()} asks about it). */
    public boolean hasRecovery() {
        return Files.exists(home.recoveryFile());
    }

    /** On start: offers to restore autosaved work. True when it was restored. */
    public boolean offerRecovery() {
        Path file = home.recoveryFile();
        if (!Files.exists(file)) {
            return false;
        }
        try {
            String origin = Files.exists(home.recoveryOrigin())
                    ? Files.readString(home.recoveryOrigin(), StandardCharsets.UTF_8)
                            .trim()
                    : "";
            String when = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm:ss")
                    .format(java.time.LocalDateTime.ofInstant(
                            Files.getLastModifiedTime(file).toInstant(), java.time.ZoneId.systemDefault()));
            String what = "EventFlow Studio closed with unsaved changes" + (origin.isEmpty() ? "" : " to " + origin)
                    + " (autosaved " + when + ").";
            if (!dialogs.confirmRestore(what)) {
                deleteRecovery();
                return false;
            }
            DesignFiles.Loaded loaded = DesignFiles.load(file, CheckScope.WITHOUT_PAYLOAD_SCHEMAS);
            doc.replace(loaded.design(), origin.isEmpty() ? null : Path.of(origin), true);
            afterOpen.run();
            return true;
        } catch (IOException | InputException e) {
            Logger.warn(e, "cannot restore {}", file);
            dialogs.showError("Could not restore autosaved work", file + ": " + describe(e));
            return false;
        }
    }

    /** Deletes the recovery file (after a save, a clean exit, or opening another design). */
    public void deleteRecovery() {
        try {
            Files.deleteIfExists(home.recoveryFile());
            Files.deleteIfExists(home.recoveryOrigin());
            autosavedState = -1;
        } catch (IOException e) {
            Logger.warn(e, "cannot delete the recovery file");
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    List<Path> recentSnapshot() {
        return List.copyOf(recent);
    }
}
