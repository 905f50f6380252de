package io.eventflow.model.doc;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.kind.KindProfiles;
import io.eventflow.model.kind.KindShape;

/**
 * The shape and kind badge of a channel in a diagram, the same choice the canvas makes (the app's {@code ChannelLook}):
 * a log, a queue, a fan-out hub or a broadcast that stores nothing. Each kind's profile chooses ({@link
 * io.eventflow.model.kind.KindProfile#shape}).
 *
 * @param shape {@code log}, {@code queue}, {@code hub} or {@code broadcast}
 * @param badge the kind badge, e.g. the kind's key in capitals, or a name of its own for a kind of channel
 * @param detail the kind's main setting in a few words, e.g. {@code 6 partitions}, {@code QoS 1}, {@code FIFO}
 * @param cells number of log cells drawn in the shape: partitions (at most 12), 6 for a stream, 0 for other shapes
 */
public record ChannelShape(String shape, String badge, String detail, int cells) {
    public static ChannelShape of(Design d, Channel c) {
        KindShape s = KindProfiles.of(d.kindOf(c).orElse(BrokerKind.OTHER)).shape(d, c);
        return new ChannelShape(s.shape(), s.badge(), s.detail(), s.cells());
    }
}
