package io.eventflow.simulator.internal;

import io.eventflow.simulator.kernel.Event;
import io.eventflow.simulator.kernel.Kernel;
import io.eventflow.simulator.kernel.SimContext;
import io.eventflow.simulator.random.RandomStreams;
import io.eventflow.simulator.random.SplitMix64;
import io.eventflow.simulator.trace.TraceEvent;
import io.eventflow.simulator.trace.TraceSink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run simulates: the kernel, the runtime elements, the network and the producer send path. The
 * consumer side lives in {@link Processing}. Single-threaded.
 */
public final class Engine implements BrokerContext {
    public final Kernel kernel = new Kernel();
    public final RandomStreams streams;
    public final Map<String, BrokerRuntime> brokers = new LinkedHashMap<>();
    public final Map<String, SimChannel> channels = new LinkedHashMap<>();
    public final Map<String, SimService> services = new LinkedHashMap<>();
    public final List<SimGroup> groups = new ArrayList<>();
    public final Processing processing = new Processing(this);
    public final Requests requests = new Requests(this);
    private final Map<String, Link> links = new HashMap<>();
    private final List<Worker> workers = new ArrayList<>();
    /** The same workers by index, for the per-event lookup. */
    private Worker[] workerArray = new Worker[16];

    private final List<TraceSink> sinks = new ArrayList<>();
    private final InTransit transit = new InTransit(this);
    public boolean tracing;
    public Probe probe;
    /**
     * Makes the exception that stops a run exceeding one of the simulator's limits, from its message ({@code
     * Simulation} sets its public {@code SimulationLimitException}).
     */
    public java.util.function.Function<String, RuntimeException> limitExceeded = IllegalStateException::new;
    /** When true, logs keep consumed messages (needed for replays). */
    public boolean keepConsumed = true;
    /**
     * When true (the default), logs keep consumed records in their compact archive; the system property {@code
     * eventflow.sim.archiveConsumed=false} turns it off for a run built afterwards (to measure what it saves).
     */
    public boolean archiveConsumed = !"false".equals(System.getProperty("eventflow.sim.archiveConsumed"));

    /** With the scenario's {@code payloads: encoded}: the encoded examples messages carry; null otherwise. */
    PayloadPool payloads;

    /** Settled messages kept for reuse (LIFO, bounded), so steady state allocates nothing per message. */
    private final Msg[] spare = new Msg[SPARE];

    private int spareCount;
    private long allocated;
    private static final int SPARE = 1024;

    /** Messages (or, on a consumer's link, deliveries) a tamper fault altered. */
    public long tampered;
    /** Whether the run has a tamper fault: the report then shows its figures. */
    public boolean tamperFaults;

    private long nextId;
    private long published;
    private long publishLimit = Long.MAX_VALUE;
    private long publishUntil = Long.MAX_VALUE;

    public Engine(long seed) {
        this.streams = new RandomStreams(seed);
    }

    public void addSink(TraceSink sink) {
        sinks.add(sink);
        tracing = true;
    }

    @Override
    public boolean tracing() {
        return tracing;
    }

    @Override
    public void emit(TraceEvent e) {
        for (int i = 0; i < sinks.size(); i++) {
            sinks.get(i).accept(e);
        }
    }

    @Override
    public long now() {
        return kernel.now();
    }

    @Override
    public int register(Event event) {
        return kernel.register(event);
    }

    @Override
    public void at(long time, int handler, long arg) {
        kernel.schedule(time, SimContext.NORMAL, handler, arg);
    }

    @Override
    public SplitMix64 stream(String name) {
        return streams.stream(name);
    }

    @Override
    public boolean keepConsumed() {
        return keepConsumed;
    }

    @Override
    public boolean archiveConsumed() {
        return archiveConsumed;
    }

    @Override
    public void deliver(Member member, Worker worker, Msg msg, boolean replay, boolean redelivered) {
        processing.deliver(member, worker, msg, replay, redelivered);
    }

    @Override
    public void toBuffer(Member member, Msg msg) {
        processing.toBuffer(member, msg);
    }

    @Override
    public void next(Member member) {
        processing.next(member);
    }

    @Override
    public long ackDelay(Member member) {
        return processing.ackDelay(member);
    }

    @Override
    public void deadLetter(SimChannel channel, SimGroup group, Msg msg, String reason) {
        processing.deadLetter(channel, group, msg, reason);
    }

    @Override
    public List<Msg> takeTravellingTo(Member member) {
        return transit.removeFor(member);
    }

    @Override
    public List<Msg> travellingTo(Member member) {
        return transit.travellingTo(member);
    }

    @Override
    public List<SimGroup> groups() {
        return groups;
    }

    @Override
    public SimChannel channel(String id) {
        return channels.get(id);
    }

    @Override
    public Collection<SimChannel> channels() {
        return channels.values();
    }

    public long published() {
        return published;
    }

    public long nextMessageId() {
        return nextId;
    }

    public void limitPublishing(long messages, long until) {
        publishLimit = messages;
        publishUntil = until;
    }

    public boolean publishingStopped() {
        return published >= publishLimit || kernel.now() >= publishUntil;
    }

    public Worker newWorker(Member m) {
        Worker w = new Worker(workers.size(), m);
        if (w.index == workerArray.length) {
            workerArray = java.util.Arrays.copyOf(workerArray, workerArray.length * 2);
        }
        workerArray[w.index] = w;
        workers.add(w);
        return w;
    }

    public Worker worker(int index) {
        return workerArray[index];
    }

    public List<Worker> workers() {
        return workers;
    }

    public InTransit transit() {
        return transit;
    }

    /** The directed link between two elements, created on first use. */
    @Override
    public Link link(String from, String to) {
        return links.computeIfAbsent(from + "->" + to, k -> new Link(from, to, streams.stream("link:" + k)));
    }

    @Override
    public Msg newMessage(Producer p, long correlationId, long key) {
        long id = nextId++;
        long corr = correlationId < 0 ? id : correlationId;
        Msg m;
        int size = p.payloadSizes == null ? p.sizeBytes : p.nextSize();
        if (spareCount > 0) {
            m = spare[--spareCount].init(id, corr, kernel.now(), key, size, p.routingKey, p, p.channel);
        } else {
            m = new Msg(id, corr, kernel.now(), key, size, p.routingKey, p, p.channel);
            allocated++;
        }
        published++;
        p.channel.published++;
        p.channel.publishedBytes += size;
        return m;
    }

    /** Message objects created for publications so far (the rest reused settled ones). */
    public long messagesAllocated() {
        return allocated;
    }

    /**
     * Hands back a message that nothing references any more (its only queue acknowledged it and it is in no worker,
     * buffer, log or transit), so that a later message reuses the object. Pinned messages are ignored.
     */
    @Override
    public void recycle(Msg m) {
        if (!m.pinned && spareCount < SPARE) {
            m.producer = null; // drop references so a spare keeps nothing alive
            m.channel = null;
            m.origin = null;
            m.poisonOn = null;
            m.deadLetterFrom = null;
            spare[spareCount++] = m;
        }
    }

    /**
     * From now on, messages carry encoded examples of their type from {@code pool} (the scenario's {@code payloads:
     * encoded}): producers made so far and later (scaling up) pick each message's example from it.
     */
    public void carryPayloads(PayloadPool pool) {
        payloads = pool;
        for (SimService s : services.values()) {
            for (Instance inst : s.instances) {
                for (Producer p : inst.producers) {
                    p.carry(pool);
                }
            }
        }
    }

    /** True with the scenario's {@code payloads: encoded}. */
    public boolean carriesPayloads() {
        return payloads != null;
    }

    /** A new message leaves its producer: it is owed to the channel's groups from now on. */
    public void publish(Msg m) {
        SimChannel ch = m.channel;
        if (ch.poisonRate > 0 && ch.poisonRng.chance(ch.poisonRate)) {
            m.poisonOn = ch;
        }
        tamperOn(ch, m);
        List<SimGroup> gs = m.channel.broker.targetGroups(m);
        for (int i = 0; i < gs.size(); i++) {
            gs.get(i).owe(m.id);
        }
        if (tracing) {
            emit(new TraceEvent.Published(now(), m.producer.instance.id, "", -1, -1, m.id, m.correlationId));
        }
        if (m.producer.link.quiet() && m.producer.offlineUntil <= kernel.now()) {
            // send() and arrive() for the usual undisturbed link, written out: fewer nested calls per message
            m.sendAttempts++;
            BrokerRuntime.StoreResult r = ch.broker.store(m);
            if (r != BrokerRuntime.StoreResult.STORED) {
                notStored(m, r, false);
            }
            return;
        }
        send(m);
    }

    /**
     * Its producer gave up on {@code m} before sending it (see {@link Producer}): it is owed to the channel's groups as
     * a publication is, and lost for them at once with {@code cause}.
     */
    void refuseUnsent(Msg m, String cause) {
        List<SimGroup> gs = m.channel.broker.targetGroups(m);
        for (int i = 0; i < gs.size(); i++) {
            gs.get(i).owe(m.id);
        }
        lose(m, cause, m.producer.instance.id);
    }

    /**
     * A tamper fault on {@code ch} alters a share of the messages arriving there: published to it (here), delivered to
     * it by a topic it subscribes to or an exchange, dead-lettered or re-driven to it (where each of those copies
     * arrives). A message already altered is not drawn for again.
     */
    @Override
    public void tamperOn(SimChannel ch, Msg m) {
        if (ch.tamperRate > 0 && !m.tampered && ch.tamperRng.chance(ch.tamperRate)) {
            tamper(m);
        }
    }

    /**
     * A tamper fault alters the message (on a channel, or on the producer's link to its broker). Not traced per
     * message: what a consumer does with it is (a dead-lettered or dropped message with the cause {@code tampered}).
     */
    private void tamper(Msg m) {
        m.tampered = true;
        tampered++;
    }

    /** Sends (or re-sends) a message over the producer's link to its broker. */
    @Override
    public void send(Msg m) {
        m.sendAttempts++;
        if (m.producer.offlineUntil > now()) {
            producerFailure(m, "network"); // its connection was reset and it is not back yet
            return;
        }
        Link link = m.producer.link;
        if (!link.quiet()) {
            if (link.partitioned) {
                producerFailure(m, "network");
                return;
            }
            if (link.drops()) {
                m.channel.broker.publishDropped(m.producer);
                producerFailure(m, "network");
                return;
            }
            if (!m.tampered && link.tampers()) {
                tamper(m);
            }
            if (link.duplicates()) {
                if (tracing) {
                    emit(new TraceEvent.Duplicated(now(), link.edge(), "", -1, -1, m.id, m.correlationId));
                }
                long t2 = link.transferTime(now(), m.sizeBytes);
                transit.add(m, InTransit.TO_BROKER_COPY, now() + t2);
            }
            long t = link.transferTime(now(), m.sizeBytes);
            if (t > 0) {
                transit.add(m, InTransit.TO_BROKER, now() + t);
                return;
            }
        }
        arrive(m, false);
    }

    /** The message reached its broker. */
    void arrive(Msg m, boolean extraCopy) {
        if (!m.producer.instance.alive && !extraCopy) {
            // the send was cut by a crash of the producing instance; the broker still receives it
        }
        BrokerRuntime.StoreResult r = m.channel.broker.store(m);
        if (r != BrokerRuntime.StoreResult.STORED) {
            notStored(m, r, extraCopy);
        }
    }

    /** The broker did not store the message: the producer sees the failure (not for a duplicate's extra copy). */
    private void notStored(Msg m, BrokerRuntime.StoreResult r, boolean extraCopy) {
        switch (r) {
            case STORED, DUPLICATE_IGNORED -> {}
            case UNAVAILABLE -> {
                if (!extraCopy) {
                    producerFailure(m, "crash");
                }
            }
            case NOT_ENOUGH_REPLICAS -> {
                if (!extraCopy) {
                    producerFailure(m, "crash");
                }
            }
            case REJECTED_OVERFLOW -> {
                if (!extraCopy) {
                    producerFailure(m, "overflow");
                }
            }
        }
    }

    /** A send failed with {@code cause}: retry per the producer's policy, or lose the message. */
    void producerFailure(Msg m, String cause) {
        Plan.Producer cfg = m.producer.config;
        if (cfg.acks() == Plan.Acks.NONE || !m.channel.broker.confirmsPublish(m.channel)) {
            lose(m, "qos0", m.producer.link.edge());
            return;
        }
        Plan.Retry retry = cfg.retry();
        if (m.sendAttempts < retry.maxAttempts() && m.producer.instance.alive) {
            long d = retry.backoff().delay(m.sendAttempts, m.lastBackoff, m.producer.instance.rng);
            m.lastBackoff = d;
            if (tracing) {
                emit(new TraceEvent.Retried(
                        now(), m.producer.instance.id, "", -1, -1, m.id, m.correlationId, m.sendAttempts, d));
            }
            transit.add(m, InTransit.RESEND, now() + d);
            return;
        }
        lose(m, cause, m.producer.link.edge());
    }

    /** Marks the message lost for every group still waiting for it. */
    @Override
    public void lose(Msg m, String cause, String where) {
        byte lost = MsgState.lostState(cause);
        for (SimGroup g : m.channel.broker.targetGroups(m)) {
            if (g.states.get(m.id) == MsgState.PENDING) {
                g.states.set(m.id, lost);
            }
        }
        if (tracing) {
            emit(new TraceEvent.Dropped(now(), where, "", m.partition, m.offset, m.id, m.correlationId, cause));
        }
    }

    /** Marks the message lost for one group if it is still waiting for it. */
    @Override
    public void lose(SimGroup g, Msg m, String cause) {
        if (g.states.get(m.id) == MsgState.PENDING) {
            g.states.set(m.id, MsgState.lostState(cause));
            if (tracing) {
                emit(new TraceEvent.Dropped(
                        now(), g.channel.id(), g.name, m.partition, m.offset, m.id, m.correlationId, cause));
            }
        }
    }

    /** Schedules an event. */
    @Override
    public void at(long time, Event e, long arg) {
        kernel.schedule(time, SimContext.NORMAL, e, arg);
    }

    /** Observes each first processing (the public {@code ProcessingProbe}); called on the simulation thread. */
    @FunctionalInterface
    public interface Probe {
        void processed(long messageId, long publishTime, long startTime, long endTime);
    }
}
