package io.eventflow.app.simview;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.SqsQueue;
import java.util.HashMap;
import java.util.Map;

/**
 * What the live view shows under a channel, by kind: depth bars for channels that store messages, nothing for an
 * SNS-like topic (it copies each message to its queues at once and keeps none), and for Postgres LISTEN/NOTIFY no
 * bar but the notifications waiting for their transaction to commit (the broker stores none).
 */
enum ChannelDepth {
    STORED,
    NONE,
    UNCOMMITTED;

    static ChannelDepth of(Design d, Channel c) {
        BrokerKind kind = d.kindOf(c).orElse(BrokerKind.OTHER);
        if (kind == BrokerKind.SQS && SqsQueue.of(c).isTopic()) {
            return NONE;
        }
        return kind == BrokerKind.POSTGRES ? UNCOMMITTED : STORED;
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
