package io.eventflow.simulator.broker.internal;

import io.eventflow.simulator.internal.ChannelRt;
import io.eventflow.simulator.internal.GroupRt;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime of an SNS-like topic: it stores nothing and copies each message to every queue subscribed to it (each
 * queue's channel lists the topic in {@code snsTopics}).
 */
final class SnsTopic {
    final ChannelRt ch;
    final List<SqsQueueRt> queues = new ArrayList<>();
    /** The groups consuming the subscribed queues: a message published on the topic is owed to each. */
    List<GroupRt> groups = List.of();

    SnsTopic(ChannelRt ch) {
        this.ch = ch;
    }

    /** Recomputes {@link #groups} once every queue and group is attached. */
    void resolveGroups() {
        List<GroupRt> out = new ArrayList<>();
        for (SqsQueueRt q : queues) {
            if (q.g != null) {
                out.add(q.g);
            }
        }
        groups = List.copyOf(out);
    }
}
