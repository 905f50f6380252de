package io.eventflow.app.simview;

import io.eventflow.model.design.Design;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.simulator.SimulationSnapshot;
import io.eventflow.simulator.report.SimulationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Time series over simulated time for the charts and the exported report: throughput (processed per simulated
 * second), latency p50/p99 of the messages processed since the previous sample (from the groups' histograms; the
 * report's cumulative figures when none are given), consumer lag and channel depth; for the whole design or for
 * one selected service or channel. No nodes; {@link RunSeries} adds a sample at every fixed step of simulated time.
 */
public final class Metrics {
    /** One point: simulated seconds, processed per second, latency ms, lag and depth in messages. */
    public record Sample(double t, double throughput, double p50, double p99, long lag, long depth) {}

    static final int MAX_SAMPLES = 600;

    /** Throughput is averaged over about this many simulated seconds (slow motion would be all noise otherwise). */
    static final double WINDOW = 1.0;

    private final java.util.ArrayDeque<double[]> window = new java.util.ArrayDeque<>();
    private final List<Sample> samples = new ArrayList<>();
    private String element;
    private double lastT = -1;
    private long thinnings;
    private long lastProcessed;
    private Map<String, Histogram> previousLatency = Map.of();
    private double lastP50;
    private double lastP99;
    /** The groups the element reads or whose channel it is, and the channels a service reads (per design). */
    private Design groupsFor;

    private Set<String> groups = Set.of();
    private Set<String> inputs = Set.of();

    /** Starts over, for the whole design ({@code element} null) or one service or channel. */
    public void reset(String element) {
        this.element = element;
        samples.clear();
        window.clear();
        lastT = -1;
        thinnings = 0;
        lastProcessed = 0;
        previousLatency = Map.of();
        lastP50 = 0;
        lastP99 = 0;
        groupsFor = null;
    }

    /**
     * Each group's histogram of the messages processed since {@code previous} was taken ({@code latency} minus
     * {@code previous}, per key; the cumulative histogram itself where there is no earlier one). The histograms
     * returned may be those of {@code latency}: read them, do not change them.
     */
    static Map<String, Histogram> intervals(Map<String, Histogram> latency, Map<String, Histogram> previous) {
        Map<String, Histogram> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Histogram> e : latency.entrySet()) {
            Histogram d = e.getValue();
            Histogram before = previous.get(e.getKey());
            if (before != null && before.getTotalCount() <= d.getTotalCount()) {
                d = d.copy();
                d.subtract(before);
            }
            out.put(e.getKey(), d);
        }
        return out;
    }

    /** p50 and p99 in ms of the selected groups' messages in {@code intervals} (see {@link #intervals}), or null. */
    private double[] windowLatency(Map<String, Histogram> intervals, SimulationReport r, Set<String> groups) {
        Histogram interval = null;
        boolean copied = false;
        for (Map.Entry<String, Histogram> e : intervals.entrySet()) {
            SimulationReport.GroupReport g = r.groups().get(e.getKey());
            if (element != null && (g == null || !groups.contains(g.group() + "@" + g.channel()))) {
                continue;
            }
            if (interval == null) {
                interval = e.getValue();
            } else {
                if (!copied) { // the intervals are shared with the other elements' series: add into a copy
                    interval = interval.copy();
                    copied = true;
                }
                interval.add(e.getValue());
            }
        }
        if (interval == null || interval.getTotalCount() == 0) {
            return null;
        }
        return new double[] {interval.getValueAtPercentile(50) / 1e6, interval.getValueAtPercentile(99) / 1e6};
    }

    public String element() {
        return element;
    }

    /** Adds a sample with cumulative latency percentiles (from the report); returns it, or null. */
    public Sample add(SimulationSnapshot s, SimulationReport r, Design d) {
        return add(s, r, d, null);
    }

    /**
     * Adds a sample if simulated time moved on; returns it, or null. With {@code latency} (the groups' cumulative
     * histograms, keyed like the report's groups) the latency percentiles are those of the messages processed since
     * the previous sample.
     */
    public Sample add(SimulationSnapshot s, SimulationReport r, Design d, Map<String, Histogram> latency) {
        if (s == null || r == null || r.simulatedSeconds() <= lastT) {
            return null;
        }
        Map<String, Histogram> intervals = null;
        if (latency != null && !latency.isEmpty()) {
            intervals = intervals(latency, previousLatency);
            previousLatency = latency;
        }
        return addWindowed(s, r, d, intervals);
    }

    /**
     * Adds a sample like {@link #add(SimulationSnapshot, SimulationReport, Design, Map)}, given the groups' histograms
     * of the messages processed since the previous sample ({@link #intervals}, computed once for every element's
     * series), or null for the report's cumulative percentiles.
     */
    Sample addWindowed(SimulationSnapshot s, SimulationReport r, Design d, Map<String, Histogram> intervals) {
        if (s == null || r == null) {
            return null;
        }
        double t = r.simulatedSeconds();
        if (t <= lastT) {
            return null;
        }
        if (groupsFor != d) {
            groupsFor = d;
            groups = groupsOf(d);
            inputs = inputsOf(d);
        }
        long processed = 0;
        double p50 = 0;
        double p99 = 0;
        if (element == null) {
            processed = r.totals().processed();
            p50 = r.latencyMs().p50();
            p99 = r.latencyMs().p99();
        } else {
            for (var e : r.groups().entrySet()) {
                SimulationReport.GroupReport g = e.getValue();
                if (groups.contains(g.group() + "@" + g.channel())) {
                    processed += g.processed();
                    p50 = Math.max(p50, g.latencyMs().p50());
                    p99 = Math.max(p99, g.latencyMs().p99());
                }
            }
        }
        if (intervals != null && !intervals.isEmpty()) {
            double[] recent = windowLatency(intervals, r, groups);
            p50 = recent == null ? lastP50 : recent[0];
            p99 = recent == null ? lastP99 : recent[1];
            lastP50 = p50;
            lastP99 = p99;
        }
        long lag = 0;
        for (SimulationSnapshot.GroupState g : s.groups()) {
            if (element == null || groups.contains(g.group() + "@" + g.channel())) {
                lag += g.lag();
            }
        }
        long depth = 0;
        for (SimulationSnapshot.ChannelState c : s.channels()) {
            // A service's depth is that of the channels it reads: its backlog.
            if (element == null || element.equals(c.id()) || inputs.contains(c.id())) {
                depth += c.depth();
            }
        }
        window.addLast(new double[] {t, processed});
        while (window.size() > 2 && t - window.peekFirst()[0] > WINDOW) {
            window.pollFirst();
        }
        double[] first = window.peekFirst();
        double thr = t - first[0] <= 0 ? 0 : Math.max(0, (processed - first[1]) / (t - first[0]));
        lastT = t;
        lastProcessed = processed;
        Sample x = new Sample(t, thr, p50, p99, lag, depth);
        samples.add(x);
        if (samples.size() > MAX_SAMPLES) {
            thin();
        }
        return x;
    }

    /**
     * Keeps every other sample (the first, third...), keeping memory bounded over long runs; samples taken at even
     * steps stay evenly spaced, at twice the step.
     */
    private void thin() {
        List<Sample> keep = new ArrayList<>(samples.size() / 2 + 1);
        for (int i = 0; i < samples.size(); i += 2) {
            keep.add(samples.get(i));
        }
        samples.clear();
        samples.addAll(keep);
        thinnings++;
    }

    /** How many times the samples were thinned since the last reset. */
    long thinnings() {
        return thinnings;
    }

    /** The groups ({@code group@channel}) the selected element reads or whose channel it is. */
    private Set<String> groupsOf(Design d) {
        Set<String> out = new java.util.HashSet<>();
        if (element == null) {
            return out;
        }
        for (Service s : d.services()) {
            for (Subscription x : s.subscribes()) {
                if (element.equals(s.id()) || element.equals(x.channel())) {
                    out.add(x.groupOr(s.id()) + "@" + x.channel());
                }
            }
        }
        return out;
    }

    /** The channels a selected service subscribes to (empty for a channel or the whole design). */
    private Set<String> inputsOf(Design d) {
        Set<String> out = new java.util.HashSet<>();
        if (element != null) {
            d.service(element).ifPresent(s -> s.subscribes().forEach(x -> out.add(x.channel())));
        }
        return out;
    }

    public List<Sample> samples() {
        return samples;
    }
}
