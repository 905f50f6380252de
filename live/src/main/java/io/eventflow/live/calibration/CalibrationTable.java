package io.eventflow.live.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The calibration table as text (for the terminal and docs/fidelity.md) and as JSON. */
public final class CalibrationTable {
    private CalibrationTable() {}

    private static final String[] HEADER = {"case", "figure", "simulated", "live", "difference", "tolerance", "verdict"
    };

    /** Aligned columns, one line per row; a skipped case says why once, on its first row. */
    public static String text(List<Row> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        String lastSkipped = null;
        for (Row r : rows) {
            String verdict = r.verdict().text();
            if (!r.why().isEmpty()) {
                verdict = r.caseId().equals(lastSkipped) ? verdict : verdict + ": " + r.why();
                lastSkipped = r.caseId();
            }
            lines.add(new String[] {
                r.caseId(),
                r.figure(),
                r.simulated() == null ? "-" : r.simulated().text(),
                r.live() == null ? "-" : r.live().text(),
                Double.isNaN(r.difference()) ? "-" : signed(r.difference()),
                r.tolerance().text(),
                verdict
            });
        }
        int[] width = new int[HEADER.length];
        for (String[] l : lines) {
            for (int i = 0; i < l.length - 1; i++) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                b.append(i == l.length - 1 ? l[i] : pad(l[i], width[i]) + "  ");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** A Markdown table with the tolerance's reason, for docs/fidelity.md. */
    public static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| case | figure | simulated | live | difference | tolerance | verdict | why this tolerance |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append("| ")
                    .append(r.caseId())
                    .append(" | `")
                    .append(r.figure())
                    .append("` | ")
                    .append(r.simulated() == null ? "-" : r.simulated().text())
                    .append(" | ")
                    .append(r.live() == null ? "-" : r.live().text())
                    .append(" | ")
                    .append(Double.isNaN(r.difference()) ? "-" : signed(r.difference()))
                    .append(" | ")
                    .append(r.tolerance().text())
                    .append(" | ")
                    .append(
                            r.verdict() == Verdict.SKIPPED
                                    ? "skipped: " + r.why()
                                    : r.verdict().text())
                    .append(" | ")
                    .append(r.tolerance().reason().replace("|", "\\|"))
                    .append(" |\n");
        }
        return b.toString();
    }

    /** The rows as a JSON document: {@code {"runs": N, "rows": [...]}}. */
    public static String json(List<Row> rows, int runs) {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"runs\": ").append(runs).append(",\n  \"rows\": [");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            b.append(i == 0 ? "\n" : ",\n");
            b.append("    {\"case\": ").append(quote(r.caseId()));
            b.append(", \"figure\": ").append(quote(r.figure()));
            b.append(", \"simulated\": ").append(stats(r.simulated()));
            b.append(", \"live\": ").append(stats(r.live()));
            b.append(", \"difference\": ").append(Double.isNaN(r.difference()) ? "null" : num(r.difference()));
            b.append(", \"tolerance\": {\"absolute\": ")
                    .append(num(r.tolerance().absolute()))
                    .append(", \"relative\": ")
                    .append(num(r.tolerance().relative()))
                    .append(", \"reason\": ")
                    .append(quote(r.tolerance().reason()))
                    .append('}');
            b.append(", \"verdict\": ").append(quote(r.verdict().name().toLowerCase(Locale.ROOT)));
            b.append(", \"why\": ").append(quote(r.why())).append('}');
        }
        b.append("\n  ]\n}\n");
        return b.toString();
    }

    private static String stats(Stats s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("{\"median\": ")
                .append(num(s.median()))
                .append(", \"min\": ")
                .append(num(s.min()))
                .append(", \"max\": ")
                .append(num(s.max()))
                .append(", \"values\": [");
        for (int i = 0; i < s.values().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(num(s.values().get(i)));
        }
        return b.append("]}").toString();
    }

    private static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%.3f", d);
    }

    private static String signed(double d) {
        return (d > 0 ? "+" : "") + Stats.number(d);
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
