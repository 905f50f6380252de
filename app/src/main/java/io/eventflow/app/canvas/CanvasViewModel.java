package io.eventflow.app.canvas;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.EdgeId;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Position;
import io.eventflow.model.design.Service;
import io.eventflow.model.edit.DesignChange;
import io.eventflow.model.edit.DesignEdits;
import io.eventflow.model.edit.Fragments;
import io.eventflow.model.edit.Selection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/** State and commands of the canvas: viewport, snapping, and the edits users make by hand. No nodes. */
public final class CanvasViewModel {
    public static final double GRID = 20;
    public static final double MIN_ZOOM = 0.1;
    public static final double MAX_ZOOM = 4;
    /** Margin around the diagram when fitting, in view pixels. */
    public static final double FIT_MARGIN = 16;
    /** Fit does not blow a small design up beyond this zoom. */
    public static final double MAX_FIT_ZOOM = 1.5;

    private final DocumentViewModel doc;
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final DoubleProperty panX = new SimpleDoubleProperty(this, "panX", 0);
    private final DoubleProperty panY = new SimpleDoubleProperty(this, "panY", 0);
    private final BooleanProperty snapToGrid = new SimpleBooleanProperty(this, "snapToGrid", true);
    /** Whether the view follows "zoom to fit" (refitted when the canvas changes size) until the user zooms or pans. */
    private final BooleanProperty fitting = new SimpleBooleanProperty(this, "fitting", true);

    private Design clipboard;
    private final javafx.beans.property.ReadOnlyBooleanWrapper clipboardFull =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "clipboardFull");
    private int pasteCount;

    public CanvasViewModel(DocumentViewModel doc) {
        this.doc = doc;
    }

    public DocumentViewModel document() {
        return doc;
    }

    /** Where an element sits: its layout entry, or a default slot by kind and index. */
    public static Position positionOf(Design d, String id) {
        Position p = d.layout().get(id);
        if (p != null) {
            return p;
        }
        int row = indexOf(d, id);
        double x = d.service(id).isPresent()
                ? 40
                : d.channel(id).isPresent() ? 320 : d.broker(id).isPresent() ? 40 : 600;
        return new Position(x + (row / 8) * 600, 120 + (row % 8) * 120);
    }

    private static int indexOf(Design d, String id) {
        List<String> ids = d.elementIds().toList();
        return Math.max(0, ids.indexOf(id));
    }

    public double snap(double v) {
        return snapToGrid.get() ? Math.round(v / GRID) * GRID : v;
    }

    /** Zooms by {@code factor} around a point of the view (screen coordinates), clamped to the zoom range. */
    public void zoomAt(double factor, double sx, double sy) {
        fitting.set(false);
        double z0 = zoom.get();
        double z1 = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z0 * factor));
        double wx = (sx - panX.get()) / z0;
        double wy = (sy - panY.get()) / z0;
        zoom.set(z1);
        panX.set(sx - wx * z1);
        panY.set(sy - wy * z1);
    }

    public void panBy(double dx, double dy) {
        fitting.set(false);
        panX.set(panX.get() + dx);
        panY.set(panY.get() + dy);
    }

    /**
     * Fits the world rectangle into a view of the given size with a small margin, centred; the view then keeps fitting
     * (see {@link #fittingProperty()}).
     */
    public void fit(double minX, double minY, double maxX, double maxY, double viewW, double viewH) {
        fitting.set(true);
        if (maxX <= minX || viewW <= 0 || viewH <= 0) {
            zoom.set(1);
            panX.set(0);
            panY.set(0);
            return;
        }
        double margin = FIT_MARGIN;
        double z = Math.min((viewW - 2 * margin) / (maxX - minX), (viewH - 2 * margin) / (maxY - minY));
        z = Math.max(MIN_ZOOM, Math.min(MAX_FIT_ZOOM, z));
        zoom.set(z);
        panX.set((viewW - (maxX - minX) * z) / 2 - minX * z);
        panY.set((viewH - (maxY - minY) * z) / 2 - minY * z);
    }

    /** Moves elements to new positions: one command for the whole drag. */
    public void move(Map<String, Position> positions) {
        if (positions.isEmpty()) {
            return;
        }
        String what = positions.size() == 1 ? positions.keySet().iterator().next() : positions.size() + " elements";
        doc.execute(DesignChange.of("Move " + what, d -> DesignEdits.withPositions(d, positions)));
    }

    /** Creates an element from the palette at a world position; returns its id. */
    public String drop(PaletteItem item, double wx, double wy, String targetId) {
        Design d = doc.getDesign();
        Position at = new Position(snap(wx), snap(wy));
        String id = DesignEdits.uniqueId(d, item.baseId());
        if (item == PaletteItem.MESSAGE) {
            String channel = targetId != null && d.channel(targetId).isPresent() ? targetId : null;
            doc.execute(DesignChange.of("Add message type " + id, x -> addMessage(x, id, channel)));
        } else if (item.isService()) {
            doc.execute(DesignChange.of(
                    "Add " + item.label().toLowerCase() + " " + id,
                    x -> DesignEdits.add(x, Service.withRole(id, roleOf(item)), at)));
        } else if (item.isBroker()) {
            doc.execute(DesignChange.of("Add broker " + id, x -> DesignEdits.add(x, new Broker(id, item.kind()), at)));
        } else {
            doc.execute(DesignChange.of("Add channel " + id, x -> NewChannels.add(x, item, id, at)));
        }
        doc.getSelection().clear();
        doc.getSelection().add(id);
        return id;
    }

    /** The look a palette service item gives a new service until it is connected. */
    private static Service.Role roleOf(PaletteItem item) {
        return item.role();
    }

    private static Design addMessage(Design d, String id, String channel) {
        Design out = DesignEdits.add(d, new MessageType(id), null);
        if (channel == null) {
            return out;
        }
        Channel c = out.channel(channel).orElseThrow();
        List<String> ms = new ArrayList<>(c.messages());
        ms.add(id);
        return DesignEdits.replace(out, channel, c.withMessages(ms));
    }

    /**
     * Whether an edge may run from one element to another: service → channel, channel → service, or a link between
     * two channels that their kind offers ({@link KindLook#canLink}).
     */
    public boolean canConnect(String from, String to) {
        Design d = doc.getDesign();
        return (d.service(from).isPresent() && d.channel(to).isPresent())
                || (d.channel(from).isPresent() && d.service(to).isPresent())
                || KindLooks.linker(d, from, to).isPresent();
    }

    /**
     * Connects two elements: service → channel publishes, channel → service subscribes, channel → channel adds their
     * kind's link (e.g. subscribes a queue to a fan-out topic).
     */
    public boolean connect(String from, String to) {
        if (!canConnect(from, to)) {
            return false;
        }
        Design d = doc.getDesign();
        if (d.channel(from).isPresent() && d.channel(to).isPresent()) {
            KindLook look = KindLooks.linker(d, from, to).orElseThrow();
            doc.execute(DesignChange.of(look.linkName(from, to), x -> look.link(x, from, to)));
        } else if (d.service(from).isPresent()) {
            doc.execute(DesignChange.of("Connect " + from + " → " + to, x -> DesignEdits.connectPublish(x, from, to)));
        } else {
            doc.execute(
                    DesignChange.of("Connect " + from + " → " + to, x -> DesignEdits.connectSubscribe(x, from, to)));
        }
        return true;
    }

    /** Deletes the selected elements and edges (and the edges of deleted elements). */
    public void deleteSelection() {
        Set<String> sel = new LinkedHashSet<>(doc.getSelection());
        if (sel.isEmpty()) {
            return;
        }
        Selection typed = Selection.of(sel);
        Set<String> elements = typed.elements();
        Set<EdgeId> edges = typed.edges();
        doc.getSelection().clear();
        doc.execute(
                DesignChange.of("Delete " + (sel.size() == 1 ? sel.iterator().next() : sel.size() + " items"), d -> {
                    Design out = d;
                    for (EdgeId e : edges) {
                        out = disconnect(out, e);
                    }
                    return DesignEdits.remove(out, elements);
                }));
    }

    private static Design disconnect(Design d, EdgeId e) {
        // A link joins two channels: there is no service to look for.
        java.util.Optional<KindLook> link = KindLooks.linkOwner(e);
        if (link.isPresent()) {
            return link.get().unlink(d, e);
        }
        if (d.service(e.service()).isEmpty()) {
            return d;
        }
        return switch (e.kind()) {
            case PUBLISH -> DesignEdits.disconnectPublish(d, e.service(), e.channel());
            case SUBSCRIBE -> DesignEdits.disconnectSubscribe(d, e.channel(), e.service());
            case DEAD_LETTER -> DesignEdits.updateService(
                    d,
                    e.service(),
                    s -> s.withSubscribes(s.subscribes().stream()
                            .map(x -> e.channel().equals(x.deadLetter()) ? x.withDeadLetter(null) : x)
                            .toList()));
            default -> d; // the links between two channels are their kind's (above)
        };
    }

    public void selectAll() {
        doc.getSelection().addAll(doc.getDesign().elementIds().toList());
    }

    private Set<String> selectedElements() {
        return new LinkedHashSet<>(doc.selection().elements());
    }

    public boolean copy() {
        Set<String> ids = selectedElements();
        if (ids.isEmpty()) {
            return false;
        }
        clipboard = Fragments.copy(doc.getDesign(), ids);
        clipboardFull.set(true);
        pasteCount = 0;
        return true;
    }

    public boolean hasClipboard() {
        return clipboard != null;
    }

    /** Whether something was copied (Paste is enabled). */
    public javafx.beans.property.ReadOnlyBooleanProperty clipboardFullProperty() {
        return clipboardFull.getReadOnlyProperty();
    }

    public void paste() {
        if (clipboard == null) {
            return;
        }
        pasteCount++;
        double off = GRID * 2 * pasteCount;
        Design frag = withLayoutFor(clipboard);
        List<String> ids = new ArrayList<>();
        doc.execute(DesignChange.of("Paste " + frag.elementIds().count() + " elements", d -> {
            Fragments.Pasted p = Fragments.paste(d, frag, off, off);
            ids.clear();
            ids.addAll(p.ids());
            return p.design();
        }));
        doc.getSelection().clear();
        doc.getSelection().addAll(ids);
    }

    public void duplicate() {
        if (copy()) {
            paste();
        }
    }

    private Design withLayoutFor(Design frag) {
        Map<String, Position> layout = new java.util.LinkedHashMap<>(frag.layout());
        frag.elementIds().forEach(id -> layout.computeIfAbsent(id, k -> positionOf(doc.getDesign(), k)));
        return frag.withLayout(layout);
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public DoubleProperty panXProperty() {
        return panX;
    }

    public DoubleProperty panYProperty() {
        return panY;
    }

    /**
     * True while the view follows "zoom to fit": set by {@link #fit}, cleared when the user zooms or pans by hand
     * ({@link #zoomAt}, {@link #panBy}, a pan drag, revealing an element).
     */
    public BooleanProperty fittingProperty() {
        return fitting;
    }

    public BooleanProperty snapToGridProperty() {
        return snapToGrid;
    }

    /**
     * Why {@code id} cannot be renamed to {@code newId} (the model's id rule, another element's id), or null when it
     * can; blank or unchanged text is no rename, so no problem.
     */
    public String renameProblem(String id, String newId) {
        if (newId == null || newId.isBlank() || newId.equals(id)) {
            return null;
        }
        return DesignEdits.renameProblem(doc.getDesign(), id, newId);
    }

    /**
     * Renames an element in place (double-click); references follow it.
     *
     * @return why the rename was refused (the model's id rule, another element's id), or null when it was made or
     *     there was nothing to change
     */
    public String rename(String id, String newId) {
        Design d = doc.getDesign();
        if (newId == null || newId.isBlank() || newId.equals(id)) {
            return null;
        }
        String problem = DesignEdits.renameProblem(d, id, newId);
        if (problem != null) {
            return problem;
        }
        doc.getSelection().clear();
        doc.execute(DesignChange.of("Rename " + id + " to " + newId, x -> DesignEdits.rename(x, id, newId)));
        doc.getSelection().add(newId);
        return null;
    }
}
