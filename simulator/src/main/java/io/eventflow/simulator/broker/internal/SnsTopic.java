package io.eventflow.simulator.broker.internal;

import io.eventflow.simulator.internal.SimChannel;
import io.eventflow.simulator.internal.SimGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime of an SNS-like topic: it stores nothing and copies each message to every queue subscribed to it (each
 * queue's channel lists the topic in {@code snsTopics}).
 */
final class SnsTopic {
    final SimChannel ch;
    final List<SqsQueueRuntime> queues = new ArrayList<>();
    /** The groups consuming the subscribed queues: a message published on the topic is owed to each. */
    List<SimGroup> groups = List.of();

    SnsTopic(SimChannel ch) {
        this.ch = ch;
    }

    /** Recomputes {@link #groups} once every queue and group is attached. */
    void resolveGroups() {
        List<SimGroup> out = new ArrayList<>();
        for (SqsQueueRuntime q : queues) {
            if (q.g != null) {
                out.add(q.g);
            }
        }
        groups = List.copyOf(out);
    }
}
