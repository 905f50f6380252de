package io.eventflow.app.canvas;

import io.eventflow.app.fx.HoverTooltip;
import io.eventflow.app.fx.Icons;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/**
 * A channel, shaped by its kind (see {@link ChannelLook}): a log of partitions or entries, a queue, a fan-out hub or a
 * broadcast that stores nothing; labelled with address, the kind's main settings and message types, with small badges
 * under the text.
 */
public final class ChannelSkin extends ElementSkin {
    public static final double W = 184;
    public static final double H = 76;
    /** A channel grows with its name up to this width. */
    public static final double MAX_W = 236;

    private static final double PAD = 8;

    private final Region body = new Region();
    private final FontIcon icon = Icons.of(MaterialDesignV.VIEW_SEQUENTIAL, 16);
    private final Label kind = new Label();
    private final Label name = new Label();
    private final Label address = new Label();
    private final Label settings = new Label();
    private final HBox cells = new HBox(2);
    private final VBox text = new VBox(1, name, address, settings);
    /**
     * On the whole element, made on its first hover (issue #15): its name covers most of the box at fit zoom, and
     * pointer events over the name reach the element, not the box's background beneath it.
     */
    private final HoverTooltip tooltip = HoverTooltip.on(this);

    private String shapeClass = "";
    private ChannelLook look;

    public ChannelSkin(String id) {
        super(id, W, H, true);
        getStyleClass().add("channel");
        body.getStyleClass().add("body");
        body.setManaged(false);
        body.resizeRelocate(0, 0, W, H);
        kind.getStyleClass().addAll("kind-badge", "zoom-detail");
        name.getStyleClass().add("name");
        address.getStyleClass().addAll("detail", "zoom-detail");
        settings.getStyleClass().addAll("detail", "zoom-detail");
        cells.getStyleClass().addAll("cells", "zoom-detail");
        cells.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        icon.getStyleClass().addAll("kind-icon", "zoom-detail");
        icon.setManaged(false);
        icon.relocate(12, 12);
        kind.setManaged(false);
        text.setManaged(false);
        text.resizeRelocate(36, 7, W - 44, H - 24);
        cells.setManaged(false);
        for (Label l : new Label[] {name, address, settings}) {
            l.setMaxWidth(W - 48);
        }
        getChildren().addAll(body, icon, kind, text, cells);
        addPorts();
        growWithName(W, MAX_W);
    }

    @Override
    protected double nameInset(boolean far) {
        return far ? 24 : 52;
    }

    @Override
    protected void layoutBox() {
        body.resize(width(), H);
        address.setMaxWidth(width() - 48);
        settings.setMaxWidth(width() - 48);
    }

    @Override
    protected void layoutFar(boolean far) {
        // The far view's hidden details leave the scene graph, so a design opened zoomed out does not style them
        // (or make their labels' skins) until they are first shown (issue #15).
        if (far == (kind.getParent() != null)) {
            if (far) {
                getChildren().removeAll(icon, kind, cells);
                text.getChildren().removeAll(address, settings);
            } else {
                getChildren().addAll(getChildren().indexOf(body) + 1, java.util.List.of(icon, kind));
                getChildren().add(getChildren().indexOf(text) + 1, cells);
                text.getChildren().addAll(address, settings);
            }
        }
        address.setManaged(!far);
        settings.setManaged(!far);
        text.setAlignment(far ? javafx.geometry.Pos.CENTER_LEFT : javafx.geometry.Pos.TOP_LEFT);
        double x = far ? 12 : 36;
        double w = width() - x - (far ? 10 : 8);
        text.resizeRelocate(x, far ? -8 : 7, w, far ? H + 16 : H - 24);
        name.setMaxWidth(w);
    }

    @Override
    public Label nameLabel() {
        return name;
    }

    @Override
    public void update(Object element, Design design) {
        Channel c = (Channel) element;
        ChannelLook l = ChannelLook.of(design, c);
        shapeClass = swapClass(shapeClass, "shape-" + l.shape());
        icon.setIconCode(l.icon());
        kind.setText(l.badge());
        showName(c.id());
        tooltip.text(c.id() + "\n" + c.effectiveAddress());
        address.setText(c.effectiveAddress());
        settings.setText(l.settings());
        if (!l.equals(look)) {
            look = l;
            showCells(l.cells(), l.chips());
        }
        requestLayout();
    }

    private String swapClass(String old, String cls) {
        if (!cls.equals(old)) {
            getStyleClass().remove(old);
            getStyleClass().add(cls);
        }
        return cls;
    }

    /** Partition cells, then the badges, in one row at the bottom. */
    private void showCells(int count, List<String> chips) {
        cells.getChildren().clear();
        for (int i = 0; i < count; i++) {
            Rectangle r = new Rectangle(9, 6);
            r.getStyleClass().add("cell");
            cells.getChildren().add(r);
        }
        for (String chip : chips) {
            Label b = new Label(chip);
            b.getStyleClass().add("chip");
            b.setMinWidth(Region.USE_PREF_SIZE);
            cells.getChildren().add(b);
        }
    }

    /** The kind badge sits on the top border, right-aligned whatever its width, leaving the name the whole line. */
    @Override
    protected void layoutChildren() {
        kind.autosize();
        kind.relocate(width() - 2 * PAD - kind.getWidth(), -kind.getHeight() / 2);
        cells.autosize();
        cells.relocate(36, H - 8 - cells.getHeight() / 2 - 3);
        // Badges that would run past the right edge are hidden rather than clipped.
        double x = 0;
        for (javafx.scene.Node n : cells.getChildren()) {
            double w = n.prefWidth(-1);
            n.setVisible(36 + x + w <= width() - PAD);
            x += w + cells.getSpacing();
        }
    }

    /** The badges shown under the text (tests). */
    public List<String> chips() {
        return look == null ? List.of() : look.chips();
    }
}
