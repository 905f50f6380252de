package io.eventflow.app.cli;

import io.eventflow.simulator.sweep.CombinationResult;
import io.eventflow.simulator.sweep.Minimiser;
import io.eventflow.simulator.sweep.Stats;
import io.eventflow.simulator.sweep.SweepResult;
import io.eventflow.simulator.sweep.SweepSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The sweep's tables on stdout: the main figures per combination, and the minimise answer with its evidence. */
final class SweepOutput {
    private static final List<String> HEADLINE = List.of(
            "totals.published",
            "totals.processed",
            "totals.duplicates",
            "totals.lost",
            "totals.deadLettered",
            "latencyMs.p50",
            "latencyMs.p95",
            "latencyMs.p99");

    private SweepOutput() {}

    static void summary(PrintWriter out, SweepResult r) {
        SweepSpec spec = r.spec();
        out.printf(
                Locale.ROOT,
                "sweep of '%s': %d combination%s x %d seeds (%s)%n",
                spec.design().name(),
                r.combinations().size(),
                r.combinations().size() == 1 ? "" : "s",
                spec.seeds().count(),
                spec.seeds());
        if (spec.goal() != null) {
            out.printf("goal: %s, in at least %s of seeds%n", spec.goal(), percent(spec.share()));
        }
        for (CombinationResult c : r.combinations()) {
            out.println();
            out.printf(Locale.ROOT, "%s   %d runs", c.label(), c.runs());
            if (spec.goal() != null) {
                out.printf(
                        Locale.ROOT,
                        "   goal met in %d of %d seeds (%s): %s",
                        c.goalMet(),
                        c.runs(),
                        percent(c.goalShare()),
                        r.meetsGoal(c) ? "MEETS" : "does not meet");
            }
            if (c.violations() > 0) {
                out.printf(Locale.ROOT, "   conservation VIOLATED in %d runs", c.violations());
            }
            out.println();
            if (c.runs() > 0) {
                table(out, c, figures(c, spec));
            }
        }
    }

    private static List<String> figures(CombinationResult c, SweepSpec spec) {
        Set<String> out = new LinkedHashSet<>(HEADLINE);
        for (String f : c.figureNames()) {
            boolean detail = f.startsWith("lostByCause.")
                    || (f.startsWith("groups.") && f.endsWith(".maxLag"))
                    || (f.startsWith("channels.") && f.endsWith(".maxDepth"));
            if (detail && c.stats(f).max() > 0) {
                out.add(f);
            }
        }
        if (spec.goal() != null) {
            out.addAll(spec.goal().paths());
        }
        out.retainAll(c.figureNames());
        return new ArrayList<>(out);
    }

    private static void table(PrintWriter out, CombinationResult c, List<String> figures) {
        out.printf(
                Locale.ROOT,
                "  %-34s %11s %11s %11s %11s %-25s %11s %11s%n",
                "figure",
                "p5",
                "p50",
                "p95",
                "mean",
                "  (95% interval)",
                "min",
                "max");
        for (String f : figures) {
            Stats s = c.stats(f);
            out.printf(
                    Locale.ROOT,
                    "  %-34s %11s %11s %11s %11s %-25s %11s %11s%n",
                    cut(f, 34),
                    fmt(s.p5()),
                    fmt(s.p50()),
                    fmt(s.p95()),
                    fmt(s.mean()),
                    "  (" + fmt(s.meanLow()) + " .. " + fmt(s.meanHigh()) + ")",
                    fmt(s.min()),
                    fmt(s.max()));
        }
    }

    static void minimised(PrintWriter out, Minimiser.Result m) {
        SweepSpec spec = m.sweep().spec();
        int at = spec.variations().indexOf(m.variation());
        Set<String> paths = spec.goal().paths();
        out.println();
        out.printf(
                "smallest %s meeting the goal in at least %s of seeds (%s):%n",
                m.variation().name(),
                percent(spec.share()),
                m.search() == Minimiser.Search.SCAN
                        ? "every value tried"
                        : "bisection, assuming more never makes it worse; --scan tries every value");
        for (Minimiser.Answer a : m.answers()) {
            String where = a.others().equals("(none)") ? "" : " with " + a.others();
            if (a.answer() == null) {
                out.printf(
                        "  none of %s%s meets it%s%n",
                        m.variation().texts(),
                        where,
                        a.below() == null
                                ? ""
                                : evidence(", at the largest, " + value(a.below(), at), a.below(), paths));
                continue;
            }
            out.printf("  %s = %s%s%n", m.variation().name(), value(a.answer(), at), where);
            out.println("    " + evidence(value(a.answer(), at) + " meets it", a.answer(), paths));
            if (a.below() != null) {
                out.println("    " + evidence(value(a.below(), at) + " does not", a.below(), paths));
            } else if (value(a.answer(), at).equals(m.variation().texts().get(0))) {
                out.println("    it is the smallest value tried");
            }
            List<String> tried = a.tried().stream().map(c -> value(c, at)).toList();
            out.println("    tried: " + String.join(", ", tried));
        }
    }

    private static String evidence(String head, CombinationResult c, Set<String> paths) {
        StringBuilder b = new StringBuilder(head)
                .append(String.format(
                        Locale.ROOT, ": met in %d of %d seeds (%s)", c.goalMet(), c.runs(), percent(c.goalShare())));
        String sep = "; ";
        for (String p : paths) {
            Stats s = c.stats(p);
            if (s != null) {
                b.append(sep)
                        .append(p)
                        .append(" p50 ")
                        .append(fmt(s.p50()))
                        .append(", p95 ")
                        .append(fmt(s.p95()));
                sep = ", ";
            }
        }
        return b.toString();
    }

    private static String value(CombinationResult c, int at) {
        return c.combination().values().get(at).text();
    }

    static String percent(double share) {
        double p = share * 100;
        return (p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.1f", p)) + "%";
    }

    private static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e12) {
            return String.format(Locale.ROOT, "%,d", (long) d);
        }
        return String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%,.1f" : "%.3f", d);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }
}
