package io.eventflow.simulator.broker.internal;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.simulator.internal.BrokerContext;
import io.eventflow.simulator.internal.BrokerKindProvider;
import io.eventflow.simulator.internal.BrokerRuntime;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.Plan;
import io.eventflow.simulator.internal.SimChannel;
import io.eventflow.simulator.internal.SimGroup;
import io.eventflow.simulator.internal.Worker;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * SQS/SNS-like semantics. A channel is an SQS-like queue or, with {@code snsTopic: true}, an SNS-like topic that
 * stores nothing and copies each message to every queue listing it in {@code snsTopics}. All subscriptions of a queue
 * compete for it. A receive hides the message for the visibility timeout and gives it a new receipt handle; only a
 * delete with the latest handle deletes it. A failed processing is not deleted: the message is received again when
 * its visibility timeout ends. A managed regional service: {@code broker-crash} is an outage of the whole region.
 */
public final class SqsBroker implements BrokerRuntime, BrokerRuntime.Requeues {
    public static final BrokerKindProvider PROVIDER = new BrokerKindProvider() {
        @Override
        public BrokerKind kind() {
            return BrokerKind.SQS;
        }

        @Override
        public BrokerRuntime create(Plan.Broker broker, BrokerContext sim) {
            return new SqsBroker(broker, sim);
        }
    };

    /** The lostByCause key of messages published to an SNS topic that no queue subscribes to. */
    public static final String NO_SUBSCRIBER = "noSubscriber";

    final Plan.Broker spec;
    final BrokerContext sim;
    final List<SqsQueueRuntime> queues = new ArrayList<>();
    private final BitSet noSubscriber = new BitSet();
    private int lastHandle;
    /** During an outage: no sends, receives or deletes. */
    boolean down;

    final int visibilityEvent;
    final int expiryEvent;
    final int pollEvent;

    SqsBroker(Plan.Broker spec, BrokerContext sim) {
        this.spec = spec;
        this.sim = sim;
        visibilityEvent =
                sim.register((ctx, arg) -> queues.get((int) (arg >>> 32)).visibilityEnded((int) arg));
        expiryEvent = sim.register((ctx, arg) -> queues.get((int) arg).expiryTimer());
        pollEvent = sim.register((ctx, arg) -> {
            SqsQueueRuntime q = queues.get((int) (arg >>> 44));
            q.polling.poll((int) ((arg >>> 24) & 0xFFFFF), (int) (arg & 0xFFFFFF));
        });
    }

    static long pollArg(int queue, int member, int epoch) {
        return ((long) queue << 44) | ((long) (member & 0xFFFFF) << 24) | (epoch & 0xFFFFFF);
    }

    /** Schedules one of this broker's registered events. */
    void at(long time, int handler, long arg) {
        sim.at(time, handler, arg);
    }

    int nextHandle() {
        return ++lastHandle;
    }

    private static SqsQueue settings(SimChannel ch) {
        return ch.spec.source() == null ? SqsQueue.NONE : SqsQueue.of(ch.spec.source());
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public boolean oneQueuePerChannel(SimChannel channel) {
        return true;
    }

    @Override
    public void attachChannel(SimChannel ch) {
        SqsQueue s = settings(ch);
        if (s.isTopic()) {
            ch.data = new SnsTopic(ch);
        } else {
            SqsQueueRuntime q = new SqsQueueRuntime(this, ch, queues.size(), s);
            queues.add(q);
            ch.data = q;
        }
    }

    @Override
    public void attachGroup(SimGroup g) {
        if (!(g.channel.data instanceof SqsQueueRuntime q)) {
            throw new IllegalArgumentException("'" + g.channel.id() + "' is an SNS topic: it delivers to queues, not"
                    + " to consumers (subscribe to a queue with snsTopics: [" + g.channel.id() + "])");
        }
        q.consumedBy(g);
        g.data = q;
    }

    @Override
    public void start() {
        for (SqsQueueRuntime q : queues) {
            for (String t : settings(q.ch).topicsOrEmpty()) {
                SimChannel tc = sim.channel(t);
                if (tc == null || !(tc.data instanceof SnsTopic topic)) {
                    throw new IllegalArgumentException(
                            "queue '" + q.ch.id() + "' subscribes to '" + t + "', which is not an SNS topic");
                }
                topic.queues.add(q);
            }
        }
        // a topic may be on another sqs broker: every broker's start re-resolves all topics, the last one sees all
        for (SimChannel c : sim.channels()) {
            if (c.data instanceof SnsTopic t) {
                t.resolveGroups();
            }
        }
        for (SqsQueueRuntime q : queues) {
            if (q.g != null) {
                for (Member m : q.g.members) {
                    q.polling.pull(m);
                }
            }
        }
    }

    @Override
    public List<SimGroup> targetGroups(Msg msg) {
        Object d = msg.origin.data;
        if (d instanceof SnsTopic t) {
            return t.groups;
        }
        return ((SqsQueueRuntime) d).groupList;
    }

    @Override
    public StoreResult store(Msg m) {
        if (down && !m.direct) {
            return StoreResult.UNAVAILABLE; // dead-letter and re-drive copies are kept: their sender holds them
        }
        Object d = m.channel.data;
        if (!(d instanceof SnsTopic t)) {
            return ((SqsQueueRuntime) d).offer(m);
        }
        if (t.queues.isEmpty()) {
            noSubscriber.set((int) m.id);
            if (sim.tracing()) {
                sim.emit(
                        new TraceEvent.Dropped(sim.now(), t.ch.id(), "", -1, -1, m.id, m.correlationId, NO_SUBSCRIBER));
            }
            return StoreResult.STORED; // SNS accepts the publish; nobody gets it
        }
        for (SqsQueueRuntime q : t.queues) {
            q.offer(m);
        }
        return StoreResult.STORED;
    }

    private static SqsQueueRuntime queue(SimGroup g) {
        return (SqsQueueRuntime) g.data;
    }

    @Override
    public void pull(Member member) {
        queue(member.group).polling.pull(member);
    }

    @Override
    public void settled(Member member, Worker worker, Msg msg) {
        queue(member.group).delete(member, msg);
    }

    /** At-most-once consumers deleted the message when they received it: they retry as the subscription says. */
    @Override
    public boolean keepsFailed(SimGroup group) {
        return !group.atMostOnce();
    }

    /**
     * Processing failed: the consumer does not delete; the message is received again after its visibility timeout.
     * An at-most-once consumer (which deleted it on receive) sends it to the queue again for its next attempt.
     */
    @Override
    public void requeue(Member member, Msg msg) {
        SqsQueueRuntime q = queue(member.group);
        if (q.atMostOnce) {
            q.resend(msg);
            return;
        }
        SqsEntry e = q.handles.get(msg.tag);
        if (sim.tracing() && e != null && e.inFlight) {
            sim.emit(new TraceEvent.Retried(
                    sim.now(),
                    member.id(),
                    q.g.name,
                    -1,
                    -1,
                    msg.id,
                    msg.correlationId,
                    msg.deliveries,
                    e.visibleAt - sim.now()));
        }
    }

    /**
     * The ReceiveMessage response was lost: the message is hidden all the same and is received again when its
     * visibility timeout ends (receive count + 1: redelivered). At-most-once deleted it on receive: lost.
     */
    @Override
    public long deliveryLost(Member member, Msg msg) {
        SqsQueueRuntime q = queue(member.group);
        if (q.atMostOnce) {
            sim.lose(q.g, msg, "network");
        }
        return TAKEN_BACK;
    }

    @Override
    public void memberDown(Member member, List<Msg> held, boolean crash) {
        SqsQueueRuntime q = queue(member.group);
        q.polling.down(member);
        if (q.atMostOnce) {
            for (Msg m : held) {
                sim.lose(q.g, m, "crash"); // deleted when received
            }
        }
        // otherwise nothing is deleted: each message becomes visible again when its visibility timeout ends
    }

    @Override
    public void memberUp(Member member) {
        pull(member);
    }

    /**
     * A regional outage ({@code broker-crash} on node 0): sends fail, receives return nothing and deletes fail, so what
     * was in flight comes back after its visibility timeout; stored messages are kept.
     */
    @Override
    public void node(int node, boolean up) {
        if (node != 0) {
            throw new IllegalArgumentException("sqs broker " + id() + " is simulated as one region: node 0");
        }
        down = !up;
        if (up) {
            for (SqsQueueRuntime q : queues) {
                q.dispatch();
            }
        }
    }

    @Override
    public List<Msg> drain(SimChannel channel) {
        return channel.data instanceof SqsQueueRuntime q ? q.drain() : List.of();
    }

    @Override
    public void collectHeld(SimGroup g, BitSet out) {
        queue(g).collectHeld(out);
    }

    @Override
    public long[] depths(SimChannel channel) {
        return channel.data instanceof SqsQueueRuntime q ? new long[] {q.visible.size()} : new long[] {0};
    }

    @Override
    public Map<String, Long> unownedLosses() {
        return Map.of(NO_SUBSCRIBER, (long) noSubscriber.cardinality());
    }
}
