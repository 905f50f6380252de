package io.eventflow.app.canvas;

import io.eventflow.app.fx.Icons;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/**
 * A channel, shaped by its broker kind: a log of partitions for Kafka, a queue for AMQP, a hub for MQTT; labelled
 * with address, partitions or QoS and message types.
 */
public final class ChannelSkin extends ElementSkin {
    public static final double W = 184;
    public static final double H = 76;

    private final Region body = new Region();
    private final FontIcon icon = Icons.of(MaterialDesignV.VIEW_SEQUENTIAL, 16);
    private final Label kind = new Label();
    private final Label name = new Label();
    private final Label address = new Label();
    private final Label settings = new Label();
    private final HBox cells = new HBox(2);
    private final VBox text = new VBox(1, name, address, settings);
    private String kindClass = "";

    public ChannelSkin(String id) {
        super(id, W, H, true);
        getStyleClass().add("channel");
        body.getStyleClass().add("body");
        body.setManaged(false);
        body.resizeRelocate(0, 0, W, H);
        kind.getStyleClass().add("kind-badge");
        name.getStyleClass().add("name");
        address.getStyleClass().addAll("detail", "zoom-detail");
        settings.getStyleClass().addAll("detail", "zoom-detail");
        cells.getStyleClass().add("cells");
        icon.getStyleClass().add("kind-icon");
        icon.setManaged(false);
        icon.relocate(12, 12);
        kind.setManaged(false);
        kind.relocate(W - 58, 8);
        text.setManaged(false);
        text.resizeRelocate(36, 7, W - 44, H - 24);
        cells.setManaged(false);
        cells.relocate(36, H - 14);
        for (Label l : new Label[] {name, address, settings}) {
            l.setMaxWidth(W - 48);
        }
        name.setMaxWidth(W - 100);
        getChildren().addAll(body, icon, kind, text, cells);
        addPorts();
    }

    @Override
    public void update(Object element, Design design) {
        Channel c = (Channel) element;
        BrokerKind k = design.kindOf(c).orElse(BrokerKind.OTHER);
        String cls = "kind-" + k.key();
        if (!cls.equals(kindClass)) {
            getStyleClass().remove(kindClass);
            getStyleClass().add(cls);
            kindClass = cls;
        }
        kind.setText(k.key().toUpperCase());
        name.setText(c.id());
        address.setText(c.effectiveAddress());
        String messages = c.messages().isEmpty() ? "no message type" : String.join(", ", c.messages());
        cells.getChildren().clear();
        switch (k) {
            case KAFKA -> {
                icon.setIconCode(MaterialDesignV.VIEW_SEQUENTIAL);
                int p = c.kafka().partitionCount();
                settings.setText(p + (p == 1 ? " partition" : " partitions") + " · " + messages);
                for (int i = 0; i < Math.min(p, 12); i++) {
                    Rectangle r = new Rectangle(9, 6);
                    r.getStyleClass().add("cell");
                    cells.getChildren().add(r);
                }
            }
            case MQTT -> {
                icon.setIconCode(MaterialDesignA.ACCESS_POINT);
                settings.setText("QoS " + c.mqtt().qosOrDefault()
                        + (Boolean.TRUE.equals(c.mqtt().retained()) ? " · retained" : "") + " · " + messages);
            }
            default -> {
                icon.setIconCode(MaterialDesignT.TRAY_FULL);
                String ex = c.amqp().exchange() == null ? "" : c.amqp().exchange() + " · ";
                settings.setText(ex + messages);
            }
        }
    }
}
