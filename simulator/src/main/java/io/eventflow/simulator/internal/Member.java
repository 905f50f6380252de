package io.eventflow.simulator.internal;

import java.util.ArrayDeque;

/** One service instance's membership in one group: its workers, prefetch buffer and assignment. */
public final class Member {
    public final Instance instance;
    public final SimGroup group;
    public final Worker[] workers;
    public final ArrayDeque<Msg> buffer = new ArrayDeque<>();
    public int busy;
    /** Unacknowledged deliveries (prefetch accounting). */
    public int unacked;
    /** Assigned partitions (of a partitioned log). */
    public int[] partitions = new int[0];

    public int cursor;
    public boolean inRing;
    /** Position in the group's member list. */
    public final int indexInGroup;
    /** The link from the broker to this instance. */
    public Link link;
    /** Prefetched messages a tamper fault altered on the link to this member (made on first use). */
    public java.util.Set<Msg> tamperedBuffered;

    /**
     * Takes the buffered (prefetched) messages that {@code which} matches out of the buffer, and their tamper marks
     * with them: a message the broker sends again is a new delivery, which a tamper fault may or may not alter.
     */
    public void dropBuffered(java.util.function.Predicate<Msg> which) {
        buffer.removeIf(which);
        if (tamperedBuffered != null) {
            tamperedBuffered.removeIf(which);
        }
    }
    /** The link from this instance to the broker: acknowledgements and commits travel on it. */
    public Link ackLink;

    public Member(Instance instance, SimGroup group, Engine engine) {
        this.instance = instance;
        this.group = group;
        this.indexInGroup = group.members.size();
        int n = Math.max(1, group.spec.concurrency());
        workers = new Worker[n];
        for (int i = 0; i < n; i++) {
            workers[i] = engine.newWorker(this);
        }
    }

    public boolean active() {
        return instance.alive && instance.active;
    }

    public Worker freeWorker() {
        Worker[] ws = workers;
        if (busy >= ws.length) {
            return null;
        }
        for (Worker w : ws) {
            if (w.phase == Worker.IDLE) {
                return w;
            }
        }
        return null;
    }

    public String id() {
        return instance.id;
    }
}
