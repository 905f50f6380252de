package io.eventflow.simulator.sweep;

import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import io.eventflow.simulator.report.SimulationReport.Latency;
import io.eventflow.simulator.report.SimulationReport.Totals;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of a run's report by their path in the JSON report ({@code totals.published},
 * {@code latencyMs.p99}, {@code groups.billing.lost}, {@code channels.orders.maxDepth}): every count and latency,
 * but not the run's seed, wall time or kernel events. Latencies are in milliseconds; the rest are counts.
 */
public final class Figures {
    private Figures() {}

    /** The figures of {@code r}, in the order of the JSON report. */
    public static Map<String, Double> of(SimulationReport r) {
        Map<String, Double> f = new LinkedHashMap<>();
        totals(f, r.totals());
        r.lostByCause().forEach((k, v) -> f.put("lostByCause." + k, (double) v));
        latency(f, "latencyMs.", r.latencyMs());
        r.groups().forEach((name, g) -> group(f, "groups." + name + ".", g));
        r.channels().forEach((name, c) -> {
            String p = "channels." + name + ".";
            f.put(p + "published", (double) c.published());
            f.put(p + "maxDepth", (double) c.maxDepth());
            f.put(p + "expired", (double) c.expired());
            f.put(p + "evicted", (double) c.evicted());
        });
        SimulationReport.Requests q = r.requests();
        f.put("requests.sent", (double) q.sent());
        f.put("requests.answered", (double) q.answered());
        f.put("requests.retried", (double) q.retried());
        f.put("requests.failed", (double) q.failed());
        f.put("requests.pending", (double) q.pending());
        f.put("requests.meanAnswerMs", q.meanAnswerMs());
        return f;
    }

    /**
     * The figure paths a report of this design has (those of a run that has not started), to check a goal's paths
     * before a sweep runs.
     *
     * @throws io.eventflow.simulator.UnsupportedDesignException when the simulator does not model the design
     */
    public static java.util.Set<String> names(io.eventflow.model.design.Design design) {
        return of(io.eventflow.simulator.Simulation.builder(design)
                        .traceCapacity(0)
                        .build()
                        .report())
                .keySet();
    }

    /** Whether the figure at this path is a time in milliseconds (fractional) rather than a count. */
    public static boolean isMillis(String path) {
        return path.startsWith("latencyMs.") || path.contains(".latencyMs.") || path.endsWith("Ms");
    }

    private static void totals(Map<String, Double> f, Totals t) {
        f.put("totals.published", (double) t.published());
        f.put("totals.delivered", (double) t.delivered());
        f.put("totals.processed", (double) t.processed());
        f.put("totals.duplicates", (double) t.duplicates());
        f.put("totals.reprocessed", (double) t.reprocessed());
        f.put("totals.lost", (double) t.lost());
        f.put("totals.deadLettered", (double) t.deadLettered());
        f.put("totals.expired", (double) t.expired());
        f.put("totals.retries", (double) t.retries());
        f.put("totals.inFlight", (double) t.inFlight());
        f.put("totals.redelivered", (double) t.redelivered());
    }

    private static void group(Map<String, Double> f, String p, GroupReport g) {
        f.put(p + "owed", (double) g.owed());
        f.put(p + "delivered", (double) g.delivered());
        f.put(p + "processed", (double) g.processed());
        f.put(p + "duplicates", (double) g.duplicates());
        f.put(p + "reprocessed", (double) g.reprocessed());
        f.put(p + "lost", (double) g.lost());
        g.lostByCause().forEach((k, v) -> f.put(p + "lostByCause." + k, (double) v));
        f.put(p + "deadLettered", (double) g.deadLettered());
        f.put(p + "expired", (double) g.expired());
        f.put(p + "inFlight", (double) g.inFlight());
        f.put(p + "retries", (double) g.retries());
        f.put(p + "redelivered", (double) g.redelivered());
        f.put(p + "maxLag", (double) g.maxLag());
        latency(f, p + "latencyMs.", g.latencyMs());
    }

    private static void latency(Map<String, Double> f, String p, Latency l) {
        f.put(p + "mean", l.mean());
        f.put(p + "p50", l.p50());
        f.put(p + "p95", l.p95());
        f.put(p + "p99", l.p99());
        f.put(p + "max", l.max());
    }
}
