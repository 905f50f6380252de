package io.eventflow.app.simview;

import io.eventflow.model.design.Design;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the view accumulates from the trace stream, frame by frame (FX thread only, no nodes): the bounded event log,
 * which messages were redelivered or duplicated, short-lived effects to draw (dead letters, drops, faults), broker
 * nodes that are down, and the traced correlation id's path.
 */
public final class LiveModel {
    /** Most trace events taken per frame; the rest are counted in the report but not shown one by one. */
    static final int MAX_PER_FRAME = 600;

    static final int MAX_LOG = 20_000;

    /** Most rows added to the event log per frame (more than anyone reads at 60 frames a second). */
    static final int MAX_LOG_PER_FRAME = 300;

    private static final int MAX_MARKED = 50_000;
    private static final int MAX_EFFECTS = 400;

    /** Something to draw for a short wall time: a dead letter falling into its channel, a drop, a fault flash. */
    public record Effect(Kind kind, String from, String to, long startNanos) {
        public enum Kind {
            DEAD_LETTER,
            DROP,
            FAULT
        }
    }

    private final ObservableList<TraceEvent> log = FXCollections.observableArrayList();
    /** The trace sequence number of each log row (-1 where not known), oldest first. */
    private final java.util.ArrayDeque<Long> logSeq = new java.util.ArrayDeque<>();

    private final Map<Long, Boolean> marked = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> e) {
            return size() > MAX_MARKED;
        }
    };
    private final ArrayDeque<Effect> effects = new ArrayDeque<>();
    private final Map<String, String> serviceOfGroup = new HashMap<>();
    private final Map<String, String> brokerOf = new HashMap<>();
    private final FaultSchedule schedule = new FaultSchedule();
    private long now;
    private long skipped;
    private long traced = -1;

    /** Clears everything (a new run). */
    public void reset(Design design) {
        log.clear();
        logSeq.clear();
        marked.clear();
        effects.clear();
        serviceOfGroup.clear();
        brokerOf.clear();
        schedule.clear();
        design.channels().forEach(c -> brokerOf.put(c.id(), c.broker()));
        skipped = 0;
        for (Service s : design.services()) {
            for (Subscription x : s.subscribes()) {
                serviceOfGroup.putIfAbsent(x.groupOr(s.id()) + "@" + x.channel(), s.id());
                serviceOfGroup.putIfAbsent(x.groupOr(s.id()), s.id());
            }
        }
    }

    /** Takes a batch of new trace events; {@code lost} is how many were overwritten before the view saw them. */
    public void ingest(List<TraceEvent> batch, long lost, long wallNanos) {
        ingest(batch, -1, lost, wallNanos);
    }

    /**
     * Takes a batch of new trace events whose first has trace sequence number {@code firstSeq} (-1 if unknown), so that
     * rows can be dropped once their events leave the trace ring (see {@link #forgetBefore}).
     */
    public void ingest(List<TraceEvent> batch, long firstSeq, long lost, long wallNanos) {
        int from = Math.max(0, batch.size() - MAX_PER_FRAME);
        skipped += lost + from;
        List<TraceEvent> take = batch.subList(from, batch.size());
        for (TraceEvent e : take) {
            note(e, wallNanos);
        }
        List<TraceEvent> rows = take.subList(Math.max(0, take.size() - MAX_LOG_PER_FRAME), take.size());
        int over = log.size() + rows.size() - MAX_LOG;
        if (over > 0) {
            log.remove(0, over);
            for (int i = 0; i < over && !logSeq.isEmpty(); i++) {
                logSeq.pollFirst();
            }
        }
        long rowSeq = firstSeq < 0 ? -1 : firstSeq + batch.size() - rows.size();
        for (int i = 0; i < rows.size(); i++) {
            logSeq.addLast(rowSeq < 0 ? -1 : rowSeq + i);
        }
        log.addAll(rows);
    }

    /**
     * Drops the log rows whose events have left the trace ring (sequence number below {@code oldestSeq}): every row
     * shown can then be traced, from its publisher's hop on where that is still in the ring.
     */
    public void forgetBefore(long oldestSeq) {
        int n = 0;
        for (long s : logSeq) {
            if (s < 0 || s >= oldestSeq) {
                break;
            }
            n++;
        }
        if (n > 0) {
            log.remove(0, n);
            for (int i = 0; i < n; i++) {
                logSeq.pollFirst();
            }
        }
    }

    private void note(TraceEvent e, long wall) {
        if (e instanceof TraceEvent.Redelivered || e instanceof TraceEvent.Duplicated) {
            marked.put(e.messageId(), Boolean.TRUE);
        } else if (e instanceof TraceEvent.DeadLettered d) {
            String svc = serviceOfGroup.getOrDefault(d.group(), d.group());
            effect(new Effect(Effect.Kind.DEAD_LETTER, svc, d.element(), wall));
        } else if (e instanceof TraceEvent.Dropped d) {
            effect(new Effect(Effect.Kind.DROP, elementOf(d.element()), null, wall));
        } else if (e instanceof TraceEvent.FaultStarted f) {
            effect(new Effect(Effect.Kind.FAULT, elementOf(f.element()), null, wall));
        }
    }

    private void effect(Effect e) {
        if (effects.size() >= MAX_EFFECTS) {
            effects.pollFirst();
        }
        effects.addLast(e);
    }

    /** The design element a trace element names: {@code billing#0} and {@code billing#0/orders} are billing. */
    public static String elementOf(String traceElement) {
        if (traceElement == null) {
            return "";
        }
        int arrow = traceElement.indexOf("->");
        String s = arrow >= 0 ? traceElement.substring(0, arrow) : traceElement;
        int hash = s.indexOf('#');
        return hash >= 0 ? s.substring(0, hash) : s;
    }

    /** Drops effects older than {@code maxAgeNanos}. */
    public void expire(long nowNanos, long maxAgeNanos) {
        while (!effects.isEmpty() && nowNanos - effects.peekFirst().startNanos() > maxAgeNanos) {
            effects.pollFirst();
        }
    }

    /**
     * The link fault active on the edge {@code from → to} (a partition in either direction, or latency, drop,
     * duplicate, reorder or bandwidth on that direction), or null. A channel stands for its broker, as in scenarios.
     */
    public String linkFault(String from, String to) {
        return schedule.linkFault(from, to, now, this::same);
    }

    /** Whether a design element is (or, for a channel, lives on) a scenario element. */
    private boolean same(String element, String scenarioElement) {
        return element.equals(scenarioElement) || scenarioElement.equals(brokerOf.get(element));
    }

    /** Faults of the run's scenario (at their times) and faults injected by hand (from the current time). */
    public void scheduleFault(io.eventflow.simulator.scenario.Fault f, boolean injected) {
        schedule.add(f, injected ? now : 0);
    }

    /** The simulated time the view is showing. */
    public void setNow(long time) {
        now = time;
    }

    public long now() {
        return now;
    }

    public boolean isMarked(long messageId) {
        return marked.containsKey(messageId);
    }

    public Iterable<Effect> effects() {
        return effects;
    }

    public Set<Integer> brokerNodesDown(String broker) {
        return schedule.brokerNodesDown(broker, now);
    }

    public ObservableList<TraceEvent> log() {
        return log;
    }

    /** Trace events the view skipped (too many in one frame, or overwritten before it looked). */
    public long skipped() {
        return skipped;
    }

    public long traced() {
        return traced;
    }

    public void setTraced(long correlationId) {
        traced = correlationId;
    }
}
