package io.eventflow.live;

import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import java.util.LinkedHashSet;
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

    /** A table: totals, then per group each figure as simulated, live, live − simulated. */
    public static String table(SimulationReport simulated, SimulationReport live) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-34s %14s %14s %14s%n", "figure", "simulated", "live", "difference"));
        row(b, "totals.published", simulated.totals().published(), live.totals().published(), false);
        row(b, "totals.processed", simulated.totals().processed(), live.totals().processed(), false);
        row(b, "totals.lost", simulated.totals().lost(), live.totals().lost(), false);
        row(b, "latencyMs.p50", simulated.latencyMs().p50(), live.latencyMs().p50(), true);
        row(b, "latencyMs.p99", simulated.latencyMs().p99(), live.latencyMs().p99(), true);
        Set<String> groups = new LinkedHashSet<>(simulated.groups().keySet());
        groups.addAll(live.groups().keySet());
        for (String g : groups) {
            GroupReport s = simulated.groups().get(g);
            GroupReport l = live.groups().get(g);
            b.append(String.format(Locale.ROOT, "%ngroup %s%n", g));
            for (Figure f : FIGURES) {
                row(
                        b,
                        "  " + f.name(),
                        s == null ? Double.NaN : f.value().applyAsDouble(s),
                        l == null ? Double.NaN : f.value().applyAsDouble(l),
                        f.millis());
            }
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
