package io.eventflow.app.canvas;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Position;
import io.eventflow.model.edit.DesignEdits;
import java.util.List;

/**
 * The edit behind palette channels: a channel of an item's kind with the kind's starting settings (and its broker when
 * the design has none of that kind yet). A pure function of the design.
 */
final class NewChannels {
    private NewChannels() {}

    /** Adds a channel for a palette item at a position; the first channel of a kind also adds a broker of it. */
    static Design add(Design d, PaletteItem item, String id, Position at) {
        BrokerKind kind = item.kind();
        Design out = d;
        String broker = d.brokers().stream()
                .filter(b -> b.kind() == kind)
                .map(Broker::id)
                .findFirst()
                .orElse(null);
        if (broker == null) {
            broker = DesignEdits.uniqueId(d, kind.key());
            out = DesignEdits.add(out, new Broker(broker, kind), new Position(at.x() - 20, at.y() - 60));
        }
        return DesignEdits.add(out, channel(item, id, broker), at);
    }

    /**
     * A new channel of the item's kind. It has no address of its own: its address is its id (shown as a placeholder in
     * the inspector) and follows a rename until the user sets one.
     */
    private static Channel channel(PaletteItem item, String id, String broker) {
        return item.newChannel(new Channel(id, broker, null, List.of()));
    }
}
