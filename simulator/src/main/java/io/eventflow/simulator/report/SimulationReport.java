package io.eventflow.simulator.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of a run (the JSON report of {@code eventflow simulate}). Definitions are in {@code docs/simulator.md}.
 *
 * @param violations human-readable reasons when an invariant does not hold (empty when all hold)
 * @param tampering what tamper faults did, or null when the run had none
 */
public record SimulationReport(
        String design,
        long seed,
        double simulatedSeconds,
        double wallSeconds,
        long kernelEvents,
        Totals totals,
        Map<String, Long> lostByCause,
        Latency latencyMs,
        Map<String, GroupReport> groups,
        Map<String, ChannelReport> channels,
        Requests requests,
        Map<String, Boolean> invariants,
        List<String> violations,
        Tampering tampering) {

    /**
     * A report of a run measured outside the kernel (live runs): no kernel events, no tampering figures (live runs
     * apply no tamper fault), and the invariants its violations give ({@link #invariants(List)}).
     */
    public static SimulationReport measured(
            String design,
            long seed,
            double seconds,
            double wallSeconds,
            Totals totals,
            Map<String, Long> lostByCause,
            Latency latencyMs,
            Map<String, GroupReport> groups,
            Map<String, ChannelReport> channels,
            Requests requests,
            List<String> violations) {
        return new SimulationReport(
                design,
                seed,
                seconds,
                wallSeconds,
                0,
                totals,
                lostByCause,
                latencyMs,
                groups,
                channels,
                requests,
                invariants(violations),
                List.copyOf(violations),
                null);
    }

    /** The invariants a report states: conservation holds when no violation was found. */
    public static Map<String, Boolean> invariants(List<String> violations) {
        Map<String, Boolean> inv = new java.util.LinkedHashMap<>();
        inv.put("conservation", violations.isEmpty());
        return inv;
    }

    /**
     * What tamper faults did to signed messages.
     *
     * @param tampered messages a tamper fault altered (on a channel or a producer's link), plus deliveries altered on
     *     a broker's link to a consumer
     * @param rejected tampered messages that verifying consumers rejected (dead-lettered, or lost as {@code tampered})
     * @param accepted tampered messages processed by consumers that do not verify them (not signed, or
     *     {@code verify: false}), counted once per group
     * @param groups the same per group, keyed like {@link SimulationReport#groups}
     */
    public record Tampering(long tampered, long rejected, long accepted, Map<String, GroupTampering> groups) {}

    /** One group's tampered messages: rejected by its verifying consumers, or processed without noticing. */
    public record GroupTampering(long rejected, long accepted) {}

    public record Totals(
            long published,
            long delivered,
            long processed,
            long duplicates,
            long reprocessed,
            long lost,
            long deadLettered,
            long expired,
            long retries,
            long inFlight,
            long redelivered) {}

    /** Latency publish → processing done, in milliseconds; zeros when nothing was processed. */
    public record Latency(double mean, double p50, double p95, double p99, double max) {
        public static final Latency NONE = new Latency(0, 0, 0, 0, 0);
    }

    public record GroupReport(
            String group,
            String channel,
            long owed,
            long delivered,
            long processed,
            long duplicates,
            long reprocessed,
            long lost,
            Map<String, Long> lostByCause,
            long deadLettered,
            long expired,
            long inFlight,
            long retries,
            long redelivered,
            long maxLag,
            Latency latencyMs) {}

    /**
     * @param bytes bytes of the messages published on the channel (dead-letter and re-drive copies included), counted
     *     from the sizes they carry; only with the scenario's {@code payloads: encoded}, else -1 (not in the JSON)
     */
    public record ChannelReport(long published, long maxDepth, long expired, long evicted, long bytes) {
        public ChannelReport(long published, long maxDepth, long expired, long evicted) {
            this(published, maxDepth, expired, evicted, -1);
        }
    }

    /** Request/reply figures over all requesters. */
    public record Requests(long sent, long answered, long retried, long failed, long pending, double meanAnswerMs) {}

    /** True when every invariant holds. */
    public boolean ok() {
        return invariants.values().stream().allMatch(Boolean::booleanValue);
    }

    public String toJson() {
        return ReportJson.write(this);
    }

    /** A readable table of the main figures, one line per group and channel. */
    public String summaryTable() {
        return summaryTable(false);
    }

    /**
     * {@link #summaryTable()}; for a {@code live} run's report the first line gives the run's own time ("live") and
     * leaves out the kernel events, which only a simulation has.
     */
    public String summaryTable(boolean live) {
        StringBuilder b = new StringBuilder();
        b.append(
                live
                        ? String.format(
                                Locale.ROOT,
                                "%s  seed %d  live %.3fs  wall %.3fs%n",
                                design,
                                seed,
                                simulatedSeconds,
                                wallSeconds)
                        : String.format(
                                Locale.ROOT,
                                "%s  seed %d  simulated %.3fs  wall %.3fs  kernel events %,d%n",
                                design,
                                seed,
                                simulatedSeconds,
                                wallSeconds,
                                kernelEvents));
        Totals t = totals;
        b.append(String.format(
                Locale.ROOT,
                "published %,d  processed %,d  duplicates %,d  reprocessed %,d  lost %,d  dead-lettered %,d"
                        + "  expired %,d  in flight %,d  retries %,d%n",
                t.published,
                t.processed,
                t.duplicates,
                t.reprocessed,
                t.lost,
                t.deadLettered,
                t.expired,
                t.inFlight,
                t.retries));
        b.append(String.format(
                Locale.ROOT,
                "latency ms: mean %.3f  p50 %.3f  p95 %.3f  p99 %.3f  max %.3f%n",
                latencyMs.mean,
                latencyMs.p50,
                latencyMs.p95,
                latencyMs.p99,
                latencyMs.max));
        b.append(String.format(
                Locale.ROOT,
                "%n%-22s %-16s %10s %10s %6s %6s %6s %6s %6s %8s %9s%n",
                "group",
                "channel",
                "owed",
                "processed",
                "dup",
                "lost",
                "dlq",
                "exp",
                "fly",
                "maxLag",
                "p99 ms"));
        for (Map.Entry<String, GroupReport> e : groups.entrySet()) {
            GroupReport g = e.getValue();
            b.append(String.format(
                    Locale.ROOT,
                    "%-22s %-16s %10d %10d %6d %6d %6d %6d %6d %8d %9.3f%n",
                    cut(e.getKey(), 22),
                    cut(g.channel, 16),
                    g.owed,
                    g.processed,
                    g.duplicates,
                    g.lost,
                    g.deadLettered,
                    g.expired,
                    g.inFlight,
                    g.maxLag,
                    g.latencyMs.p99));
        }
        b.append(String.format(
                Locale.ROOT, "%n%-22s %10s %10s %8s %8s%n", "channel", "published", "maxDepth", "expired", "evicted"));
        for (Map.Entry<String, ChannelReport> e : channels.entrySet()) {
            ChannelReport c = e.getValue();
            b.append(String.format(
                    Locale.ROOT,
                    "%-22s %10d %10d %8d %8d%n",
                    cut(e.getKey(), 22),
                    c.published,
                    c.maxDepth,
                    c.expired,
                    c.evicted));
        }
        if (tampering != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "%ntampered %,d  rejected by verifying consumers %,d  accepted unverified %,d%n",
                    tampering.tampered,
                    tampering.rejected,
                    tampering.accepted));
        }
        b.append(String.format(
                Locale.ROOT,
                "%nconservation: %s%n",
                invariants.getOrDefault("conservation", false) ? "holds" : "VIOLATED"));
        for (String v : violations) {
            b.append("  ").append(v).append('\n');
        }
        return b.toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }
}
