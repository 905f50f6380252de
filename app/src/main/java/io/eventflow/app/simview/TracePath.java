package io.eventflow.app.simview;

import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A correlation id's path: its hops (in time order) and the edges it crossed, as {@code from>to} design ids. */
public record TracePath(long correlationId, List<Hop> hops, Set<String> edges) {
    /** One trace event of the path, with its time since the first one. */
    public record Hop(double ms, double sinceStartMs, String kind, String element, long messageId, String detail) {}

    public static TracePath of(long correlationId, List<TraceEvent> events) {
        List<Hop> hops = new ArrayList<>();
        Set<String> edges = new LinkedHashSet<>();
        long t0 = events.isEmpty() ? 0 : events.get(0).time();
        String last = null;
        for (TraceEvent e : events) {
            hops.add(new Hop(e.time() / 1e6, (e.time() - t0) / 1e6, e.kind(), e.element(), e.messageId(), detail(e)));
            String el = LiveModel.elementOf(e.element());
            if (last != null && !last.equals(el) && !el.isEmpty()) {
                edges.add(last + ">" + el);
            }
            if (!el.isEmpty()) {
                last = el;
            }
        }
        return new TracePath(correlationId, hops, edges);
    }

    /** The event's own fields beyond the common ones. */
    public static String detail(TraceEvent e) {
        if (e instanceof TraceEvent.Retried r) {
            return "attempt " + r.attempt() + ", wait " + r.delay() / 1_000_000 + " ms";
        } else if (e instanceof TraceEvent.DeadLettered d) {
            return d.reason();
        } else if (e instanceof TraceEvent.Dropped d) {
            return d.cause();
        } else if (e instanceof TraceEvent.FaultStarted f) {
            return f.fault() + " " + f.detail();
        } else if (e instanceof TraceEvent.FaultEnded f) {
            return f.fault();
        } else if (e instanceof TraceEvent.ActionApplied a) {
            return a.action() + " " + a.detail();
        } else if (e instanceof TraceEvent.Rebalanced r) {
            return r.assignment();
        } else if (e instanceof TraceEvent.SimFailed f) {
            return f.message();
        } else if (e instanceof TraceEvent.MessageEvent m && m.partition() >= 0) {
            return "partition " + m.partition() + (m.offset() >= 0 ? " offset " + m.offset() : "");
        }
        return "";
    }
}
