package io.eventflow.live.internal;

import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.ChannelReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import io.eventflow.simulator.report.SimulationReport.Latency;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The run's accounting: message ids, what each group's clients saw, and per channel what was sent. At the end,
 * {@link #report} classifies every owed message of every group from evidence: processed (a worker finished it),
 * dead-lettered (its copy taken by the dead-letter channel's broker, or read back from a dead-letter channel), in
 * flight (still on the broker for the group, read back), lost (none of these, with the cause the clients saw). A lost
 * message no seen cause explains breaks conservation, unless a fault on a broker or the network ran ({@link
 * #brokerFault}): then its cause is {@code unknown}, with a note.
 */
public final class Ledger {
    /** The loss causes of the report, in the simulator's order. */
    static final List<String> CAUSES = List.of(
            "crash",
            "network",
            "retention",
            "overflow",
            "qos0",
            "rejected",
            "sessionExpired",
            "cleanSession",
            "notListening",
            "rollback",
            "notSubscribed",
            "trimmed",
            "offsetReset");

    private final AtomicLong nextId = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final Map<String, GroupLedger> groups = new LinkedHashMap<>();
    private final Map<String, List<GroupLedger>> byChannel = new LinkedHashMap<>();
    private final Map<String, long[]> channels = new LinkedHashMap<>();
    /**
     * The scenario's faults on brokers or the network that ran (e.g. "broker-crash of 'kafka' node 0"): they can
     * lose messages where no client sees it (a leader's acknowledged writes, a reset connection under acks 0).
     */
    private final List<String> brokerFaults = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Sentences for the run's notes, written by {@link #report}. */
    private final List<String> notes = new ArrayList<>();

    /** A fault acting on a broker or the network ran: losses nothing explains are then not known, not violations. */
    public void brokerFault(String what) {
        if (!brokerFaults.contains(what)) {
            brokerFaults.add(what);
        }
    }

    /** What {@link #report} found worth a note (losses whose cause the clients could not see). */
    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    private volatile SimulationReport.Requests requests = new SimulationReport.Requests(0, 0, 0, 0, 0, 0);

    private final Map<String, Long> evicted = new java.util.concurrent.ConcurrentHashMap<>();

    /** What the broker removed from a channel, read or not (Redis MAXLEN): {@code channels.C.evicted}. */
    public void evicted(String channelId, long n) {
        evicted.put(channelId, n);
    }

    /** The request/reply figures of the run (none: zeros, the design has no requests). */
    public void requests(SimulationReport.Requests r) {
        requests = r;
    }

    /** Declares a channel (in design order) so that the report lists it. */
    public void channel(String id) {
        channels.putIfAbsent(id, new long[2]);
        byChannel.putIfAbsent(id, new ArrayList<>());
    }

    /** Declares a group reading {@code channelId}; {@code key} is its report key. */
    public GroupLedger group(String key, String name, String channelId) {
        GroupLedger g = new GroupLedger(key, name, channelId);
        groups.put(key, g);
        byChannel.get(channelId).add(g);
        return g;
    }

    public List<GroupLedger> groupsOf(String channelId) {
        return byChannel.getOrDefault(channelId, List.of());
    }

    public Map<String, GroupLedger> groups() {
        return groups;
    }

    public long newId() {
        return nextId.getAndIncrement();
    }

    public long ids() {
        return nextId.get();
    }

    /**
     * A message reached {@code channelId} (acknowledged by the broker), or its send failed with {@code lossCause}.
     * Either way it is owed to every group of the channel from now on; a new message ({@code original}) counts in
     * {@code totals.published}.
     */
    public void sent(String channelId, long id, boolean original, String lossCause) {
        if (original) {
            published.incrementAndGet();
        }
        if (lossCause == null) {
            synchronized (channels) {
                channels.get(channelId)[0]++;
            }
        }
        for (GroupLedger g : groupsOf(channelId)) {
            g.owe(id);
            if (lossCause != null) {
                g.hint(id, lossCause);
            }
        }
    }

    /** A sampled depth of a channel (the largest over its groups counts). */
    public void depth(String channelId, long depth) {
        synchronized (channels) {
            long[] c = channels.get(channelId);
            c[1] = Math.max(c[1], depth);
        }
    }

    /**
     * The report.
     *
     * @param deadLettered per group key, the ids read back from dead-letter channels with that group's header
     * @param pending per group key, the ids still on the broker for the group
     */
    public SimulationReport report(
            String design,
            long seed,
            double runSeconds,
            double wallSeconds,
            Map<String, Set<Long>> deadLettered,
            Map<String, Set<Long>> pending) {
        return report(design, seed, runSeconds, wallSeconds, deadLettered, pending, false);
    }

    /**
     * The report so far, while the run goes on: an owed message neither processed nor known lost counts as in flight
     * (nothing is read back yet), so conservation holds by construction and no violation is reported.
     */
    public SimulationReport progress(String design, long seed, double runSeconds, double wallSeconds) {
        return report(design, seed, runSeconds, wallSeconds, Map.of(), Map.of(), true);
    }

    private SimulationReport report(
            String design,
            long seed,
            double runSeconds,
            double wallSeconds,
            Map<String, Set<Long>> deadLettered,
            Map<String, Set<Long>> pending,
            boolean interim) {
        Map<String, GroupReport> out = new LinkedHashMap<>();
        Map<String, Long> lostTotal = causes();
        List<String> violations = new ArrayList<>();
        Histogram all = new Histogram(3_600_000_000_000L, 2);
        double latSum = 0;
        long latN = 0;
        long[] t = new long[11];
        for (GroupLedger g : groups.values()) {
            GroupReport r;
            synchronized (g) {
                synchronized (g.owing) {
                    g.settleOwed();
                    r = group(
                            g,
                            deadLettered.getOrDefault(g.key, Set.of()),
                            pending.getOrDefault(g.key, Set.of()),
                            violations,
                            interim);
                }
                all.add(g.latency);
                latSum += g.latencySum;
                latN += g.latencyCount;
            }
            out.put(g.key, r);
            r.lostByCause().forEach((k, v) -> lostTotal.merge(k, v, Long::sum));
            long[] add = {
                0,
                r.delivered(),
                r.processed(),
                r.duplicates(),
                r.reprocessed(),
                r.lost(),
                r.deadLettered(),
                r.expired(),
                r.retries(),
                r.inFlight(),
                r.redelivered()
            };
            for (int i = 1; i < add.length; i++) {
                t[i] += add[i];
            }
        }
        Map<String, ChannelReport> chans = new LinkedHashMap<>();
        synchronized (channels) {
            channels.forEach((id, c) ->
                    chans.put(id, new ChannelReport(c[0], c[1], 0, Math.max(0, evicted.getOrDefault(id, 0L)))));
        }
        return SimulationReport.measured(
                design,
                seed,
                runSeconds,
                wallSeconds,
                new SimulationReport.Totals(
                        published.get(), t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10]),
                lostTotal,
                latency(all, latSum, latN),
                out,
                chans,
                requests,
                violations);
    }

    private GroupReport group(
            GroupLedger g, Set<Long> dead, Set<Long> pending, List<String> violations, boolean interim) {
        long processed = 0;
        long deadLettered = 0;
        long inFlight = 0;
        Map<String, Long> lost = causes();
        long lostSum = 0;
        long unexplained = 0;
        List<Long> examples = new ArrayList<>();
        long ids = nextId.get();
        BitSet owed = g.owed;
        for (int i = owed.nextSetBit(0); i >= 0; i = owed.nextSetBit(i + 1)) {
            long id = i;
            if (g.processed.get(i)) {
                processed++;
            } else if (g.deadLettered.get(i) || dead.contains(id)) {
                deadLettered++;
            } else if (pending.contains(id) || (interim && !g.lossHint.containsKey(id))) {
                inFlight++;
            } else {
                String cause = g.lossHint.get(id);
                if (cause == null) {
                    unexplained++;
                    if (examples.size() < 5) {
                        examples.add(id);
                    }
                } else {
                    lost.merge(cause, 1L, Long::sum);
                    lostSum++;
                }
            }
        }
        if (g.abortedProcessings > 0 && !interim) {
            synchronized (this) {
                notes.add(
                        g.key + ": " + g.abortedProcessings + " processings were in transactions that aborted (a crash"
                                + " or a rebalance): they had no effect and are not counted; their inputs were read again");
            }
        }
        if (unexplained > 0 && !brokerFaults.isEmpty()) {
            // lost on the broker or the network where no client could see it: say so, do not guess the cause
            synchronized (this) {
                notes.add(g.key + ": " + unexplained + " owed messages were lost with no failed send, crash or"
                        + " rejection seen by the clients (ids " + examples + "); " + String.join(", ", brokerFaults)
                        + " may explain them, but the clients cannot tell: counted under cause 'unknown'");
            }
            lost.merge("unknown", unexplained, Long::sum);
            lostSum += unexplained;
        } else if (unexplained > 0) {
            violations.add(g.key + ": " + unexplained + " owed messages are not processed, not dead-lettered, not"
                    + " on the broker, and no failed send, crash or rejection explains them (ids " + examples + ")");
            lost.merge("unknown", unexplained, Long::sum);
            lostSum += unexplained;
        }
        for (Set<Long> found : List.of(dead, pending)) {
            long foreign = found.stream().filter(id -> id < 0 || id >= ids).count();
            if (foreign > 0) {
                violations.add(g.key + ": " + foreign + " messages read back carry ids this run never gave out");
            }
        }
        long sum = processed + lostSum + deadLettered + inFlight;
        if (g.owedCount != sum) {
            violations.add(String.format(
                    "%s: owed %d != processed %d + lost %d + deadLettered %d + expired %d + inFlight %d",
                    g.key, g.owedCount, processed, lostSum, deadLettered, 0, inFlight));
        }
        return new GroupReport(
                g.name,
                g.channelId,
                g.owedCount,
                g.delivered,
                processed,
                g.duplicates,
                g.reprocessed,
                lostSum,
                lost,
                deadLettered,
                0,
                inFlight,
                g.retries,
                g.redelivered,
                g.maxLag,
                latency(g.latency, g.latencySum, g.latencyCount));
    }

    private static Map<String, Long> causes() {
        Map<String, Long> m = new LinkedHashMap<>();
        CAUSES.forEach(c -> m.put(c, 0L));
        return m;
    }

    static Latency latency(Histogram h, double sumNanos, long n) {
        if (n == 0) {
            return Latency.NONE;
        }
        return new Latency(
                sumNanos / n / 1e6,
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(95) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6);
    }
}
