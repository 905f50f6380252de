package io.eventflow.live.internal;

import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveHeaders;
import io.eventflow.live.LiveProducer;
import io.eventflow.live.LiveServer;
import io.eventflow.model.design.Design;
import io.eventflow.simulator.random.RandomStreams;
import io.eventflow.simulator.random.SplitMix64;
import io.eventflow.simulator.trace.TraceEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** What every part of a live run shares: the design, servers and channels, the ledger, the trace, the streams. */
public final class Run {
    final Design design;
    final Ledger ledger;
    final LiveTrace trace;
    final RandomStreams streams;
    final Payloads payloads;
    final String prefix;
    /** Servers by broker id. */
    final Map<String, LiveServer> servers;
    /** Channels by design id. */
    final Map<String, LiveChannel> channels;
    /** Broker id by channel id (looked up per message: the design's own lookup scans its list). */
    private final Map<String, String> brokerOf;
    /** Producer retries: the timer that waits out their backoffs, and the threads that send (a send may block). */
    private final ScheduledThreadPoolExecutor resendTimer =
            new ScheduledThreadPoolExecutor(1, daemon("live-resend-timer"));

    private final ExecutorService resenders = Executors.newCachedThreadPool(daemon("live-resend"));
    /** Poison percentage per channel id while a poison fault lasts. */
    final Map<String, Double> poison = new ConcurrentHashMap<>();

    private final Map<String, SplitMix64> poisonStreams = new HashMap<>();
    /** Per broker id, how many of its nodes a broker-crash fault has down now. */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> nodesDown = new ConcurrentHashMap<>();
    /** Per broker id, how many times a node of it went down or came back so far (broker-crash faults). */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> nodeChanges = new ConcurrentHashMap<>();
    /** Whether any broker-crash fault has started in this run: until then a send looks nothing up for it. */
    private volatile boolean anyNodeChange;

    /** Request/reply: requests awaiting their reply. */
    final LiveRequests requests = new LiveRequests(LiveInstance::sendRequest);
    /** Moving tokens for a view (sampled publishes and deliveries). */
    final LiveTokens tokens = new LiveTokens();
    /**
     * Per group ledger key (exactly-once transactional groups): the outputs of aborted transactions by the id of the
     * input whose processing wrote them; written again when that input is processed again.
     */
    private final Map<String, Map<Long, List<Worker.Output>>> abortedOutputs = new ConcurrentHashMap<>();

    Map<Long, List<Worker.Output>> abortedOutputs(String groupKey) {
        return abortedOutputs.computeIfAbsent(groupKey, k -> new ConcurrentHashMap<>());
    }

    /** Sends whose callback has not come yet. */
    final AtomicLong outstanding = new AtomicLong();

    volatile boolean publishing = true;
    /**
     * When the publishing time ends (System.nanoTime, moved on by paused time): a timed producer sends no arrival due
     * after it, even when the run's own thread, which then stops publishing, wakes up late on a loaded machine.
     */
    volatile long publishingEndsAt = Long.MAX_VALUE;
    /** While true, timed producers send nothing (the GUI's Pause); chained publications still follow processing. */
    volatile boolean paused;

    public Run(
            Design design,
            long seed,
            String prefix,
            Map<String, LiveServer> servers,
            Map<String, LiveChannel> channels,
            LiveTrace trace) {
        this.design = design;
        this.ledger = new Ledger();
        this.trace = trace;
        this.streams = new RandomStreams(seed);
        this.payloads = new Payloads(design);
        this.prefix = prefix;
        this.servers = Map.copyOf(servers);
        this.channels = Map.copyOf(channels);
        Map<String, String> b = new HashMap<>();
        design.channels().forEach(c -> b.put(c.id(), c.broker()));
        this.brokerOf = Map.copyOf(b);
        resendTimer.setRemoveOnCancelPolicy(true);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The broker id of a channel of the design. */
    String brokerOf(String channelId) {
        String b = brokerOf.get(channelId);
        if (b == null) {
            throw new java.util.NoSuchElementException("no channel '" + channelId + "' in the design");
        }
        return b;
    }

    public Ledger ledger() {
        return ledger;
    }

    public LiveTrace trace() {
        return trace;
    }

    /**
     * The groups a broker dead-lettered {@code m} for (its {@link LiveHeaders#BROKER_DEAD_LETTER_QUEUE} is the
     * broker-side name of a channel of this run): that channel's groups; empty for other messages.
     */
    List<GroupLedger> brokerDeadLettered(Envelope m) {
        String queue = m.header(LiveHeaders.BROKER_DEAD_LETTER_QUEUE);
        if (queue == null) {
            return List.of();
        }
        for (LiveChannel c : channels.values()) {
            if (c.name().equals(queue)) {
                return groupsOf(c.id());
            }
        }
        return List.of();
    }

    LiveServer serverOf(String channelId) {
        return servers.get(brokerOf(channelId));
    }

    /** A broker-crash fault took a node of {@code broker} down ({@code true}) or brought it back. */
    void nodeDown(String broker, boolean down) {
        nodesDown
                .computeIfAbsent(broker, b -> new java.util.concurrent.atomic.AtomicInteger())
                .addAndGet(down ? 1 : -1);
        nodeChanges
                .computeIfAbsent(broker, b -> new java.util.concurrent.atomic.AtomicInteger())
                .incrementAndGet();
        anyNodeChange = true;
    }

    /**
     * The state of the nodes of the broker of {@code channelId} for telling, when a send fails, whether a crash
     * happened during it: odd while a node is down, and different from any earlier mark once a node went down or
     * came back since. 0 before any broker-crash fault of the run (then nothing is looked up).
     */
    private int nodeMark(String channelId) {
        if (!anyNodeChange) {
            return 0;
        }
        String broker = brokerOf(channelId);
        var changes = nodeChanges.get(broker);
        if (changes == null) {
            return 0;
        }
        var down = nodesDown.get(broker);
        return changes.get() * 2 + (down != null && down.get() > 0 ? 1 : 0);
    }

    /**
     * Whether a send whose {@link #nodeMark} was {@code markAtSend} met a crashed node of its broker: one was down when
     * it was sent or is down now, or one went down or came back meanwhile. Its failure may come after the node is
     * back (a request the crashed leader never answered times out after {@code request.timeout.ms}), and is still
     * the crash's doing.
     */
    private boolean crashedDuring(String channelId, int markAtSend) {
        return markAtSend % 2 == 1 || brokerDown(channelId) || nodeMark(channelId) != markAtSend;
    }

    /** Whether a node of the broker of {@code channelId} is down (crashed by the scenario) now. */
    boolean brokerDown(String channelId) {
        var n = nodesDown.get(brokerOf(channelId));
        return n != null && n.get() > 0;
    }

    static long nowMicros() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    /** Draws whether a message published now on {@code channelId} is poison (a poison fault is on). */
    String poisonMark(String channelId) {
        Double pct = poison.get(channelId);
        if (pct == null) {
            return null;
        }
        SplitMix64 r;
        synchronized (poisonStreams) {
            r = poisonStreams.computeIfAbsent(channelId, c -> streams.stream("poison:" + c));
            return r.chance(pct / 100.0) ? channelId : null;
        }
    }

    /**
     * Sends a message through {@code producer} and accounts for it when the broker answers: owed to the channel's
     * groups either way, lost when the send failed: {@code crash} when its producer was killed or a node of its
     * broker crashed during the send (down when it was sent or when it failed, or gone down or back meanwhile: a
     * broker-crash fault), else {@code network}.
     *
     * @param original a new message (counted in totals.published), not a dead-letter copy or re-drive
     * @param element who sends, for the trace (e.g. {@code checkout#0})
     */
    void send(
            LiveProducer producer,
            String channelId,
            Envelope m,
            boolean original,
            String element,
            java.util.function.BooleanSupplier crashed) {
        send(producer, channelId, m, original, element, crashed, null);
    }

    /**
     * A send the broker refused because the channel is full (the connector tells: a queue at its length limit that
     * rejects new messages): lost by {@code overflow}, as in the simulator.
     */
    private static boolean overflowed(Throwable error) {
        return error instanceof LiveProducer.Refused r && r.overflow();
    }

    /** As {@link #send(LiveProducer, String, Envelope, boolean, String, java.util.function.BooleanSupplier)}, and
     * {@code acknowledged} runs when the broker took it (null: nothing). */
    void send(
            LiveProducer producer,
            String channelId,
            Envelope m,
            boolean original,
            String element,
            java.util.function.BooleanSupplier crashed,
            Runnable acknowledged) {
        send(producer, channelId, m, original, element, crashed, acknowledged, null);
    }

    /**
     * As above, and a failed send is sent again per {@code retry} (the sending instance's producer policy; null: never)
     * where the producer leaves that to the run ({@link LiveProducer#resendsFailed}); the message is owed and
     * accounted for once, when the broker took it or its last attempt failed.
     */
    void send(
            LiveProducer producer,
            String channelId,
            Envelope m,
            boolean original,
            String element,
            java.util.function.BooleanSupplier crashed,
            Runnable acknowledged,
            ProducerRetry retry) {
        outstanding.incrementAndGet();
        ProducerRetry.Attempts a = new ProducerRetry.Attempts(channelId, m.messageId(), producer, crashed);
        ProducerRetry applied = retry != null && producer.resendsFailed(channels.get(channelId)) ? retry : null;
        a.again = () -> attempt(m, original, element, acknowledged, applied, a);
        a.giveUp = cause -> {
            try {
                lost(channelId, m, original, element, cause);
            } finally {
                outstanding.decrementAndGet();
            }
        };
        attempt(m, original, element, acknowledged, applied, a);
    }

    /** One attempt of {@code a}'s message; when it fails, the next is scheduled or the message is lost. */
    private void attempt(
            Envelope m,
            boolean original,
            String element,
            Runnable acknowledged,
            ProducerRetry retry,
            ProducerRetry.Attempts a) {
        String channelId = a.channelId;
        java.util.function.BooleanSupplier crashed = a.crashed;
        LiveProducer producer = a.producer;
        int nodeMark = nodeMark(channelId);
        LiveProducer.SendCallback cb = (sent, error) -> {
            if (error != null) {
                String cause = crashed.getAsBoolean() || crashedDuring(channelId, nodeMark)
                        ? "crash"
                        : overflowed(error) ? "overflow" : "network";
                long d = retry == null ? -1 : retry.again(this, a, cause);
                if (d >= 0) {
                    if (trace.on()) {
                        trace.emit(new TraceEvent.Retried(
                                trace.now(), element, "", -1, -1, m.messageId(), m.correlationId(), a.attempts - 1, d));
                    }
                } else {
                    a.giveUp.accept(cause);
                }
                return;
            }
            try {
                ledger.sent(channelId, m.messageId(), original, null);
                if (acknowledged != null) {
                    acknowledged.run();
                }
                if (trace.on()) {
                    trace.emit(new TraceEvent.Published(
                            trace.now(),
                            element,
                            "",
                            sent.partition(),
                            sent.offset(),
                            m.messageId(),
                            m.correlationId()));
                }
            } finally {
                outstanding.decrementAndGet();
            }
        };
        synchronized (producer) {
            producer.send(channels.get(channelId), m, cb);
        }
    }

    /** {@code m}'s last attempt failed with {@code cause}: owed to the channel's groups and lost for them. */
    private void lost(String channelId, Envelope m, boolean original, String element, String cause) {
        ledger.sent(channelId, m.messageId(), original, cause);
        if (trace.on()) {
            trace.emit(
                    new TraceEvent.Dropped(trace.now(), element, "", -1, -1, m.messageId(), m.correlationId(), cause));
        }
    }

    /** Runs {@code resend} (a producer retry) after {@code nanos}, on the run's timer and off it. */
    java.util.concurrent.ScheduledFuture<?> resendLater(Runnable resend, long nanos) {
        return resendTimer.schedule(() -> resenders.execute(resend), Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** Stops the producer retries' timer (the end of the run: every instance's producers closed before). */
    void close() {
        resendTimer.shutdownNow();
        resenders.shutdownNow();
    }

    /** A new message's envelope: a fresh id, the correlation id ({@code -1}: a new conversation), now, a body. */
    Envelope newMessage(String channelId, String messageType, String keyField, String key, long correlationId) {
        long id = ledger.newId();
        String poisonOn = poisonMark(channelId);
        Map<String, String> h = poisonOn == null ? Map.of() : Map.of(LiveHeaders.POISON, poisonOn);
        byte[] body = payloads.body(messageType, keyField, key);
        return Envelope.outgoing(id, correlationId < 0 ? id : correlationId, nowMicros(), key, body, h);
    }

    List<GroupLedger> groupsOf(String channelId) {
        return ledger.groupsOf(channelId);
    }
}
