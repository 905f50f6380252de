package io.eventflow.app.simview;

import io.eventflow.model.design.TimeSpan;
import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.scenario.Scenario;
import java.util.Locale;

/**
 * Writes a scenario as {@code *.scenario.yaml} in the documented format (docs/scenario-format.md), one flow map per
 * fault and action, so that {@code ScenarioReader} reads back the same scenario. (The simulator has no writer yet.)
 */
public final class ScenarioYaml {
    private ScenarioYaml() {}

    public static String write(Scenario s, String comment) {
        StringBuilder b = new StringBuilder();
        if (comment != null && !comment.isBlank()) {
            for (String line : comment.split("\n")) {
                b.append("# ").append(line).append('\n');
            }
        }
        b.append("eventflow-scenario: 1\n");
        if (s.design() != null) {
            b.append("design: ").append(quote(s.design())).append('\n');
        }
        if (s.seed() != null) {
            b.append("seed: ").append(s.seed()).append('\n');
        }
        if (s.duration() != null) {
            b.append("duration: ").append(span(s.duration())).append('\n');
        }
        if (s.payloads() == Scenario.Payloads.ENCODED) {
            b.append("payloads: encoded\n");
        }
        if (!s.faults().isEmpty()) {
            b.append("faults:\n");
            for (Fault f : s.faults()) {
                b.append("  - ").append(fault(f)).append('\n');
            }
        }
        if (!s.actions().isEmpty()) {
            b.append("actions:\n");
            for (Action a : s.actions()) {
                b.append("  - ").append(action(a)).append('\n');
            }
        }
        return b.toString();
    }

    /** One fault as a flow map, e.g. {@code {at: 12500ms, kind: crash, target: billing, instance: 0}}. */
    public static String fault(Fault f) {
        StringBuilder b = new StringBuilder("{at: ")
                .append(span(f.at()))
                .append(", kind: ")
                .append(f.kind());
        if (f instanceof Fault.Crash c) {
            kv(b, "target", quote(c.target()));
            if (c.instance() != null) {
                kv(b, "instance", c.instance());
            }
            if (c.restartAfter() >= 0) {
                kv(b, "restartAfter", span(c.restartAfter()));
            }
        }
        if (f instanceof Fault.BrokerCrash c) {
            kv(b, "target", quote(c.target()));
            kv(b, "node", c.node());
            if (c.restartAfter() >= 0) {
                kv(b, "restartAfter", span(c.restartAfter()));
            }
        }
        if (f instanceof Fault.Partition p) {
            kv(b, "between", "[" + quote(p.a()) + ", " + quote(p.b()) + "]");
            dur(b, p.duration());
        }
        if (f instanceof Fault.Latency l) {
            link(b, l.from(), l.to());
            kv(b, "delay", span(l.delay()));
            kv(b, "jitter", span(l.jitter()));
            dur(b, l.duration());
        }
        if (f instanceof Fault.Bandwidth w) {
            link(b, w.from(), w.to());
            kv(b, "bytesPerSecond", num(w.bytesPerSecond()));
            dur(b, w.duration());
        }
        if (f instanceof Fault.Drop d) {
            link(b, d.from(), d.to());
            kv(b, "percent", num(d.percent()));
            dur(b, d.duration());
        }
        if (f instanceof Fault.Duplicate d) {
            link(b, d.from(), d.to());
            kv(b, "percent", num(d.percent()));
            dur(b, d.duration());
        }
        if (f instanceof Fault.Reorder r) {
            link(b, r.from(), r.to());
            kv(b, "percent", num(r.percent()));
            kv(b, "window", span(r.window()));
            dur(b, r.duration());
        }
        if (f instanceof Fault.Slow s) {
            kv(b, "target", quote(s.target()));
            if (s.instance() != null) {
                kv(b, "instance", s.instance());
            }
            kv(b, "factor", num(s.factor()));
            dur(b, s.duration());
        }
        if (f instanceof Fault.Tamper t) {
            if (t.target() != null) {
                kv(b, "target", quote(t.target()));
            } else {
                link(b, t.from(), t.to());
            }
            kv(b, "percent", num(t.percent()));
            dur(b, t.duration());
        }
        if (f instanceof Fault.Poison p) {
            kv(b, "target", quote(p.target()));
            kv(b, "percent", num(p.percent()));
            dur(b, p.duration());
        }
        if (f instanceof Fault.DiskLimit r) {
            kv(b, "target", quote(r.target()));
            kv(b, "maxBytes", r.bytes() + "B");
            dur(b, r.duration());
        }
        return b.append('}').toString();
    }

    public static String action(Action a) {
        StringBuilder b = new StringBuilder("{at: ")
                .append(span(a.at()))
                .append(", kind: ")
                .append(a.kind());
        if (a instanceof Action.Replay r) {
            kv(b, "group", quote(r.group()));
            kv(b, "channel", quote(r.channel()));
            kv(b, "to", r.to());
            if (r.to().equals("offset")) {
                kv(b, "offset", r.value());
            } else if (r.to().equals("time")) {
                kv(b, "time", span(r.value()));
            }
        }
        if (a instanceof Action.Redrive r) {
            kv(b, "from", quote(r.from()));
            kv(b, "to", quote(r.to()));
        }
        if (a instanceof Action.Scale s) {
            kv(b, "target", quote(s.target()));
            kv(b, "instances", s.instances());
        }
        if (a instanceof Action.Rate r) {
            kv(b, "target", quote(r.target()));
            kv(b, "channel", quote(r.channel()));
            kv(b, "rate", num(r.perSecond()) + "/s");
        }
        return b.append('}').toString();
    }

    private static void link(StringBuilder b, String from, String to) {
        kv(b, "link", "[" + quote(from) + ", " + quote(to) + "]");
    }

    private static void dur(StringBuilder b, long d) {
        if (d >= 0) {
            kv(b, "for", span(d));
        }
    }

    private static void kv(StringBuilder b, String k, Object v) {
        b.append(", ").append(k).append(": ").append(v);
    }

    static String span(long nanos) {
        return nanos == 0 ? "0s" : TimeSpan.format(nanos);
    }

    static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }

    /** Plain ids stay bare; anything YAML could misread is double-quoted. */
    static String quote(String s) {
        return s.matches("[A-Za-z_][A-Za-z0-9_./-]*") && !s.matches("(?i)true|false|null|yes|no|on|off")
                ? s
                : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
