package io.eventflow.app.canvas;

import io.eventflow.app.fx.Icons;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Design;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** A broker: a soft background region around its channels, labelled with kind, nodes and host. */
public final class BrokerSkin extends ElementSkin {
    public static final double PAD = 28;
    public static final double MIN_W = 220;
    public static final double MIN_H = 120;

    private final Region body = new Region();
    private final Label title = new Label();
    private final HBox header = new HBox(6, Icons.of(MaterialDesignS.SERVER, 14), title);
    private String details = "";
    private boolean far;

    public BrokerSkin(String id) {
        super(id, MIN_W, MIN_H, false);
        getStyleClass().add("broker");
        body.getStyleClass().add("body");
        body.setManaged(false);
        header.getStyleClass().add("header");
        header.setManaged(false);
        header.relocate(10, 6);
        getChildren().addAll(body, header);
        setPickOnBounds(false);
        body.setMouseTransparent(false);
    }

    /** Sizes each broker's region around its channels (or at its own position when it has none). */
    static void fitAll(Design d, java.util.Map<String, ElementSkin> skins) {
        for (io.eventflow.model.design.Broker b : d.brokers()) {
            if (skins.get(b.id()) instanceof BrokerSkin bs) {
                bs.fitAround(d, skins);
            }
        }
    }

    private void fitAround(Design d, java.util.Map<String, ElementSkin> skins) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (io.eventflow.model.design.Channel c : d.channels()) {
            ElementSkin cs = skins.get(c.id());
            if (elementId().equals(c.broker()) && cs != null) {
                minX = Math.min(minX, cs.getLayoutX());
                minY = Math.min(minY, cs.getLayoutY());
                maxX = Math.max(maxX, cs.getLayoutX() + cs.width());
                maxY = Math.max(maxY, cs.getLayoutY() + cs.height());
            }
        }
        if (minX == Double.MAX_VALUE) {
            io.eventflow.model.design.Position p = CanvasViewModel.positionOf(d, elementId());
            setRegion(p.x(), p.y(), MIN_W, MIN_H);
        } else {
            setRegion(minX - PAD, minY - PAD - 10, maxX - minX + 2 * PAD, maxY - minY + 2 * PAD + 10);
        }
    }

    /** Sets the region's world bounds. */
    public void setRegion(double x, double y, double w, double h) {
        relocate(x, y);
        setMinSize(w, h);
        setPrefSize(w, h);
        setMaxSize(w, h);
        resize(w, h);
        body.resizeRelocate(0, 0, w, h);
        header.resize(Math.max(40, w - 20), Math.max(20, title.prefHeight(-1)));
    }

    @Override
    protected void layoutFar(boolean far) {
        this.far = far;
        header.getChildren().get(0).setVisible(!far);
        showName(far ? elementId() : details);
        header.resize(header.getWidth(), Math.max(20, title.prefHeight(-1)));
    }

    @Override
    public Label nameLabel() {
        return title;
    }

    @Override
    public void update(Object element, Design design) {
        Broker b = (Broker) element;
        StringBuilder sb =
                new StringBuilder(b.id()).append(" · ").append(b.kind().key());
        if (b.nodes() != null) {
            sb.append(" · ").append(b.nodes()).append(b.nodes() == 1 ? " node" : " nodes");
        }
        if (b.host() != null) {
            sb.append(" · ").append(b.host());
        }
        details = sb.toString();
        showName(far ? b.id() : details);
    }
}
