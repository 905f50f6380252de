package io.eventflow.simulator.report;

import java.util.Map;

/** Hand-written JSON for the report: fixed key order, no dependency. */
final class ReportJson {
    private ReportJson() {}

    static String write(SimulationReport r) {
        StringBuilder b = new StringBuilder(2048);
        b.append("{\"design\": ");
        str(b, r.design());
        b.append(", \"seed\": ").append(r.seed());
        b.append(", \"simulatedSeconds\": ").append(num(r.simulatedSeconds()));
        b.append(", \"wallSeconds\": ").append(num(r.wallSeconds()));
        b.append(", \"kernelEvents\": ").append(r.kernelEvents());
        SimulationReport.Totals t = r.totals();
        b.append(",\n \"totals\": {\"published\": ").append(t.published());
        b.append(", \"delivered\": ").append(t.delivered());
        b.append(", \"processed\": ").append(t.processed());
        b.append(", \"duplicates\": ").append(t.duplicates());
        b.append(", \"reprocessed\": ").append(t.reprocessed());
        b.append(", \"lost\": ").append(t.lost());
        b.append(", \"deadLettered\": ").append(t.deadLettered());
        b.append(", \"expired\": ").append(t.expired());
        b.append(", \"retries\": ").append(t.retries());
        b.append(", \"inFlight\": ").append(t.inFlight());
        b.append(", \"redelivered\": ").append(t.redelivered()).append('}');
        b.append(",\n \"lostByCause\": ");
        counts(b, r.lostByCause());
        b.append(",\n \"latencyMs\": ");
        latency(b, r.latencyMs());
        b.append(",\n \"groups\": {");
        boolean first = true;
        for (Map.Entry<String, SimulationReport.GroupReport> e : r.groups().entrySet()) {
            SimulationReport.GroupReport g = e.getValue();
            b.append(first ? "\n  " : ",\n  ");
            first = false;
            str(b, e.getKey());
            b.append(": {\"group\": ");
            str(b, g.group());
            b.append(", \"channel\": ");
            str(b, g.channel());
            b.append(", \"owed\": ").append(g.owed());
            b.append(", \"delivered\": ").append(g.delivered());
            b.append(", \"processed\": ").append(g.processed());
            b.append(", \"duplicates\": ").append(g.duplicates());
            b.append(", \"reprocessed\": ").append(g.reprocessed());
            b.append(", \"lost\": ").append(g.lost());
            b.append(", \"lostByCause\": ");
            counts(b, g.lostByCause());
            b.append(", \"deadLettered\": ").append(g.deadLettered());
            b.append(", \"expired\": ").append(g.expired());
            b.append(", \"inFlight\": ").append(g.inFlight());
            b.append(", \"retries\": ").append(g.retries());
            b.append(", \"redelivered\": ").append(g.redelivered());
            b.append(", \"maxLag\": ").append(g.maxLag());
            b.append(", \"latencyMs\": ");
            latency(b, g.latencyMs());
            b.append('}');
        }
        b.append("},\n \"channels\": {");
        first = true;
        for (Map.Entry<String, SimulationReport.ChannelReport> e : r.channels().entrySet()) {
            SimulationReport.ChannelReport c = e.getValue();
            b.append(first ? "\n  " : ",\n  ");
            first = false;
            str(b, e.getKey());
            b.append(": {\"published\": ").append(c.published());
            b.append(", \"maxDepth\": ").append(c.maxDepth());
            b.append(", \"expired\": ").append(c.expired());
            b.append(", \"evicted\": ").append(c.evicted());
            if (c.bytes() >= 0) {
                b.append(", \"bytes\": ").append(c.bytes());
            }
            b.append('}');
        }
        SimulationReport.Requests q = r.requests();
        b.append("},\n \"requests\": {\"sent\": ").append(q.sent());
        b.append(", \"answered\": ").append(q.answered());
        b.append(", \"retried\": ").append(q.retried());
        b.append(", \"failed\": ").append(q.failed());
        b.append(", \"pending\": ").append(q.pending());
        b.append(", \"meanAnswerMs\": ").append(num(q.meanAnswerMs())).append('}');
        if (r.tampering() != null) {
            tampering(b, r.tampering());
        }
        b.append(",\n \"invariants\": {");
        first = true;
        for (Map.Entry<String, Boolean> e : r.invariants().entrySet()) {
            b.append(first ? "" : ", ");
            first = false;
            str(b, e.getKey());
            b.append(": ").append(e.getValue());
        }
        b.append("},\n \"violations\": [");
        for (int i = 0; i < r.violations().size(); i++) {
            b.append(i == 0 ? "" : ", ");
            str(b, r.violations().get(i));
        }
        b.append("]}\n");
        return b.toString();
    }

    private static void tampering(StringBuilder b, SimulationReport.Tampering t) {
        b.append(",\n \"tampering\": {\"tampered\": ").append(t.tampered());
        b.append(", \"rejected\": ").append(t.rejected());
        b.append(", \"accepted\": ").append(t.accepted());
        b.append(", \"groups\": {");
        boolean first = true;
        for (Map.Entry<String, SimulationReport.GroupTampering> e : t.groups().entrySet()) {
            b.append(first ? "" : ", ");
            first = false;
            str(b, e.getKey());
            b.append(": {\"rejected\": ").append(e.getValue().rejected());
            b.append(", \"accepted\": ").append(e.getValue().accepted()).append('}');
        }
        b.append("}}");
    }

    private static void counts(StringBuilder b, Map<String, Long> m) {
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, Long> e : m.entrySet()) {
            b.append(first ? "" : ", ");
            first = false;
            str(b, e.getKey());
            b.append(": ").append(e.getValue());
        }
        b.append('}');
    }

    private static void latency(StringBuilder b, SimulationReport.Latency l) {
        b.append("{\"mean\": ").append(num(l.mean()));
        b.append(", \"p50\": ").append(num(l.p50()));
        b.append(", \"p95\": ").append(num(l.p95()));
        b.append(", \"p99\": ").append(num(l.p99()));
        b.append(", \"max\": ").append(num(l.max())).append('}');
    }

    static String num(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d) + ".0";
        }
        return Double.toString(d);
    }

    static void str(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
