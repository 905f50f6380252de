package io.eventflow.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one entry of {@code faults:} or {@code actions:}, reporting missing, unknown or malformed keys. */
final class FaultParser {
    static final Map<String, List<String>> FAULT_KEYS = Map.ofEntries(
            Map.entry("crash", List.of("target", "instance", "restartAfter")),
            Map.entry("broker-crash", List.of("target", "node", "restartAfter")),
            Map.entry("partition", List.of("between", "for")),
            Map.entry("latency", List.of("link", "delay", "jitter", "for")),
            Map.entry("bandwidth", List.of("link", "bytesPerSecond", "for")),
            Map.entry("drop", List.of("link", "percent", "for")),
            Map.entry("duplicate", List.of("link", "percent", "for")),
            Map.entry("reorder", List.of("link", "percent", "window", "for")),
            Map.entry("slow", List.of("target", "instance", "factor", "for")),
            Map.entry("poison", List.of("target", "percent", "for")),
            Map.entry("tamper", List.of("target", "link", "percent", "for")),
            Map.entry("retention", List.of("target", "maxBytes", "for")));
    static final Map<String, List<String>> ACTION_KEYS = Map.of(
            "replay", List.of("group", "channel", "to", "offset", "time"),
            "redrive", List.of("from", "to"),
            "scale", List.of("target", "instances"),
            "rate", List.of("target", "channel", "rate"));

    private final ScenarioReader r;
    private final String ptr;
    private final JsonNode n;
    private boolean bad;

    FaultParser(ScenarioReader r, String ptr, JsonNode n) {
        this.r = r;
        this.ptr = ptr;
        this.n = n;
    }

    private String kind(Map<String, List<String>> kinds, String what) {
        if (!n.isObject()) {
            r.problem(ptr, "each " + what + " is a map like {at: 10s, kind: ...}", null);
            return null;
        }
        String kind = n.hasNonNull("kind") ? n.get("kind").asText() : null;
        if (kind == null || !kinds.containsKey(kind)) {
            r.problem(
                    ptr + "/kind",
                    (kind == null ? "missing 'kind'" : "unknown " + what + " kind '" + kind + "'"),
                    "use one of " + String.join(", ", new java.util.TreeSet<>(kinds.keySet())));
            return null;
        }
        Set<String> allowed = new HashSet<>(kinds.get(kind));
        allowed.add("at");
        allowed.add("kind");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                r.problem(
                        ptr + "/" + k,
                        "unknown key '" + k + "' for " + kind,
                        "keys of " + kind + ": at, " + String.join(", ", kinds.get(kind)));
                bad = true;
            }
        }
        if (!n.has("at")) {
            r.problem(ptr, "missing 'at' (the simulated time, e.g. at: 12.5s)", null);
            bad = true;
        }
        return kind;
    }

    Fault fault() {
        String kind = kind(FAULT_KEYS, "fault");
        if (kind == null) {
            return null;
        }
        long at = at();
        Fault f =
                switch (kind) {
                    case "crash" -> new Fault.Crash(at, str("target"), optInt("instance"), optSpan("restartAfter"));
                    case "broker-crash" -> new Fault.BrokerCrash(
                            at, str("target"), optInt("node") == null ? 0 : optInt("node"), optSpan("restartAfter"));
                    case "partition" -> {
                        String[] p = pair("between");
                        yield new Fault.Partition(at, p[0], p[1], optSpan("for"));
                    }
                    case "latency" -> {
                        String[] p = pair("link");
                        yield new Fault.Latency(
                                at,
                                p[0],
                                p[1],
                                span("delay"),
                                optSpan("jitter") < 0 ? 0 : optSpan("jitter"),
                                optSpan("for"));
                    }
                    case "bandwidth" -> {
                        String[] p = pair("link");
                        yield new Fault.Bandwidth(at, p[0], p[1], positive("bytesPerSecond"), optSpan("for"));
                    }
                    case "drop" -> {
                        String[] p = pair("link");
                        yield new Fault.Drop(at, p[0], p[1], percent(), optSpan("for"));
                    }
                    case "duplicate" -> {
                        String[] p = pair("link");
                        yield new Fault.Duplicate(at, p[0], p[1], percent(), optSpan("for"));
                    }
                    case "reorder" -> {
                        String[] p = pair("link");
                        long w = optSpan("window");
                        yield new Fault.Reorder(at, p[0], p[1], percent(), w < 0 ? 50_000_000L : w, optSpan("for"));
                    }
                    case "slow" -> new Fault.Slow(
                            at, str("target"), optInt("instance"), positive("factor"), optSpan("for"));
                    case "poison" -> new Fault.Poison(at, str("target"), percent(), optSpan("for"));
                    case "tamper" -> tamper(at);
                    case "retention" -> new Fault.DiskLimit(at, str("target"), bytes("maxBytes"), optSpan("for"));
                    default -> null;
                };
        return bad ? null : f;
    }

    /** A tamper fault names a channel ({@code target}) or a link ({@code link: [from, to]}), not both. */
    private Fault tamper(long at) {
        if (n.has("target") == n.has("link")) {
            r.problem(
                    ptr,
                    "a tamper fault needs either 'target' (a channel) or 'link' (two elements), not "
                            + (n.has("target") ? "both" : "neither"),
                    "e.g. {at: 10s, kind: tamper, target: orders, percent: 5} or link: [checkout, broker-1]");
            bad = true;
            return null;
        }
        if (n.has("target")) {
            return new Fault.Tamper(at, str("target"), null, null, percent(), optSpan("for"));
        }
        String[] p = pair("link");
        return new Fault.Tamper(at, null, p[0], p[1], percent(), optSpan("for"));
    }

    Action action() {
        String kind = kind(ACTION_KEYS, "action");
        if (kind == null) {
            return null;
        }
        long at = at();
        Action a =
                switch (kind) {
                    case "replay" -> replay(at);
                    case "redrive" -> new Action.Redrive(at, str("from"), str("to"));
                    case "scale" -> new Action.Scale(at, str("target"), instances());
                    case "rate" -> new Action.Rate(at, str("target"), str("channel"), rateValue());
                    default -> null;
                };
        return bad ? null : a;
    }

    private Action replay(long at) {
        String to = str("to");
        long value = 0;
        if ("offset".equals(to)) {
            value = n.has("offset") && n.get("offset").canConvertToLong()
                    ? n.get("offset").asLong()
                    : missing("offset");
        } else if ("time".equals(to)) {
            value = n.has("time") ? r.span(n.get("time"), ptr + "/time", 0) : missing("time");
        } else if (to != null && !to.equals("earliest") && !to.equals("latest")) {
            r.problem(
                    ptr + "/to",
                    "replay to '" + to + "'?",
                    "use earliest, latest, offset (with offset: N) or time" + " (with time: 30s)");
            bad = true;
        }
        return new Action.Replay(at, str("group"), str("channel"), to, value);
    }

    private long missing(String key) {
        r.problem(ptr, "missing '" + key + "'", null);
        bad = true;
        return 0;
    }

    private long at() {
        return n.has("at") ? r.span(n.get("at"), ptr + "/at", 0) : 0;
    }

    private String str(String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            r.problem(ptr + (v == null ? "" : "/" + key), "missing '" + key + "'", null);
            bad = true;
            return null;
        }
        return v.asText();
    }

    private String[] pair(String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isArray() || v.size() != 2) {
            r.problem(
                    ptr + (v == null ? "" : "/" + key),
                    "'" + key + "' must name two elements, e.g. " + key + ": [checkout, broker-1]",
                    null);
            bad = true;
            return new String[2];
        }
        return new String[] {v.get(0).asText(), v.get(1).asText()};
    }

    private Integer optInt(String key) {
        JsonNode v = n.get(key);
        if (v == null) {
            return null;
        }
        if (!v.canConvertToInt() || v.asInt() < 0) {
            r.problem(ptr + "/" + key, "'" + key + "' must be a whole number >= 0", null);
            bad = true;
            return null;
        }
        return v.asInt();
    }

    private int nonNegativeInt(String key) {
        Integer v = optInt(key);
        if (v == null && !bad) {
            missing(key);
        }
        return v == null ? 0 : v;
    }

    private int instances() {
        int v = nonNegativeInt("instances");
        int max = io.eventflow.model.design.Limits.MAX_COUNTS.get("instances");
        if (v > max) {
            r.problem(
                    ptr + "/instances",
                    "'instances' is " + v + "; the most accepted is " + io.eventflow.model.design.Limits.format(max),
                    null);
            bad = true;
            return 0;
        }
        return v;
    }

    private long optSpan(String key) {
        return n.has(key) ? r.span(n.get(key), ptr + "/" + key, -1) : -1;
    }

    private long span(String key) {
        if (!n.has(key)) {
            missing(key);
            return 0;
        }
        return r.span(n.get(key), ptr + "/" + key, 0);
    }

    private double percent() {
        JsonNode v = n.get("percent");
        if (v == null || !v.isNumber() || v.asDouble() < 0 || v.asDouble() > 100) {
            r.problem(ptr + (v == null ? "" : "/percent"), "'percent' must be a number from 0 to 100", null);
            bad = true;
            return 0;
        }
        return v.asDouble();
    }

    private double positive(String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isNumber() || !(v.asDouble() > 0)) {
            r.problem(ptr + (v == null ? "" : "/" + key), "'" + key + "' must be a number > 0", null);
            bad = true;
            return 1;
        }
        return v.asDouble();
    }

    private long bytes(String key) {
        JsonNode v = n.get(key);
        if (v == null) {
            missing(key);
            return 0;
        }
        try {
            return v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= 0
                    ? v.asLong()
                    : io.eventflow.model.design.DataSize.parse(v.asText()).bytes();
        } catch (IllegalArgumentException e) {
            r.problem(ptr + "/" + key, e.getMessage(), null);
            bad = true;
            return 0;
        }
    }

    private double rateValue() {
        if (!n.has("rate")) {
            missing("rate");
            return 0;
        }
        return r.rate(n.get("rate"), ptr + "/rate");
    }
}
