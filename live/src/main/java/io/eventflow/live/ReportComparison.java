package io.eventflow.live;

import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** The simulated and the live report side by side: per group each figure, both values and the difference. */
public final class ReportComparison {
    private ReportComparison() {}

    private record Figure(String name, ToDoubleFunction<GroupReport> value, boolean millis) {}

    private static final Figure[] FIGURES = {
        new Figure("owed", GroupReport::owed, false),
        new Figure("delivered", GroupReport::delivered, false),
        new Figure("processed", GroupReport::processed, false),
        new Figure("duplicates", GroupReport::duplicates, false),
        new Figure("reprocessed", GroupReport::reprocessed, false),
        new Figure("lost", GroupReport::lost, false),
        new Figure("deadLettered", GroupReport::deadLettered, false),
        new Figure("inFlight", GroupReport::inFlight, false),
        new Figure("retries", GroupReport::retries, false),
        new Figure("redelivered", GroupReport::redelivered, false),
        new Figure("maxLag", GroupReport::maxLag, false),
        new Figure("latencyMs.p50", g -> g.latencyMs().p50(), true),
        new Figure("latencyMs.p99", g -> g.latencyMs().p99(), true),
    };

    /**
     * One figure of the comparison: its name ({@code totals.published}, {@code group orders-svc: lost}), the simulated
     * and live values (NaN where a report lacks the group) and whether it is milliseconds.
     */
    public record Row(String figure, String group, double simulated, double live, boolean millis) {
        /** live − simulated, NaN when one is missing. */
        public double difference() {
            return Double.isNaN(simulated) || Double.isNaN(live) ? Double.NaN : live - simulated;
        }

        /** The two values differ (a missing value differs from a present one). */
        public boolean differs() {
            if (Double.isNaN(simulated) || Double.isNaN(live)) {
                return Double.isNaN(simulated) != Double.isNaN(live);
            }
            return millis ? Math.abs(live - simulated) >= 0.0005 : Math.round(live) != Math.round(simulated);
        }

        /**
         * They differ by more than 10% of the larger (and, for latencies, by at least 1 ms): worth a look rather than
         * the noise of real timing.
         */
        public boolean far() {
            if (!differs()) {
                return false;
            }
            if (Double.isNaN(difference())) {
                return true;
            }
            double d = Math.abs(difference());
            double scale = Math.max(Math.abs(simulated), Math.abs(live));
            return d > 0.10 * scale && (!millis || d >= 1.0);
        }

        /** The simulated value as printed. */
        public String simulatedText() {
            return fmt(simulated, millis, false);
        }

        public String liveText() {
            return fmt(live, millis, false);
        }

        /** The difference as printed, signed; "-" when one value is missing. */
        public String differenceText() {
            return Double.isNaN(difference()) ? "-" : fmt(difference(), millis, true);
        }
    }

    /** Totals (group null), then per group each figure: the rows of {@link #table}. */
    public static List<Row> rows(SimulationReport simulated, SimulationReport live) {
        List<Row> out = new ArrayList<>();
        out.add(new Row(
                "totals.published",
                null,
                simulated.totals().published(),
                live.totals().published(),
                false));
        out.add(new Row(
                "totals.processed",
                null,
                simulated.totals().processed(),
                live.totals().processed(),
                false));
        out.add(new Row(
                "totals.lost", null, simulated.totals().lost(), live.totals().lost(), false));
        out.add(new Row(
                "latencyMs.p50",
                null,
                simulated.latencyMs().p50(),
                live.latencyMs().p50(),
                true));
        out.add(new Row(
                "latencyMs.p99",
                null,
                simulated.latencyMs().p99(),
                live.latencyMs().p99(),
                true));
        Set<String> groups = new LinkedHashSet<>(simulated.groups().keySet());
        groups.addAll(live.groups().keySet());
        for (String g : groups) {
            GroupReport s = simulated.groups().get(g);
            GroupReport l = live.groups().get(g);
            for (Figure f : FIGURES) {
                out.add(new Row(
                        f.name(),
                        g,
                        s == null ? Double.NaN : f.value().applyAsDouble(s),
                        l == null ? Double.NaN : f.value().applyAsDouble(l),
                        f.millis()));
            }
        }
        return out;
    }

    /** A table: totals, then per group each figure as simulated, live, live − simulated. */
    public static String table(SimulationReport simulated, SimulationReport live) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-34s %14s %14s %14s%n", "figure", "simulated", "live", "difference"));
        String group = null;
        for (Row r : rows(simulated, live)) {
            if (r.group() != null && !r.group().equals(group)) {
                group = r.group();
                b.append(String.format(Locale.ROOT, "%ngroup %s%n", group));
            }
            row(b, r.group() == null ? r.figure() : "  " + r.figure(), r.simulated(), r.live(), r.millis());
        }
        b.append(String.format(
                Locale.ROOT,
                "%nconservation: simulated %s, live %s%n",
                simulated.ok() ? "holds" : "VIOLATED",
                live.ok() ? "holds" : "VIOLATED"));
        return b.toString();
    }

    private static void row(StringBuilder b, String name, double sim, double live, boolean millis) {
        b.append(String.format(
                Locale.ROOT,
                "%-34s %14s %14s %14s%n",
                name.length() > 34 ? name.substring(0, 33) + "~" : name,
                fmt(sim, millis, false),
                fmt(live, millis, false),
                Double.isNaN(sim) || Double.isNaN(live) ? "-" : fmt(live - sim, millis, true)));
    }

    private static String fmt(double v, boolean millis, boolean signed) {
        if (Double.isNaN(v)) {
            return "-";
        }
        String f = millis ? (signed ? "%+.3f" : "%.3f") : (signed ? "%+,d" : "%,d");
        return millis ? String.format(Locale.ROOT, f, v) : String.format(Locale.ROOT, f, Math.round(v));
    }
}
