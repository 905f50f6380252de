package io.eventflow.simulator.internal;

import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.ChannelReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import io.eventflow.simulator.report.SimulationReport.Latency;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Counts every group's figures from the simulation's own state: the per-group message states, and for messages in
 * flight a walk over what the brokers, workers, consumer buffers and the network physically hold.
 */
public final class Accounting {
    private Accounting() {}

    /**
     * Copies of every group's latency histogram (publish → processed, nanoseconds), keyed like the report's groups.
     */
    public static Map<String, Histogram> latencyHistograms(Engine w) {
        Map<String, Histogram> out = new LinkedHashMap<>();
        groupKeys(w).forEach((g, key) -> out.put(key, g.latency().copy()));
        return out;
    }

    /** Each group's key in the report: its name, or name@channel where a name reads several channels. */
    private static Map<SimGroup, String> groupKeys(Engine w) {
        Map<String, Integer> names = new HashMap<>();
        for (SimGroup g : w.groups) {
            names.merge(g.name, 1, Integer::sum);
        }
        Map<SimGroup, String> keys = new LinkedHashMap<>();
        for (SimGroup g : w.groups) {
            keys.put(g, names.get(g.name) > 1 ? g.name + "@" + g.channel.id() : g.name);
        }
        return keys;
    }

    public static SimulationReport report(Engine w, String design, long seed, double wallSeconds) {
        BitSet transit = new BitSet();
        w.transit().collect(transit);
        Map<String, GroupReport> groups = new LinkedHashMap<>();
        Map<String, Long> lostTotal = causes(w.tamperFaults);
        List<String> violations = new ArrayList<>();
        Histogram all = new Histogram(3_600_000_000_000L, 2);
        double latSum = 0;
        long latN = 0;
        long[] t = new long[11];
        Map<SimGroup, String> keys = groupKeys(w);
        for (SimGroup g : w.groups) {
            GroupReport r = group(w, g, transit, violations);
            groups.put(keys.get(g), r);
            r.lostByCause().forEach((k, v) -> lostTotal.merge(k, v, Long::sum));
            all.add(g.latency());
            latSum += g.latencySumNanos;
            latN += g.latencyCount;
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
        for (var b : w.brokers.values()) {
            b.unownedLosses().forEach((k, v) -> lostTotal.merge(k, v, Long::sum));
        }
        Map<String, ChannelReport> channels = new LinkedHashMap<>();
        for (SimChannel c : w.channels.values()) {
            channels.put(
                    c.id(),
                    new ChannelReport(
                            c.published,
                            c.maxDepth,
                            c.expired,
                            c.evicted,
                            w.carriesPayloads() ? c.publishedBytes : -1));
        }
        Requests q = w.requests;
        SimulationReport.Requests req = new SimulationReport.Requests(
                q.sent,
                q.answered,
                q.retried,
                q.failed,
                q.pendingCount(),
                q.answered == 0 ? 0 : q.answerSumNanos / q.answered / 1e6);
        return new SimulationReport(
                design,
                seed,
                w.now() / 1e9,
                wallSeconds,
                w.kernel.firedEvents(),
                new SimulationReport.Totals(w.published(), t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10]),
                lostTotal,
                latency(all, latSum, latN),
                groups,
                channels,
                req,
                SimulationReport.invariants(violations),
                List.copyOf(violations),
                tampering(w, keys));
    }

    private static GroupReport group(Engine w, SimGroup g, BitSet transit, List<String> violations) {
        long[] scan = g.states.scan(w.nextMessageId());
        for (byte s = 1; s < MsgState.COUNT; s++) {
            if (scan[s] != g.states.running(s)) {
                violations.add(g.name + ": " + scan[s] + " messages in state " + s + " but the running count says "
                        + g.states.running(s));
            }
        }
        BitSet held = new BitSet();
        g.channel.broker.collectHeld(g, held);
        held.or(transit);
        for (Member m : g.members) {
            for (Worker wk : m.workers) {
                if (wk.msg != null) {
                    held.set((int) wk.msg.id);
                }
            }
            for (Msg b : m.buffer) {
                held.set((int) b.id);
            }
        }
        long inFlight = 0;
        for (int id = held.nextSetBit(0); id >= 0; id = held.nextSetBit(id + 1)) {
            if (g.states.get(id) == MsgState.PENDING) {
                inFlight++;
            }
        }
        Map<String, Long> lost = causes(w.tamperFaults);
        long lostSum = 0;
        for (int i = 0; i < MsgState.LOSS_CAUSES.length; i++) {
            long n = scan[MsgState.LOST_CRASH + i];
            if (lost.containsKey(MsgState.LOSS_CAUSES[i])) {
                lost.merge(MsgState.LOSS_CAUSES[i], n, Long::sum);
            }
            lostSum += n;
        }
        long processed = scan[MsgState.PROCESSED];
        long dead = scan[MsgState.DEAD_LETTERED];
        long expired = scan[MsgState.EXPIRED];
        if (scan[MsgState.PENDING] != inFlight) {
            violations.add(g.name + ": " + (scan[MsgState.PENDING] - inFlight)
                    + " messages are pending for the group but held nowhere");
        }
        long sum = processed + lostSum + dead + expired + inFlight;
        if (g.owed != sum) {
            violations.add(String.format(
                    "%s: owed %d != processed %d + lost %d + deadLettered %d + expired %d" + " + inFlight %d",
                    g.name, g.owed, processed, lostSum, dead, expired, inFlight));
        }
        return new GroupReport(
                g.name,
                g.channel.id(),
                g.owed,
                g.delivered,
                processed,
                g.duplicates,
                g.reprocessed,
                lostSum,
                lost,
                dead,
                expired,
                inFlight,
                g.retries,
                g.redelivered,
                g.maxLag,
                latency(g.latency(), g.latencySumNanos, g.latencyCount));
    }

    /**
     * Every loss cause at 0; {@code tampered} only in runs with a tamper fault, so that reports of runs without one stay
     * as they were before the cause existed (it is 0 in them).
     */
    private static Map<String, Long> causes(boolean tampering) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String c : MsgState.LOSS_CAUSES) {
            if (tampering || !c.equals("tampered")) {
                m.put(c, 0L);
            }
        }
        return m;
    }

    /** What tamper faults did, or null in a run without one. */
    private static SimulationReport.Tampering tampering(Engine w, Map<SimGroup, String> keys) {
        if (!w.tamperFaults) {
            return null;
        }
        Map<String, SimulationReport.GroupTampering> groups = new LinkedHashMap<>();
        long rejected = 0;
        long accepted = 0;
        for (SimGroup g : w.groups) {
            groups.put(keys.get(g), new SimulationReport.GroupTampering(g.tamperRejected, g.tamperAccepted));
            rejected += g.tamperRejected;
            accepted += g.tamperAccepted;
        }
        return new SimulationReport.Tampering(w.tampered, rejected, accepted, groups);
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
