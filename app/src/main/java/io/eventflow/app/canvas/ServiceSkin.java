package io.eventflow.app.canvas;

import io.eventflow.app.fx.HoverTooltip;
import io.eventflow.app.fx.Icons;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/** A service: a rounded box with its name, its role (producer, consumer, service), instances as a stack, groups. */
public final class ServiceSkin extends ElementSkin {
    public static final double W = 164;
    public static final double H = 64;
    /** A service grows with its name up to this width. */
    public static final double MAX_W = 236;

    private final Region stack1 = new Region();
    private final Region stack2 = new Region();
    private final Region body = new Region();
    private final Region strip = new Region();
    private final FontIcon icon = Icons.of(MaterialDesignC.COG, 18);
    private final Label name = new Label();
    private final Label detail = new Label();
    private final VBox text = new VBox(2, name, detail);
    /**
     * On the whole element, made on its first hover (issue #15): its name covers most of the box at fit zoom, and
     * pointer events over the name reach the element, not the box's background beneath it.
     */
    private final HoverTooltip tooltip = HoverTooltip.on(this);

    private String role = "";

    public ServiceSkin(String id) {
        super(id, W, H, true);
        getStyleClass().add("service");
        stack1.getStyleClass().add("stack");
        stack2.getStyleClass().add("stack");
        body.getStyleClass().add("body");
        name.getStyleClass().add("name");
        detail.getStyleClass().addAll("detail", "zoom-detail");
        icon.getStyleClass().addAll("kind-icon", "zoom-detail");
        for (Region r : new Region[] {stack2, stack1, body}) {
            r.setManaged(false);
            r.resizeRelocate(0, 0, W, H);
        }
        strip.getStyleClass().add("role-strip");
        strip.setManaged(false);
        strip.setMouseTransparent(true);
        strip.resizeRelocate(0, 0, 6, H);
        stack1.relocate(4, -4);
        stack2.relocate(8, -8);
        icon.setManaged(false);
        icon.relocate(12, 22);
        text.setManaged(false);
        text.resizeRelocate(40, 12, W - 52, H - 20);
        name.setMaxWidth(W - 52);
        detail.setMaxWidth(W - 52);
        getChildren().addAll(stack2, stack1, body, strip, icon, text);
        addPorts();
        growWithName(W, MAX_W);
    }

    @Override
    protected double nameInset(boolean far) {
        return far ? 24 : 56;
    }

    @Override
    protected void layoutBox() {
        for (Region r : new Region[] {stack2, stack1, body}) {
            r.resize(width(), H);
        }
        detail.setMaxWidth(width() - 52);
    }

    @Override
    protected void layoutFar(boolean far) {
        // The far view's hidden details leave the scene graph (see ChannelSkin.layoutFar, issue #15).
        if (far == (icon.getParent() != null)) {
            if (far) {
                getChildren().remove(icon);
                text.getChildren().remove(detail);
            } else {
                getChildren().add(getChildren().indexOf(text), icon);
                text.getChildren().add(detail);
            }
        }
        detail.setManaged(!far);
        text.setAlignment(far ? javafx.geometry.Pos.CENTER_LEFT : javafx.geometry.Pos.TOP_LEFT);
        double x = far ? 12 : 40;
        double w = width() - x - (far ? 8 : 12);
        text.resizeRelocate(x, far ? -8 : 12, w, far ? H + 16 : H - 20);
        name.setMaxWidth(w);
    }

    @Override
    public Label nameLabel() {
        return name;
    }

    @Override
    public void update(Object element, Design design) {
        Service s = (Service) element;
        String newRole = s.role().name().toLowerCase();
        if (!newRole.equals(role)) {
            getStyleClass().removeAll("producer", "consumer", "service-role");
            getStyleClass().add(s.role() == Service.Role.SERVICE ? "service-role" : newRole);
            role = newRole;
        }
        icon.setIconCode(
                switch (s.role()) {
                    case PRODUCER -> MaterialDesignU.UPLOAD;
                    case CONSUMER -> MaterialDesignD.DOWNLOAD;
                    case SERVICE -> MaterialDesignC.COG;
                });
        showName(s.id());
        String tip = s.title() == null ? s.id() : s.title();
        tooltip.text(s.description() == null ? tip : tip + "\n" + s.description());
        int n = s.instanceCount();
        stack1.setVisible(n > 1);
        stack2.setVisible(n > 2);
        String groups =
                s.subscribes().stream().map(x -> x.groupOr(s.id())).distinct().collect(Collectors.joining(", "));
        String d = newRole + (n > 1 ? " · ×" + n : "") + (groups.isEmpty() ? "" : " · group " + groups);
        detail.setText(d);
        inPort().setVisible(true);
        outPort().setVisible(true);
        boolean dlq = s.subscribes().stream().map(Subscription::deadLetter).anyMatch(x -> x != null);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dead-letter"), dlq);
    }
}
