package io.eventflow.simulator.sweep;

import java.util.List;
import java.util.Locale;

/**
 * A sweep's results as JSON (one document) or CSV (one row per combination and figure). Field names are defined in
 * {@code docs/simulator.md} ("Sweeps").
 */
public final class SweepReport {
    private static final List<String> STATS = List.of("min", "p5", "p50", "p95", "max", "mean", "meanLow", "meanHigh");

    private SweepReport() {}

    /** The JSON document; {@code minimised} may be null. */
    public static String json(SweepResult r, Minimiser.Result minimised) {
        SweepSpec spec = r.spec();
        StringBuilder b = new StringBuilder();
        b.append("{\"design\": ").append(str(spec.design().name()));
        b.append(", \"seeds\": {\"first\": ").append(spec.seeds().first());
        b.append(", \"last\": ").append(spec.seeds().last()).append('}');
        b.append(",\n \"variations\": [");
        for (int i = 0; i < spec.variations().size(); i++) {
            Variation v = spec.variations().get(i);
            b.append(i == 0 ? "" : ", ").append("{\"name\": ").append(str(v.name()));
            b.append(", \"element\": ").append(str(v.ref().element()));
            b.append(", \"channel\": ")
                    .append(v.ref().channel() == null ? "null" : str(v.ref().channel()));
            b.append(", \"setting\": ").append(str(v.setting().key()));
            b.append(", \"values\": [");
            for (int j = 0; j < v.values().size(); j++) {
                b.append(j == 0 ? "" : ", ").append(str(v.values().get(j).text()));
            }
            b.append("]}");
        }
        b.append("]");
        b.append(",\n \"goal\": ")
                .append(spec.goal() == null ? "null" : str(spec.goal().toString()));
        b.append(", \"share\": ").append(num(spec.share()));
        b.append(",\n \"runsDone\": ").append(r.runsDone());
        b.append(", \"runsPlanned\": ").append(r.runsPlanned());
        b.append(", \"complete\": ").append(r.complete());
        b.append(", \"wallSeconds\": ").append(num(r.wallSeconds()));
        b.append(",\n \"combinations\": [");
        for (int i = 0; i < r.combinations().size(); i++) {
            b.append(i == 0 ? "\n  " : ",\n  ");
            combination(b, r, r.combinations().get(i));
        }
        b.append("]");
        if (minimised != null) {
            b.append(",\n \"minimise\": ");
            minimise(b, minimised);
        }
        b.append("}\n");
        return b.toString();
    }

    private static void combination(StringBuilder b, SweepResult r, CombinationResult c) {
        List<Variation> vs = r.spec().variations();
        b.append("{\"settings\": {");
        for (int i = 0; i < vs.size(); i++) {
            b.append(i == 0 ? "" : ", ")
                    .append(str(vs.get(i).name()))
                    .append(": ")
                    .append(str(c.combination().values().get(i).text()));
        }
        b.append("}, \"runs\": ").append(c.runs());
        b.append(", \"violations\": ").append(c.violations());
        if (r.spec().goal() != null) {
            b.append(", \"goal\": {\"met\": ").append(c.goalMet());
            b.append(", \"share\": ").append(num(c.goalShare()));
            b.append(", \"meets\": ").append(r.meetsGoal(c)).append('}');
        }
        b.append(",\n   \"figures\": {");
        boolean first = true;
        for (String f : c.figureNames()) {
            Stats s = c.stats(f);
            b.append(first ? "\n    " : ",\n    ").append(str(f)).append(": {");
            for (int k = 0; k < STATS.size(); k++) {
                b.append(k == 0 ? "" : ", ").append('"').append(STATS.get(k)).append("\": ");
                b.append(num(stat(s, STATS.get(k))));
            }
            b.append('}');
            first = false;
        }
        b.append("}}");
    }

    private static void minimise(StringBuilder b, Minimiser.Result m) {
        b.append("{\"setting\": ").append(str(m.variation().name()));
        b.append(", \"search\": ").append(str(m.search().name().toLowerCase(Locale.ROOT)));
        b.append(", \"answers\": [");
        for (int i = 0; i < m.answers().size(); i++) {
            Minimiser.Answer a = m.answers().get(i);
            int at = m.sweep().spec().variations().indexOf(m.variation());
            b.append(i == 0 ? "" : ", ").append("{\"others\": ").append(str(a.others()));
            b.append(", \"value\": ")
                    .append(
                            a.answer() == null
                                    ? "null"
                                    : str(a.answer()
                                            .combination()
                                            .values()
                                            .get(at)
                                            .text()));
            b.append(", \"below\": ")
                    .append(
                            a.below() == null
                                    ? "null"
                                    : str(a.below()
                                            .combination()
                                            .values()
                                            .get(at)
                                            .text()));
            b.append(", \"tried\": [");
            for (int j = 0; j < a.tried().size(); j++) {
                b.append(j == 0 ? "" : ", ")
                        .append(str(
                                a.tried().get(j).combination().values().get(at).text()));
            }
            b.append("]}");
        }
        b.append("]}");
    }

    /** The CSV table: the varied settings, then {@code figure,runs,min,p5,p50,p95,max,mean,meanLow,meanHigh}. */
    public static String csv(SweepResult r) {
        StringBuilder b = new StringBuilder();
        for (Variation v : r.spec().variations()) {
            b.append(csvCell(v.name())).append(',');
        }
        b.append("figure,runs");
        STATS.forEach(s -> b.append(',').append(s));
        if (r.spec().goal() != null) {
            b.append(",goalShare");
        }
        b.append('\n');
        for (CombinationResult c : r.combinations()) {
            StringBuilder prefix = new StringBuilder();
            c.combination().values().forEach(v -> prefix.append(csvCell(v.text()))
                    .append(','));
            for (String f : c.figureNames()) {
                Stats s = c.stats(f);
                b.append(prefix).append(csvCell(f)).append(',').append(c.runs());
                STATS.forEach(k -> b.append(',').append(num(stat(s, k))));
                if (r.spec().goal() != null) {
                    b.append(',').append(num(c.goalShare()));
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static double stat(Stats s, String name) {
        return switch (name) {
            case "meanLow" -> s.meanLow();
            case "meanHigh" -> s.meanHigh();
            default -> s.get(name);
        };
    }

    static String num(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%.6g", d)
                .replaceAll("(\\.[0-9]*?)0+$", "$1")
                .replaceAll("\\.$", "");
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
