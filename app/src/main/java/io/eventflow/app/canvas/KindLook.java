package io.eventflow.app.canvas;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.EdgeId;
import io.eventflow.model.design.Subscription;
import java.util.List;
import java.util.Optional;

/**
 * How the app shows one broker kind, in that kind's file: its palette items, a channel's icon, settings line and chips,
 * what the simulation view draws under a channel, its sample scenario, and the edges it draws between two of its own
 * channels (links inside the broker, such as a fan-out topic feeding a queue). Found through {@link KindLooks#of}; the
 * shape, badge and cells come from the model ({@link io.eventflow.model.doc.ChannelShape}).
 */
public interface KindLook {
    BrokerKind kind();

    /** The channel items this kind adds to the palette, in palette order. */
    default List<PaletteItem> channelItems() {
        return List.of();
    }

    /** The broker item this kind adds to the palette. */
    default Optional<PaletteItem> brokerItem() {
        return Optional.empty();
    }

    /** The palette item a channel of this kind corresponds to (its icon). */
    PaletteItem itemOf(Channel c);

    /**
     * The settings line of a channel of this kind (its main setting and {@code messages}, the message types), adding
     * its small badges to {@code chips}.
     */
    String settings(Design d, Channel c, String messages, List<String> chips);

    /**
     * The chips this kind's settings give a channel of another kind that also takes them (see {@link
     * io.eventflow.model.kind.KindProfile#alsoTakes}).
     */
    default void takenChips(Channel c, List<String> chips) {}

    /** The label of a subscription to a channel of this kind, given the label every subscription has. */
    default String subscriptionLabel(Channel c, Subscription x, String label) {
        return label;
    }

    /** What the simulation view shows under a channel. */
    enum Depth {
        /** Depth bars and "depth n": the channel stores messages. */
        STORED,
        /** Nothing: it passes each message on at once and keeps none. */
        NONE,
        /** No bar, but the messages waiting for their transaction to commit: the broker stores none. */
        UNCOMMITTED
    }

    /** What the simulation view shows under a channel of this kind. */
    default Depth depth(Channel c) {
        return Depth.STORED;
    }

    /** The file name of this kind's bundled sample scenario (under {@code /assets/samples/}), or null. */
    default String sampleScenario() {
        return null;
    }

    /**
     * The edges this kind draws into {@code c} from another channel (links inside the broker); read from {@code c}'s
     * settings of this kind, whatever its broker.
     */
    default List<EdgeRef> links(Design d, Channel c) {
        return List.of();
    }

    /** Whether {@code e} is one of this kind's links. */
    default boolean isLink(EdgeId e) {
        return false;
    }

    /** Whether a link may be drawn from channel {@code from} to channel {@code to}. */
    default boolean canLink(Design d, String from, String to) {
        return false;
    }

    /** The design with the link from {@code from} to {@code to} added, and the name of that edit. */
    default Design link(Design d, String from, String to) {
        return d;
    }

    /** The name of the edit that adds a link (its undo step). */
    default String linkName(String from, String to) {
        return "Link " + from + " → " + to;
    }

    /** The design without the link {@code e}. */
    default Design unlink(Design d, EdgeId e) {
        return d;
    }

    /** Why a link of this kind has no faults to inject (it happens inside the broker, not on the network). */
    default String linkFaultNote() {
        return "Inside the broker: no link to fault";
    }

    /**
     * Examples the connection dialog shows for a broker of this kind (Live → Connections): its address, client
     * settings for TLS/SASL, and a secret's setting name and environment variable.
     */
    default ConnectionHints connectionHints() {
        return ConnectionHints.GENERIC;
    }

    /** Prompt texts for one broker's connection, in the words of the kind's client. */
    record ConnectionHints(String address, String settings, String secretSetting, String secretVariable) {
        public static final ConnectionHints GENERIC = new ConnectionHints(
                "host:port (empty: runs embedded)", "setting=value, one per line", "password", "BROKER_PASSWORD");
    }
}
