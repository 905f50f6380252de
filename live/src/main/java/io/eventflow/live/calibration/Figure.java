package io.eventflow.live.calibration;

import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import java.util.function.ToDoubleFunction;

/**
 * One figure of a report that a calibration case compares, with its tolerance.
 *
 * @param name as printed, e.g. {@code billing.duplicates}
 * @param of reads the figure from a report (simulated or live)
 */
public record Figure(String name, ToDoubleFunction<SimulationReport> of, Tolerance tolerance) {

    /** A figure of one group: {@code duplicates}, {@code processed}, {@code lost}, {@code deadLettered}, ... */
    public static Figure group(String group, String figure, Tolerance tolerance) {
        ToDoubleFunction<GroupReport> f = groupFigure(figure);
        return new Figure(group + "." + figure, r -> f.applyAsDouble(groupOf(r, group)), tolerance);
    }

    /**
     * A group's figure as a share of what it was owed ({@code duplicates/owed}): what the delivery guarantee does to
     * each message, whatever the number of messages a live publisher managed to send on a loaded machine.
     */
    public static Figure share(String group, String figure, Tolerance tolerance) {
        ToDoubleFunction<GroupReport> f = groupFigure(figure);
        return new Figure(
                group + "." + figure + "/owed",
                r -> ratio(f.applyAsDouble(groupOf(r, group)), groupOf(r, group).owed()),
                tolerance);
    }

    /** A group's losses by one cause as a share of what it was owed ({@code lost.crash/owed}). */
    public static Figure lostShare(String group, String cause, Tolerance tolerance) {
        return new Figure(
                group + ".lost." + cause + "/owed",
                r -> ratio(
                        groupOf(r, group).lostByCause().getOrDefault(cause, 0L),
                        groupOf(r, group).owed()),
                tolerance);
    }

    private static double ratio(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }

    /** A group's losses by one cause ({@code crash}, {@code qos0}, {@code overflow}, ...). */
    public static Figure lostBy(String group, String cause, Tolerance tolerance) {
        return new Figure(
                group + ".lost." + cause, r -> groupOf(r, group).lostByCause().getOrDefault(cause, 0L), tolerance);
    }

    /** A group's latency percentile in milliseconds ({@code p50}, {@code p95}). */
    public static Figure latency(String group, String percentile, Tolerance tolerance) {
        ToDoubleFunction<SimulationReport.Latency> f =
                switch (percentile) {
                    case "p50" -> SimulationReport.Latency::p50;
                    case "p95" -> SimulationReport.Latency::p95;
                    case "p99" -> SimulationReport.Latency::p99;
                    case "mean" -> SimulationReport.Latency::mean;
                    default -> throw new IllegalArgumentException("no latency figure " + percentile);
                };
        return new Figure(
                group + ".latencyMs." + percentile,
                r -> f.applyAsDouble(groupOf(r, group).latencyMs()),
                tolerance);
    }

    private static GroupReport groupOf(SimulationReport r, String group) {
        GroupReport g = r.groups().get(group);
        if (g == null) {
            throw new IllegalStateException("the report has no group '" + group + "' (groups: "
                    + r.groups().keySet() + ")");
        }
        return g;
    }

    private static ToDoubleFunction<GroupReport> groupFigure(String figure) {
        return switch (figure) {
            case "owed" -> GroupReport::owed;
            case "delivered" -> GroupReport::delivered;
            case "processed" -> GroupReport::processed;
            case "duplicates" -> GroupReport::duplicates;
            case "reprocessed" -> GroupReport::reprocessed;
            case "lost" -> GroupReport::lost;
            case "deadLettered" -> GroupReport::deadLettered;
            case "inFlight" -> GroupReport::inFlight;
            case "retries" -> GroupReport::retries;
            case "redelivered" -> GroupReport::redelivered;
            default -> throw new IllegalArgumentException("no group figure " + figure);
        };
    }
}
