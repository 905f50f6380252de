package io.eventflow.app.canvas;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.doc.ChannelShape;
import java.util.ArrayList;
import java.util.List;
import org.kordamp.ikonli.Ikon;

/**
 * How a channel looks on the canvas, worked out from the design alone (no nodes): its shape (a log, a queue, a fan-out
 * hub, or a broadcast that stores nothing), icon, kind badge, settings line, small badges and partition cells.
 *
 * @param shape {@code log}, {@code queue}, {@code hub} or {@code broadcast}: the skin's CSS class {@code shape-*}
 * @param icon the palette item's icon for this kind of channel
 * @param badge the kind badge
 * @param settings the settings line: the kind's main setting and the message types
 * @param chips short badges under the text, e.g. {@code FIFO}, {@code visibility 30s}
 * @param cells number of log cells drawn under the text (a log's partitions or entries)
 */
public record ChannelLook(String shape, Ikon icon, String badge, String settings, List<String> chips, int cells) {
    public ChannelLook {
        chips = List.copyOf(chips);
    }

    /** The palette item a channel corresponds to (its kind's look decides, e.g. topic or queue). */
    public static PaletteItem itemOf(Design d, Channel c) {
        return KindLooks.of(d, c).itemOf(c);
    }

    /**
     * The channel's look: shape, kind badge and cells as in the SVG diagram ({@link ChannelShape}), with the canvas's
     * own icon, settings line and chips from its kind's {@link KindLook}.
     */
    public static ChannelLook of(Design d, Channel c) {
        ChannelShape shape = ChannelShape.of(d, c);
        KindLook look = KindLooks.of(d, c);
        String messages = c.messages().isEmpty() ? "no message type" : String.join(", ", c.messages());
        List<String> chips = new ArrayList<>();
        String settings = look.settings(d, c, messages, chips);
        return new ChannelLook(shape.shape(), look.itemOf(c).icon(), shape.badge(), settings, chips, shape.cells());
    }
}
