package io.eventflow.app.simview;

import io.eventflow.app.canvas.KindLooks;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import java.util.HashMap;
import java.util.Map;

/**
 * What the live view shows under a channel, as its kind's look says ({@link io.eventflow.app.canvas.KindLook#depth}):
 * depth bars for channels that store messages, nothing for a fan-out topic that copies each message on at once and
 * keeps none, and for a broadcast that stores nothing no bar but the messages waiting for their transaction to commit.
 */
enum ChannelDepth {
    STORED,
    NONE,
    UNCOMMITTED;

    static ChannelDepth of(Design d, Channel c) {
        return switch (KindLooks.of(d, c).depth(c)) {
            case STORED -> STORED;
            case NONE -> NONE;
            case UNCOMMITTED -> UNCOMMITTED;
        };
    }

    static Map<String, ChannelDepth> of(Design d) {
        Map<String, ChannelDepth> out = new HashMap<>();
        for (Channel c : d.channels()) {
            out.put(c.id(), of(d, c));
        }
        return out;
    }

    /** Whether depth bars are drawn. */
    boolean bars() {
        return this == STORED;
    }

    /** The text under the channel for a depth (the sum of its bars), or null for none. */
    String label(long depth) {
        return switch (this) {
            case STORED -> "depth " + depth;
            case NONE -> null;
            case UNCOMMITTED -> depth > 0 ? "stores nothing · " + depth + " awaiting commit" : "stores nothing";
        };
    }
}
