package io.eventflow.app.canvas;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.EdgeId;
import io.eventflow.model.design.Position;
import io.eventflow.model.design.Service;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The infinite canvas: a grid behind, then layers for brokers, edges, elements and gesture overlays, all in world
 * coordinates under one translate + scale. Skins are kept per element id and updated, not rebuilt, on each change.
 */
public final class DesignCanvas extends Region {
    private final CanvasViewModel vm;
    private final GridLayer grid = new GridLayer();
    private final Group world = new Group();
    private final Group brokerLayer = new Group();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group overlay = new Group();
    private final Group content = new Group();
    private final Rectangle clip = new Rectangle();
    private final Translate translate = new Translate();
    private final Scale scale = new Scale();
    private final Map<String, ElementSkin> skins = new LinkedHashMap<>();
    private Map<String, Boolean> diffMarks = Map.of();
    private final Map<String, EdgeSkin> edges = new LinkedHashMap<>();
    private final Map<String, List<EdgeSkin>> edgesByNode = new HashMap<>();
    private final CanvasInput input;
    /**
     * A wheel or pinch zoom ends when the wheel has been still this long and for at least two frames. Time alone is
     * not enough: on a loaded machine a frame of the 300-element design took longer than this, so every wheel step
     * ended the zoom, restyled every name for the semantic zoom and drew the diagram without its cached bitmap, which
     * made the next frame as slow again (CanvasBench zoom median 0.7-0.8 s per frame at load 15-20).
     */
    private static final long SETTLE_NANOS = 250_000_000L;

    private long lastNudge;
    private int framesSinceNudge;
    private final AnimationTimer settle = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (++framesSinceNudge >= 2 && now - lastNudge >= SETTLE_NANOS) {
                endViewChange();
            }
        }
    };
    private final ViewCuller culler = new ViewCuller(skins.values(), edges.values(), content);
    private boolean cullPending = true;
    private final SemanticZoom semantic = new SemanticZoom();

    public CanvasViewModel viewModel() {
        return vm;
    }

    public DesignCanvas(CanvasViewModel vm) {
        this.vm = vm;
        getStyleClass().add("design-canvas");
        setFocusTraversable(true);
        world.getTransforms().addAll(translate, scale);
        content.getChildren().addAll(brokerLayer, edgeLayer, nodeLayer);
        world.getChildren().addAll(content, overlay);
        world.setManaged(false);
        getChildren().addAll(grid, world);
        setClip(clip);
        input = new CanvasInput(this, vm);
        initListeners();
        sync(vm.document().getDesign());
    }

    private void initListeners() {
        vm.document().designProperty().addListener((obs, o, d) -> sync(d));
        vm.document().getSelection().addListener((SetChangeListener<String>) c -> showSelection());
        vm.zoomProperty().addListener(o -> applyViewport());
        vm.panXProperty().addListener(o -> applyViewport());
        vm.panYProperty().addListener(o -> applyViewport());
    }

    private void applyViewport() {
        double z = vm.zoomProperty().get();
        scale.setX(z);
        scale.setY(z);
        translate.setX(vm.panXProperty().get());
        translate.setY(vm.panYProperty().get());
        grid.setViewport(z, translate.getX(), translate.getY());
        // Pan sets x and y one after the other: cull once per pulse, in layout.
        cullPending = true;
        requestLayout();
        // During a wheel zoom the diagram is one scaled bitmap: the names are restyled once it settles.
        if (!culler.isViewChanging()) {
            applySemanticZoom();
        }
    }

    /** Switches between the full view and the far view for the current zoom (see {@link SemanticZoom}). */
    private void applySemanticZoom() {
        if (semantic.apply(vm.zoomProperty().get(), world, skins.values(), edges.values())) {
            // Boxes grow or shrink with their names: edges and broker regions follow.
            edges.values().forEach(this::route);
            layoutBrokers(vm.document().getDesign());
            cullPending = true;
            requestLayout();
        }
    }

    @Override
    protected void layoutChildren() {
        grid.resizeRelocate(0, 0, getWidth(), getHeight());
        if (clip.getWidth() != getWidth() || clip.getHeight() != getHeight()) {
            clip.setWidth(getWidth());
            clip.setHeight(getHeight());
            cullPending = true;
            if (vm.fittingProperty().get()) {
                // The window or a panel changed size: the view keeps fitting until the user zooms or pans by hand.
                fitToView();
            }
        }
        if (cullPending) {
            cullPending = false;
            cull();
        }
    }

    /** Hides skins and edges outside the view (see {@link ViewCuller}). */
    void cull() {
        culler.cull(vm.zoomProperty().get(), translate.getX(), translate.getY(), getWidth(), getHeight());
    }

    /** Starts a pan or zoom: the diagram is moved and scaled as one bitmap until {@link #endViewChange()}. */
    void beginViewChange(boolean zooming) {
        if (culler.begin(zooming)) {
            cull();
        }
    }

    /** Ends a pan or zoom: the diagram is drawn sharp again at the current zoom. */
    void endViewChange() {
        settle.stop();
        if (culler.end()) {
            applySemanticZoom();
            cullPending = true;
            requestLayout();
        }
    }

    /** A wheel or pinch step: the view change ends when the wheel has been still for a moment. */
    void nudgeViewChange(boolean zooming) {
        beginViewChange(zooming);
        lastNudge = System.nanoTime();
        framesSinceNudge = 0;
        settle.start();
    }

    /** Whether a pan or zoom is in progress (tests). */
    public boolean isViewChanging() {
        return culler.isViewChanging();
    }

    /**
     * At least this many new skins in one change (a design opened, a large paste or undo) are made while the diagram is
     * out of the scene: see {@link #sync}.
     */
    static final int DETACHED_BUILD = 8;

    /**
     * Brings the skins in line with the design: adds, updates and removes skins and edges.
     *
     * <p>Many new skins (a design opened) are made and set up while the diagram's layers are out of the scene, and
     * another design is fitted to the view first when the view is fitting, so that JavaFX matches each new node
     * against the stylesheets once, when the layers return. In the scene, every node is matched when it is added, again
     * when its style classes change (each skin's kind or role is set after it is made), and the whole diagram once
     * more when the fit switches it to the far view: three passes of the theme's selectors over every node, most of
     * the FX thread's time in showing the design at start-up (issue #15).
     */
    void sync(Design d) {
        boolean detach = content.getParent() == world && newSkins(d) >= DETACHED_BUILD;
        if (detach) {
            world.getChildren().remove(content);
        }
        try {
            update(d);
            if (detach && vm.document().isLoading() && vm.fittingProperty().get() && getWidth() > 0) {
                fitToView();
            }
        } finally {
            if (detach) {
                world.getChildren().add(0, content);
            }
        }
    }

    /** How many elements of {@code d} have no skin yet. */
    private int newSkins(Design d) {
        int n = 0;
        for (Broker b : d.brokers()) {
            n += skins.containsKey(b.id()) ? 0 : 1;
        }
        for (Channel c : d.channels()) {
            n += skins.containsKey(c.id()) ? 0 : 1;
        }
        for (Service s : d.services()) {
            n += skins.containsKey(s.id()) ? 0 : 1;
        }
        return n;
    }

    private void update(Design d) {
        Set<String> alive = new HashSet<>();
        for (Broker b : d.brokers()) {
            alive.add(b.id());
            skin(b.id(), () -> new BrokerSkin(b.id()), brokerLayer).update(b, d);
        }
        for (Channel c : d.channels()) {
            alive.add(c.id());
            place(skin(c.id(), () -> new ChannelSkin(c.id()), nodeLayer), d).update(c, d);
        }
        for (Service s : d.services()) {
            alive.add(s.id());
            place(skin(s.id(), () -> new ServiceSkin(s.id()), nodeLayer), d).update(s, d);
        }
        skins.entrySet().removeIf(e -> {
            if (!alive.contains(e.getKey())) {
                ((Group) e.getValue().getParent()).getChildren().remove(e.getValue());
                return true;
            }
            return false;
        });
        syncEdges(d);
        layoutBrokers(d);
        showSelection();
        cull();
    }

    private ElementSkin skin(String id, java.util.function.Supplier<ElementSkin> make, Group layer) {
        ElementSkin s = skins.get(id);
        if (s != null && s.getParent() != layer) {
            ((Group) s.getParent()).getChildren().remove(s);
            s = null;
        }
        if (s == null) {
            s = make.get();
            s.setFarName(semantic.namePx());
            skins.put(id, s);
            layer.getChildren().add(s);
        }
        return s;
    }

    private ElementSkin place(ElementSkin s, Design d) {
        Position p = CanvasViewModel.positionOf(d, s.elementId());
        s.relocate(p.x(), p.y());
        return s;
    }

    private void syncEdges(Design d) {
        Map<String, EdgeRef> refs = new LinkedHashMap<>();
        for (EdgeRef r : EdgeRef.of(d)) {
            refs.put(r.id(), r);
        }
        edges.entrySet().removeIf(e -> {
            if (!refs.containsKey(e.getKey())) {
                edgeLayer.getChildren().remove(e.getValue());
                return true;
            }
            return false;
        });
        edgesByNode.clear();
        for (EdgeRef r : refs.values()) {
            EdgeSkin e = edges.computeIfAbsent(r.id(), k -> {
                EdgeSkin n = new EdgeSkin(r);
                n.setBlocked(this::onElement);
                n.setFar(semantic.namePx() > 0);
                edgeLayer.getChildren().add(n);
                return n;
            });
            e.update(r);
            edgesByNode.computeIfAbsent(r.from(), k -> new ArrayList<>()).add(e);
            edgesByNode.computeIfAbsent(r.to(), k -> new ArrayList<>()).add(e);
            route(e);
        }
    }

    private void route(EdgeSkin e) {
        ElementSkin a = skins.get(e.ref().from());
        ElementSkin b = skins.get(e.ref().to());
        if (a != null && b != null && e.ref().kind() == EdgeId.Kind.DEAD_LETTER) {
            e.routeDown(
                    new Point2D(a.getLayoutX() + a.width() / 2, a.getLayoutY() + a.height()),
                    new Point2D(b.getLayoutX() + b.width() / 2, b.getLayoutY()));
        } else if (a != null && b != null) {
            e.route(a.outAnchor(), b.inAnchor());
        }
    }

    /** Whether a world rectangle overlaps a service or channel (edge labels keep off them). */
    private boolean onElement(javafx.geometry.Bounds b) {
        for (ElementSkin s : skins.values()) {
            if (!(s instanceof BrokerSkin) && b.intersects(s.getLayoutX(), s.getLayoutY(), s.width(), s.height())) {
                return true;
            }
        }
        return false;
    }

    /** Re-routes the edges touching these elements (during a drag). */
    void rerouteEdges(Collection<String> ids) {
        Set<EdgeSkin> done = new HashSet<>();
        for (String id : ids) {
            for (EdgeSkin e : edgesByNode.getOrDefault(id, List.of())) {
                if (done.add(e)) {
                    route(e);
                }
            }
        }
    }

    /** Dragged elements and their edges stay visible while they move. */
    void cullMoved(Collection<String> ids) {
        for (String id : ids) {
            ElementSkin s = skins.get(id);
            if (s != null) {
                s.setVisible(true);
            }
            for (EdgeSkin e : edgesByNode.getOrDefault(id, List.of())) {
                e.setVisible(true);
            }
        }
    }

    /** Sizes each broker's region around its channels (or at its own position when it has none). */
    void layoutBrokers(Design d) {
        BrokerSkin.fitAll(d, skins);
    }

    private void showSelection() {
        Set<String> sel = vm.document().getSelection();
        skins.forEach((id, s) -> s.setSelected(sel.contains(id)));
        edges.forEach((id, e) -> e.setSelected(sel.contains(id)));
        skins.forEach((id, s) -> s.setDiffMark(diffMarks.get(id)));
    }

    /**
     * Marks changed elements (the Diff panel): element id to whether a breaking change concerns it; an empty map
     * clears the marks.
     */
    public void setDiffMarks(Map<String, Boolean> marks) {
        diffMarks = Map.copyOf(marks);
        skins.forEach((id, s) -> s.setDiffMark(diffMarks.get(id)));
    }

    /** The diff mark of an element: null when unmarked, else whether it is breaking (tests). */
    public Boolean diffMark(String id) {
        ElementSkin s = skins.get(id);
        return s == null ? null : s.diffMark();
    }

    /** The topmost element skin at a world point: services and channels before brokers. */
    ElementSkin skinAt(double wx, double wy) {
        ElementSkin broker = null;
        List<ElementSkin> all = new ArrayList<>(skins.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            ElementSkin s = all.get(i);
            if (s.containsWorld(wx, wy)) {
                if (!(s instanceof BrokerSkin)) {
                    return s;
                }
                broker = broker == null ? s : broker;
            }
        }
        return broker;
    }

    public Point2D screenToWorld(double x, double y) {
        double z = vm.zoomProperty().get();
        return new Point2D((x - translate.getX()) / z, (y - translate.getY()) / z);
    }

    public Point2D worldToScreen(double x, double y) {
        double z = vm.zoomProperty().get();
        return new Point2D(x * z + translate.getX(), y * z + translate.getY());
    }

    /** The whole diagram at 100 %, every element shown, on the canvas colour of the theme (PNG export). */
    public javafx.scene.image.WritableImage snapshotDiagram() {
        var fills = getBackground() == null
                ? java.util.List.<javafx.scene.layout.BackgroundFill>of()
                : getBackground().getFills();
        javafx.scene.paint.Paint background =
                fills.isEmpty() ? null : fills.get(0).getFill();
        javafx.scene.image.WritableImage img = DiagramFit.snapshot(content, skins.values(), edges.values(), background);
        cull();
        return img;
    }

    /** Fits every element into view (F, Ctrl+0); the view then follows the canvas's size until zoomed by hand. */
    public void fitToView() {
        DiagramFit.fit(this, vm);
    }

    /** The world rectangle the diagram covers (x0, y0, x1, y1), null when empty; see {@link DiagramFit}. */
    double[] diagramBounds() {
        return DiagramFit.bounds(skins.values(), edges.values());
    }

    /** How much of the canvas the diagram fills, as "w 0.95 h 0.61" (tests, sample screenshots). */
    public String fillRatio() {
        return DiagramFit.fillRatio(diagramBounds(), vm.zoomProperty().get(), getWidth(), getHeight());
    }

    /** The smallest element name on screen, in pixels (its font size times the zoom). */
    public double smallestNamePx() {
        return DiagramFit.smallestNamePx(skins.values(), vm.zoomProperty().get());
    }

    /** Selects and centres an element or edge (from the problems panel). */
    public void reveal(String id) {
        ElementSkin s = skins.get(id);
        vm.document().getSelection().clear();
        vm.document().getSelection().add(id);
        if (s != null && !onScreen(s)) {
            vm.fittingProperty().set(false);
            double z = vm.zoomProperty().get();
            vm.panXProperty().set(getWidth() / 2 - (s.getLayoutX() + s.width() / 2) * z);
            vm.panYProperty().set(getHeight() / 2 - (s.getLayoutY() + s.height() / 2) * z);
        }
    }

    /**
     * Whether the element is wholly in view, a few pixels from the edges: revealing it then leaves the view as it is
     * (centring it would push the rest of a fitted diagram off the canvas).
     */
    private boolean onScreen(ElementSkin s) {
        double z = vm.zoomProperty().get();
        double left = s.getLayoutX() * z + vm.panXProperty().get();
        double top = s.getLayoutY() * z + vm.panYProperty().get();
        double margin = 8;
        return left >= margin
                && top >= margin
                && left + s.width() * z <= getWidth() - margin
                && top + s.height() * z <= getHeight() - margin;
    }

    /** Creates a palette element where the pointer was released, if it is over the canvas. */
    public boolean dropFromScene(PaletteItem item, double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        if (local == null || !getLayoutBounds().contains(local)) {
            return false;
        }
        Point2D w = screenToWorld(local.getX(), local.getY());
        ElementSkin target = skinAt(w.getX(), w.getY());
        double ox = item.isService() ? ServiceSkin.W / 2 : ChannelSkin.W / 2;
        double oy = item.isService() ? ServiceSkin.H / 2 : ChannelSkin.H / 2;
        vm.drop(item, w.getX() - ox, w.getY() - oy, target == null ? null : target.elementId());
        requestFocus();
        return true;
    }

    /** Adds a node drawn in view coordinates above the diagram (drag ghosts). */
    void addDecoration(javafx.scene.Node node) {
        getChildren().add(node);
    }

    void removeDecoration(javafx.scene.Node node) {
        getChildren().remove(node);
    }

    Map<String, ElementSkin> skins() {
        return skins;
    }

    Map<String, EdgeSkin> edgeSkins() {
        return edges;
    }

    Group overlay() {
        return overlay;
    }

    Group nodeLayer() {
        return nodeLayer;
    }

    public CanvasInput input() {
        return input;
    }

    /** Number of element skins and edge skins (tests, benchmark). */
    public int skinCount() {
        return skins.size() + edges.size();
    }
}
