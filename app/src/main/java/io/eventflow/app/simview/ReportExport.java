package io.eventflow.app.simview;

import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.scenario.Scenario;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The run report as JSON (the simulator's own), CSV (one figure a line) and a self-contained HTML page. */
public final class ReportExport {
    private ReportExport() {}

    public static String json(SimulationReport r) {
        return r.toJson();
    }

    /**
     * The simulator's JSON report plus {@code injectedByHand}: the faults and actions injected from the canvas menu, one
     * scenario-file entry each (e.g. {@code {at: 2.000000001s, kind: crash, target: billing}}), at the simulated times
     * they took effect, so that the figures can be reproduced.
     */
    public static String json(SimulationReport r, List<Object> byHand) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(r.toJson());
            var list = root.putArray("injectedByHand");
            byHand.forEach(o -> list.add(entry(o)));
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the simulator's report is not JSON", e);
        }
    }

    /** One fault or action as a scenario-file entry. */
    static String entry(Object faultOrAction) {
        return faultOrAction instanceof Fault f ? ScenarioYaml.fault(f) : ScenarioYaml.action((Action) faultOrAction);
    }

    /** {@code scope,name,metric,value} rows: totals, lost by cause, latency, every group and channel. */
    public static String csv(SimulationReport r) {
        return csv(r, List.of());
    }

    /** As {@link #csv(SimulationReport)}, with a row per fault or action injected by hand ({@code injectedByHand}). */
    public static String csv(SimulationReport r, List<Object> byHand) {
        StringBuilder b = new StringBuilder("scope,name,metric,value\n");
        SimulationReport.Totals t = r.totals();
        row(b, "run", r.design(), "seed", r.seed());
        row(b, "run", r.design(), "simulatedSeconds", r.simulatedSeconds());
        row(b, "run", r.design(), "kernelEvents", r.kernelEvents());
        row(b, "totals", "", "published", t.published());
        row(b, "totals", "", "delivered", t.delivered());
        row(b, "totals", "", "processed", t.processed());
        row(b, "totals", "", "duplicates", t.duplicates());
        row(b, "totals", "", "reprocessed", t.reprocessed());
        row(b, "totals", "", "lost", t.lost());
        row(b, "totals", "", "deadLettered", t.deadLettered());
        row(b, "totals", "", "expired", t.expired());
        row(b, "totals", "", "retries", t.retries());
        row(b, "totals", "", "inFlight", t.inFlight());
        row(b, "totals", "", "redelivered", t.redelivered());
        r.lostByCause().forEach((k, v) -> row(b, "lostByCause", k, "lost", v));
        if (r.tampering() != null) {
            row(b, "tampering", "", "tampered", r.tampering().tampered());
            row(b, "tampering", "", "rejected", r.tampering().rejected());
            row(b, "tampering", "", "accepted", r.tampering().accepted());
            r.tampering().groups().forEach((k, g) -> {
                row(b, "tampering", k, "rejected", g.rejected());
                row(b, "tampering", k, "accepted", g.accepted());
            });
        }
        latency(b, "latencyMs", "", r.latencyMs());
        for (Map.Entry<String, GroupReport> e : r.groups().entrySet()) {
            GroupReport g = e.getValue();
            String n = e.getKey();
            row(b, "group", n, "channel", g.channel());
            row(b, "group", n, "owed", g.owed());
            row(b, "group", n, "processed", g.processed());
            row(b, "group", n, "duplicates", g.duplicates());
            row(b, "group", n, "reprocessed", g.reprocessed());
            row(b, "group", n, "lost", g.lost());
            row(b, "group", n, "deadLettered", g.deadLettered());
            row(b, "group", n, "retries", g.retries());
            row(b, "group", n, "redelivered", g.redelivered());
            row(b, "group", n, "maxLag", g.maxLag());
            latency(b, "group", n, g.latencyMs());
        }
        r.channels().forEach((k, c) -> {
            row(b, "channel", k, "published", c.published());
            row(b, "channel", k, "maxDepth", c.maxDepth());
            row(b, "channel", k, "expired", c.expired());
            row(b, "channel", k, "evicted", c.evicted());
        });
        for (int i = 0; i < byHand.size(); i++) {
            row(b, "injectedByHand", Integer.toString(i), "entry", entry(byHand.get(i)));
        }
        return b.toString();
    }

    private static void latency(StringBuilder b, String scope, String name, SimulationReport.Latency l) {
        row(b, scope, name, "latencyP50Ms", l.p50());
        row(b, scope, name, "latencyP99Ms", l.p99());
        row(b, scope, name, "latencyMaxMs", l.max());
    }

    private static void row(StringBuilder b, String scope, String name, String metric, Object v) {
        b.append(scope)
                .append(',')
                .append(csvCell(name))
                .append(',')
                .append(metric)
                .append(',');
        b.append(v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : csvCell(String.valueOf(v)));
        b.append('\n');
    }

    static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** One HTML page with no external resources: counters, groups, channels, charts as inline SVG, the scenario. */
    public static String html(SimulationReport r, List<Metrics.Sample> samples, Scenario scenario) {
        return html(r, samples, scenario, List.of());
    }

    /**
     * As {@link #html(SimulationReport, List, Scenario)}, where {@code scenario} is the run as it happened and {@code
     * byHand} lists what of it was injected by hand.
     */
    public static String html(
            SimulationReport r, List<Metrics.Sample> samples, Scenario scenario, List<Object> byHand) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Simulation report: ")
                .append(esc(r.design()))
                .append("</title><style>body{font:14px system-ui,sans-serif;margin:2em;color:#1f2328}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #d0d7de;padding:4px 8px;")
                .append("text-align:right}th{background:#f6f8fa}td:first-child,th:first-child{text-align:left}")
                .append(".charts{display:flex;flex-wrap:wrap;gap:16px}pre{background:#f6f8fa;padding:1em}")
                .append(".bad{color:#cf222e}</style></head><body>\n");
        b.append("<h1>").append(esc(r.design())).append("</h1>\n");
        b.append(String.format(
                Locale.ROOT,
                "<p>seed %d · simulated %.3f s · %,d kernel events · conservation %s</p>%n",
                r.seed(),
                r.simulatedSeconds(),
                r.kernelEvents(),
                r.ok() ? "holds" : "<span class=\"bad\">VIOLATED</span>"));
        SimulationReport.Totals t = r.totals();
        b.append("<h2>Counters</h2><table><tr><th>published</th><th>processed</th><th>duplicates</th>")
                .append("<th>reprocessed</th><th>lost</th><th>dead-lettered</th><th>retries</th><th>redelivered</th>")
                .append("<th>latency p50 ms</th><th>p99 ms</th></tr><tr>");
        for (Object v : new Object[] {
            t.published(),
            t.processed(),
            t.duplicates(),
            t.reprocessed(),
            t.lost(),
            t.deadLettered(),
            t.retries(),
            t.redelivered(),
            r.latencyMs().p50(),
            r.latencyMs().p99()
        }) {
            b.append("<td>")
                    .append(v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : v)
                    .append("</td>");
        }
        b.append("</tr></table>\n<h3>Lost by cause</h3><table><tr><th>cause</th><th>lost</th></tr>");
        r.lostByCause().forEach((k, v) -> b.append("<tr><td>")
                .append(esc(k))
                .append("</td><td>")
                .append(v)
                .append("</td></tr>"));
        b.append("</table>\n<h2>Groups</h2><table><tr><th>group</th><th>channel</th><th>processed</th><th>dup</th>")
                .append("<th>lost</th><th>dlq</th><th>retries</th><th>max lag</th><th>p99 ms</th></tr>");
        r.groups()
                .forEach((k, g) -> b.append(String.format(
                        Locale.ROOT,
                        "<tr><td>%s</td><td>%s</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td>"
                                + "<td>%.3f</td></tr>",
                        esc(k),
                        esc(g.channel()),
                        g.processed(),
                        g.duplicates(),
                        g.lost(),
                        g.deadLettered(),
                        g.retries(),
                        g.maxLag(),
                        g.latencyMs().p99())));
        b.append("</table>\n<h2>Channels</h2><table><tr><th>channel</th><th>published</th><th>max depth</th>")
                .append("<th>expired</th><th>evicted</th></tr>");
        r.channels()
                .forEach((k, c) -> b.append(String.format(
                        Locale.ROOT,
                        "<tr><td>%s</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td></tr>",
                        esc(k),
                        c.published(),
                        c.maxDepth(),
                        c.expired(),
                        c.evicted())));
        b.append("</table>\n<h2>Charts</h2><div class=\"charts\">");
        b.append(svg("Throughput (processed/s)", samples, Metrics.Sample::throughput, "#2f6fde"));
        b.append(svg("Latency p99 (ms, cumulative)", samples, Metrics.Sample::p99, "#cf222e"));
        b.append(svg("Consumer lag", samples, x -> x.lag(), "#d29922"));
        b.append(svg("Channel depth", samples, x -> x.depth(), "#8250df"));
        b.append("</div>\n");
        if (!byHand.isEmpty()) {
            b.append("<h2>Injected by hand</h2><p>At the simulated times they took effect; the scenario below")
                    .append(" includes them, so it re-runs to these figures with the same seed.</p><ul>");
            byHand.forEach(o -> b.append("<li><code>").append(esc(entry(o))).append("</code></li>"));
            b.append("</ul>\n");
        }
        b.append("<h2>Scenario</h2><pre>")
                .append(esc(ScenarioYaml.write(scenario == null ? Scenario.EMPTY : scenario, null)))
                .append("</pre>\n</body></html>\n");
        return b.toString();
    }

    private static String svg(String title, List<Metrics.Sample> s, ToDoubleFunction<Metrics.Sample> f, String colour) {
        int w = 420;
        int h = 180;
        StringBuilder b = new StringBuilder();
        b.append("<figure><figcaption>").append(esc(title)).append("</figcaption>");
        b.append(String.format(
                Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">", w, h));
        b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#f6f8fa\"/>", w, h));
        if (s.size() >= 2) {
            double t0 = s.get(0).t();
            double t1 = s.get(s.size() - 1).t();
            double max = s.stream().mapToDouble(f).max().orElse(1);
            max = max <= 0 ? 1 : max;
            b.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"");
            for (Metrics.Sample x : s) {
                double px = 30 + (w - 40) * (x.t() - t0) / Math.max(1e-9, t1 - t0);
                double py = h - 20 - (h - 40) * f.applyAsDouble(x) / max;
                b.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            b.append("\"/>");
            b.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"14\" font-size=\"11\">max %.1f</text>", max));
            b.append(String.format(
                    Locale.ROOT, "<text x=\"30\" y=\"%d\" font-size=\"11\">%.1f s … %.1f s</text>", h - 4, t0, t1));
        } else {
            b.append("<text x=\"20\" y=\"90\" font-size=\"12\">not enough samples</text>");
        }
        return b.append("</svg></figure>").toString();
    }

    static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
