package io.eventflow.app.shell;

import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** Every user action, defined once: label, shortcut and icon. Menus, toolbar and keys use these. */
public enum ActionId {
    NEW("New", "Shortcut+N", MaterialDesignF.FILE_PLUS),
    OPEN("Open…", "Shortcut+O", MaterialDesignF.FOLDER_OPEN),
    OPEN_SAMPLE("Open sample design", null, null),
    SAVE("Save", "Shortcut+S", MaterialDesignC.CONTENT_SAVE),
    SAVE_AS("Save As…", "Shortcut+Shift+S", null),
    UNDO("Undo", "Shortcut+Z", MaterialDesignU.UNDO),
    REDO("Redo", "Shortcut+Y", MaterialDesignR.REDO),
    REDO_ALT("Redo", "Shortcut+Shift+Z", null),
    COPY("Copy", "Shortcut+C", MaterialDesignC.CONTENT_COPY),
    PASTE("Paste", "Shortcut+V", MaterialDesignC.CONTENT_PASTE),
    DUPLICATE("Duplicate", "Shortcut+D", null),
    DELETE("Delete", "Delete", MaterialDesignD.DELETE_OUTLINE),
    SELECT_ALL("Select all", "Shortcut+A", null),
    FIT("Fit to view", "Shortcut+0", MaterialDesignF.FIT_TO_PAGE_OUTLINE),
    ZOOM_IN("Zoom in", "Shortcut+Equals", MaterialDesignM.MAGNIFY_PLUS_OUTLINE),
    ZOOM_OUT("Zoom out", "Shortcut+Minus", MaterialDesignM.MAGNIFY_MINUS_OUTLINE),
    SNAP("Snap to grid", null, null),
    TOGGLE_THEME("Dark theme", null, MaterialDesignW.WEATHER_NIGHT),
    TOGGLE_PALETTE("Palette", null, null),
    TOGGLE_INSPECTOR("Inspector", null, null),
    TOGGLE_DOCK("Bottom panel", null, null),
    IMPORT_ASYNCAPI("Import AsyncAPI…", "Shortcut+I", MaterialDesignF.FILE_IMPORT_OUTLINE),
    EXPORT_ASYNCAPI_30_YAML("AsyncAPI 3.0 (YAML)…", "Shortcut+E", MaterialDesignF.FILE_EXPORT_OUTLINE),
    EXPORT_ASYNCAPI_30_JSON("AsyncAPI 3.0 (JSON)…", null, null),
    EXPORT_ASYNCAPI_26_YAML("AsyncAPI 2.6 (YAML)…", null, null),
    EXPORT_ASYNCAPI_26_JSON("AsyncAPI 2.6 (JSON)…", null, null),
    EXPORT_HTML("HTML documentation…", null, null),
    EXPORT_SVG("Diagram as SVG…", null, null),
    EXPORT_PNG("Diagram as PNG…", null, null),
    COMPARE_SAVED("Compare with saved version", null, null),
    COMPARE_FILE("Compare with file…", null, null),
    AUTO_LAYOUT("Arrange automatically", "Shortcut+Shift+L", MaterialDesignS.SITEMAP_OUTLINE),
    QUIT("Quit", "Shortcut+Q", null),
    FIT_KEY("Fit to view", "F", null, Scope.CANVAS),
    DELETE_KEY("Delete", "Backspace", null, Scope.CANVAS),
    RUN_PAUSE("Run or pause (Simulate)", "F5", null),
    RESET_RUN("Stop and reset the run (Simulate)", "Shift+F5", null),
    SHORTCUTS("Keyboard shortcuts", "F1", null);

    /** Where a shortcut works: anywhere in the window, or only while the canvas has focus (plain letter keys). */
    public enum Scope {
        WINDOW,
        CANVAS
    }

    /** The key under which a toolbar button keeps its action in its {@link javafx.scene.Node#getProperties()}. */
    public static final String NODE_PROPERTY = "eventflow.action";

    /** The action a toolbar button runs, or null for any other node (tests find buttons by it). */
    public static ActionId of(javafx.scene.Node node) {
        return node.hasProperties() && node.getProperties().get(NODE_PROPERTY) instanceof ActionId id ? id : null;
    }

    private final String label;
    private final KeyCombination key;
    private final Ikon icon;
    private final Scope scope;

    ActionId(String label, String key, Ikon icon) {
        this(label, key, icon, Scope.WINDOW);
    }

    ActionId(String label, String key, Ikon icon, Scope scope) {
        this.label = label;
        this.key = key == null ? null : KeyCombination.valueOf(key);
        this.icon = icon;
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }

    public String label() {
        return label;
    }

    public KeyCombination key() {
        return key;
    }

    public Ikon icon() {
        return icon;
    }
}
