package io.eventflow.simulator.broker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Plan;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * How the members of a queue's group receive: each member runs one receive loop for its free workers. A receive that
 * gets messages is followed at once by the next receive while a worker is free. A receive that gets nothing:
 *
 * <ul>
 *   <li>long polling ({@code receiveWait} &gt; 0): waits; the first waiting member gets a message as soon as one is
 *       receivable (a wait that runs out is renewed at once, so it is not modelled);
 *   <li>short polling ({@code receiveWait} 0): returns at once and the member polls again every poll interval
 *       ({@code x-pollInterval} on the subscription, default 1 s), so a message waits for the member's next poll.
 *       Empty polls are not simulated one by one: when a message becomes receivable the member's next poll time is
 *       computed from when it started sleeping.
 * </ul>
 */
final class SqsPolling {
    /** Poll interval of short-polling consumers when the subscription does not set {@code x-pollInterval}. */
    static final long DEFAULT_POLL_INTERVAL = 1_000_000_000L;

    private static final long AWAKE = Long.MIN_VALUE;
    private final SqsQueueRuntime q;
    private final boolean shortPolling;
    private final long interval;
    /** Members waiting for messages (free worker, nothing received), longest waiting first. */
    private final ArrayDeque<Member> waiting = new ArrayDeque<>();
    /** Per member (by index in the group): when its current sleep began (AWAKE: not sleeping). */
    private long[] sleepingSince = new long[0];

    private int[] epoch = new int[0];
    private boolean[] scheduled = new boolean[0];

    SqsPolling(SqsQueueRuntime q, long receiveWait, long interval) {
        this.q = q;
        this.interval = interval;
        this.shortPolling = receiveWait == 0 && interval > 0;
    }

    /** The subscription's {@code x-pollInterval} (a duration, or seconds), else the default. */
    static long interval(Plan.Subscription sub) {
        JsonNode n = sub.source() == null || sub.source().extensions() == null
                ? null
                : sub.source().extensions().get("x-pollInterval");
        if (n == null) {
            return DEFAULT_POLL_INTERVAL;
        }
        return n.isNumber()
                ? Math.round(n.asDouble() * 1e9)
                : TimeSpan.parse(n.asText()).nanos();
    }

    private void ensure(int i) {
        if (i >= sleepingSince.length) {
            int n = Math.max(i + 1, sleepingSince.length * 2);
            int old = sleepingSince.length;
            sleepingSince = Arrays.copyOf(sleepingSince, n);
            Arrays.fill(sleepingSince, old, n, AWAKE);
            epoch = Arrays.copyOf(epoch, n);
            scheduled = Arrays.copyOf(scheduled, n);
        }
    }

    private static boolean canReceive(Member m) {
        return m.active() && m.busy < m.workers.length;
    }

    /** A worker of {@code mem} is free (or the member started): receive now, unless it sleeps between short polls. */
    void pull(Member mem) {
        if (!canReceive(mem)) {
            return;
        }
        int i = mem.indexInGroup;
        ensure(i);
        if (shortPolling && sleepingSince[i] != AWAKE) {
            wait(mem);
            if (q.hasReceivable()) {
                schedulePoll(mem);
            }
            return;
        }
        receiveAll(mem);
        if (canReceive(mem)) {
            if (shortPolling) {
                sleepingSince[i] = q.sim.now(); // an empty receive: sleep for the poll interval
            }
            wait(mem);
        }
    }

    private boolean receiveAll(Member mem) {
        boolean got = false;
        while (canReceive(mem)) {
            SqsEntry e = q.take();
            if (e == null) {
                break;
            }
            got |= q.receive(mem, e);
        }
        return got;
    }

    private void wait(Member mem) {
        if (!mem.inRing) {
            mem.inRing = true;
            waiting.addLast(mem);
        }
    }

    /** A receive handed {@code mem} a message: it is awake (its next empty receive starts a new sleep). */
    void received(Member mem) {
        ensure(mem.indexInGroup);
        sleepingSince[mem.indexInGroup] = AWAKE;
    }

    /** Messages may have become receivable: hand them to waiting members (long) or wake them at their next poll. */
    void dispatch() {
        if (waiting.isEmpty()) {
            return;
        }
        if (shortPolling) {
            if (q.hasReceivable()) {
                for (Member m : waiting) {
                    schedulePoll(m);
                }
            }
            return;
        }
        while (!waiting.isEmpty()) {
            Member c = waiting.peekFirst();
            if (!canReceive(c)) {
                waiting.pollFirst();
                c.inRing = false;
                continue;
            }
            SqsEntry e = q.take();
            if (e == null) {
                return;
            }
            waiting.pollFirst();
            c.inRing = false;
            q.receive(c, e);
            if (canReceive(c)) {
                wait(c);
            }
        }
    }

    private void schedulePoll(Member m) {
        int i = m.indexInGroup;
        ensure(i);
        if (scheduled[i] || !canReceive(m)) {
            return;
        }
        long now = q.sim.now();
        long since = sleepingSince[i] == AWAKE ? now : sleepingSince[i];
        long polls = (now - since + interval - 1) / interval;
        long at = since + Math.max(1, polls) * interval;
        scheduled[i] = true;
        q.broker.at(at, q.broker.pollEvent, SqsBroker.pollArg(q.index, i, epoch[i]));
    }

    /** The member's short poll at its grid time. */
    void poll(int i, int ep) {
        if (i >= epoch.length || ep != epoch[i]) {
            return;
        }
        scheduled[i] = false;
        Member mem = q.g.members.get(i);
        if (!canReceive(mem)) {
            return;
        }
        boolean got = receiveAll(mem);
        if (canReceive(mem)) {
            if (got) {
                sleepingSince[i] = q.sim.now();
            } else if (sleepingSince[i] == AWAKE) {
                sleepingSince[i] = q.sim.now();
            }
            wait(mem);
        } else if (mem.inRing) {
            waiting.remove(mem);
            mem.inRing = false;
        }
    }

    /** The member crashed or was scaled in: it stops polling. */
    void down(Member mem) {
        int i = mem.indexInGroup;
        ensure(i);
        waiting.remove(mem);
        mem.inRing = false;
        epoch[i]++;
        scheduled[i] = false;
        sleepingSince[i] = AWAKE;
    }
}
