package io.eventflow.app.canvas;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import java.util.List;

/**
 * A protocol the simulator does not model: its channels look like those of the kind it is given (a log, as most such
 * brokers keep); it has no palette items of its own.
 */
final class OtherLook implements KindLook {
    private final KindLook like;

    OtherLook(KindLook like) {
        this.like = like;
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.OTHER;
    }

    @Override
    public PaletteItem itemOf(Channel c) {
        return like.itemOf(c);
    }

    @Override
    public String settings(Design d, Channel c, String messages, List<String> chips) {
        return like.settings(d, c, messages, chips);
    }
}
