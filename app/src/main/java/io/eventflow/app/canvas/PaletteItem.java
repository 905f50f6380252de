package io.eventflow.app.canvas;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * What the palette offers to drag onto the canvas: the services and the message type declared here, the channels and
 * brokers of each broker kind declared by that kind's {@link KindLook}.
 */
public final class PaletteItem {
    public static final PaletteItem PRODUCER = service(
            "PRODUCER",
            "Producer",
            "producer",
            MaterialDesignU.UPLOAD,
            Service.Role.PRODUCER,
            "A service that publishes at its own rate");
    public static final PaletteItem CONSUMER = service(
            "CONSUMER",
            "Consumer",
            "consumer",
            MaterialDesignD.DOWNLOAD,
            Service.Role.CONSUMER,
            "A service that consumes");
    public static final PaletteItem SERVICE = service(
            "SERVICE",
            "Service",
            "service",
            MaterialDesignC.COG,
            Service.Role.SERVICE,
            "A service that consumes and publishes per message processed (a chain)");
    public static final PaletteItem MESSAGE = new PaletteItem(
            "MESSAGE",
            "Message type",
            "Message",
            MaterialDesignE.EMAIL_OUTLINE,
            null,
            null,
            null,
            "A message type; drop it on a channel to have the channel carry it");

    private final String name;
    private final String label;
    private final String baseId;
    private final Ikon icon;
    private final BrokerKind kind;
    private final Service.Role role;
    private final UnaryOperator<Channel> settings;
    private final String description;

    private PaletteItem(
            String name,
            String label,
            String baseId,
            Ikon icon,
            BrokerKind kind,
            Service.Role role,
            UnaryOperator<Channel> settings,
            String description) {
        this.name = name;
        this.label = label;
        this.baseId = baseId;
        this.icon = icon;
        this.kind = kind;
        this.role = role;
        this.settings = settings;
        this.description = description;
    }

    private static PaletteItem service(
            String name, String label, String baseId, Ikon icon, Service.Role role, String description) {
        return new PaletteItem(name, label, baseId, icon, null, role, null, description);
    }

    /**
     * A channel of a kind; {@code settings} gives a new channel (id, broker, no address) the kind's settings it
     * starts with.
     */
    static PaletteItem channel(
            String name,
            String label,
            String baseId,
            Ikon icon,
            BrokerKind kind,
            UnaryOperator<Channel> settings,
            String description) {
        return new PaletteItem(
                name, label, baseId, icon, kind, null, java.util.Objects.requireNonNull(settings), description);
    }

    /** A broker of a kind. */
    static PaletteItem broker(String name, String label, String baseId, BrokerKind kind, String description) {
        return new PaletteItem(name, label, baseId, MaterialDesignS.SERVER, kind, null, null, description);
    }

    /** The item's constant name, e.g. {@code CONSUMER}; its node ids are made from it ({@code palette-consumer}). */
    public String name() {
        return name;
    }

    /** The item's name in node ids, e.g. {@code consumer} for {@code #palette-consumer}. */
    String idName() {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** One line on what the item is, shown as its tooltip. */
    public String description() {
        return description;
    }

    public String label() {
        return label;
    }

    /** The id a new element starts from ({@code topic}, {@code topic-2}...). */
    public String baseId() {
        return baseId;
    }

    public Ikon icon() {
        return icon;
    }

    /** The broker kind of a channel or broker item; null for services and messages. */
    public BrokerKind kind() {
        return kind;
    }

    /** The look a new service of this item has until it is connected; null for other items. */
    Service.Role role() {
        return role;
    }

    /** A new channel of this item: the kind's starting settings on {@code c}. */
    Channel newChannel(Channel c) {
        return settings == null ? c : settings.apply(c);
    }

    public boolean isChannel() {
        return kind != null && !isBroker();
    }

    public boolean isBroker() {
        return kind != null && settings == null;
    }

    public boolean isService() {
        return role != null;
    }

    /** The channel items, in palette order (the kinds in their order, each kind's items in its own). */
    public static PaletteItem[] channels() {
        return KindLooks.all().stream().flatMap(l -> l.channelItems().stream()).toArray(PaletteItem[]::new);
    }

    /** The broker items, in palette order. */
    public static PaletteItem[] brokers() {
        return KindLooks.all().stream().flatMap(l -> l.brokerItem().stream()).toArray(PaletteItem[]::new);
    }

    /** Every item, in palette order: services, channels, brokers, the message type. */
    public static List<PaletteItem> all() {
        List<PaletteItem> out = new ArrayList<>(List.of(PRODUCER, CONSUMER, SERVICE));
        out.addAll(List.of(channels()));
        out.addAll(List.of(brokers()));
        out.add(MESSAGE);
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
