package io.eventflow.simulator.broker.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The visible (receivable) messages of one queue. Standard: one deque. FIFO: one deque per message group plus the
 * groups that may be received from (visible messages, none in flight), so a receive never scans blocked groups.
 */
final class SqsVisible {
    private final boolean fifo;
    private final ArrayDeque<SqsEntry> all = new ArrayDeque<>();
    private final Map<Long, ArrayDeque<SqsEntry>> groups = new HashMap<>();
    /** FIFO: groups that may have receivable messages, in the order they became so (checked lazily). */
    private final ArrayDeque<Long> ready = new ArrayDeque<>();

    private final Set<Long> readySet = new HashSet<>();
    /** FIFO: groups with a message in flight. */
    private final Set<Long> busy = new HashSet<>();

    private int size;

    SqsVisible(boolean fifo) {
        this.fifo = fifo;
    }

    int size() {
        return size;
    }

    void addLast(SqsEntry e) {
        add(e, false);
    }

    /** Back at the head (a message visible again is the oldest of its FIFO group). */
    void addFirst(SqsEntry e) {
        add(e, true);
    }

    private void add(SqsEntry e, boolean first) {
        size++;
        ArrayDeque<SqsEntry> dq = fifo ? groups.computeIfAbsent(e.messageGroup, k -> new ArrayDeque<>()) : all;
        if (first) {
            dq.addFirst(e);
        } else {
            dq.addLast(e);
        }
        settle(e.messageGroup);
    }

    /** FIFO: the group may be received from again unless it is blocked. */
    void settle(long group) {
        if (fifo && !busy.contains(group) && groups.containsKey(group) && readySet.add(group)) {
            ready.addLast(group);
        }
    }

    /** FIFO: a message of the group is in flight. */
    void block(long group) {
        if (fifo) {
            busy.add(group);
        }
    }

    void unblock(long group) {
        if (fifo && busy.remove(group)) {
            settle(group);
        }
    }

    boolean hasReceivable() {
        if (!fifo) {
            return !all.isEmpty();
        }
        while (!ready.isEmpty() && !groups.containsKey(ready.peekFirst())) {
            readySet.remove(ready.pollFirst());
        }
        return !ready.isEmpty();
    }

    /**
     * Removes and returns the next receivable message, or null. FIFO: its group is neither blocked nor ready until the
     * caller calls {@link #block} or {@link #settle}.
     */
    SqsEntry poll() {
        if (!fifo) {
            SqsEntry e = all.pollFirst();
            if (e != null) {
                size--;
            }
            return e;
        }
        while (!ready.isEmpty()) {
            Long g = ready.pollFirst();
            readySet.remove(g);
            ArrayDeque<SqsEntry> dq = groups.get(g);
            if (dq == null) {
                continue;
            }
            SqsEntry e = dq.pollFirst();
            if (dq.isEmpty()) {
                groups.remove(g);
            }
            size--;
            return e;
        }
        return null;
    }

    boolean remove(SqsEntry e) {
        ArrayDeque<SqsEntry> dq = fifo ? groups.get(e.messageGroup) : all;
        if (dq == null || !dq.remove(e)) {
            return false;
        }
        size--;
        if (fifo && dq.isEmpty()) {
            groups.remove(e.messageGroup);
        }
        return true;
    }

    /** Removes every message matching {@code p}, handing each to {@code removed}. */
    void removeIf(Predicate<SqsEntry> p, Consumer<SqsEntry> removed) {
        if (!fifo) {
            removeIf(all, p, removed);
            return;
        }
        for (Iterator<ArrayDeque<SqsEntry>> it = groups.values().iterator(); it.hasNext(); ) {
            ArrayDeque<SqsEntry> dq = it.next();
            removeIf(dq, p, removed);
            if (dq.isEmpty()) {
                it.remove();
            }
        }
    }

    private void removeIf(ArrayDeque<SqsEntry> dq, Predicate<SqsEntry> p, Consumer<SqsEntry> removed) {
        for (Iterator<SqsEntry> it = dq.iterator(); it.hasNext(); ) {
            SqsEntry e = it.next();
            if (p.test(e)) {
                it.remove();
                size--;
                removed.accept(e);
            }
        }
    }

    void forEach(Consumer<SqsEntry> c) {
        if (!fifo) {
            all.forEach(c);
        } else {
            groups.values().forEach(dq -> dq.forEach(c));
        }
    }
}
