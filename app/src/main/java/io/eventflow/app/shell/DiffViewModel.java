package io.eventflow.app.shell;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.diff.Change;
import io.eventflow.model.diff.DesignDiff;
import io.eventflow.model.diff.DiffReport;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

/**
 * The Diff panel's state: the changes from an earlier version (the saved file, or another file) to the design being
 * edited, kept current as the design is edited, and which elements they mark on the canvas.
 */
public final class DiffViewModel {
    private final DocumentViewModel doc;
    private final ObservableList<Change> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyObjectWrapper<Map<String, Boolean>> marks =
            new ReadOnlyObjectWrapper<>(this, "marks", Map.of());
    private Design base;
    private String baseName;
    private Subscription edits = Subscription.EMPTY;

    public DiffViewModel(DocumentViewModel doc) {
        this.doc = doc;
    }

    /** Compares the design being edited with {@code earlier} (named {@code name} in the panel), now and on every edit. */
    public void compareWith(String name, Design earlier) {
        edits.unsubscribe();
        base = earlier;
        baseName = name;
        active.set(true);
        edits = doc.designProperty().subscribe(d -> refresh());
    }

    /** Stops comparing: no changes, no marks. */
    public void close() {
        edits.unsubscribe();
        edits = Subscription.EMPTY;
        base = null;
        active.set(false);
        changes.clear();
        summary.set("");
        marks.set(Map.of());
    }

    private void refresh() {
        if (base == null) {
            return;
        }
        Design now = doc.getDesign();
        DiffReport report = DesignDiff.compare(base, now);
        changes.setAll(report.changes());
        long breaking = report.breaking().size();
        summary.set(
                report.changes().isEmpty()
                        ? "No change from " + baseName + "."
                        : report.changes().size() + (report.changes().size() == 1 ? " change" : " changes") + " from "
                                + baseName + ", " + breaking + " breaking.");
        marks.set(marks(report, now));
    }

    /**
     * The elements of the current design that changed, each true when a breaking change concerns it. A message is not
     * drawn: the channels that carry it are marked for it.
     */
    static Map<String, Boolean> marks(DiffReport report, Design now) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Change c : report.changes()) {
            String id = c.element();
            if (now.message(id).isPresent()) {
                for (Channel ch : now.channels()) {
                    if (ch.messages().contains(id)) {
                        out.merge(ch.id(), c.breaking(), Boolean::logicalOr);
                    }
                }
            } else if (now.elementIds().anyMatch(id::equals)) {
                out.merge(id, c.breaking(), Boolean::logicalOr);
            }
        }
        return Map.copyOf(out);
    }

    /** Whether an element of the current design is concerned by a change (removed elements are not). */
    public boolean exists(String id) {
        return id != null && doc.getDesign().elementIds().anyMatch(id::equals);
    }

    public ObservableList<Change> getChanges() {
        return changes;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Element id to whether a breaking change concerns it. */
    public ReadOnlyObjectProperty<Map<String, Boolean>> marksProperty() {
        return marks.getReadOnlyProperty();
    }
}
