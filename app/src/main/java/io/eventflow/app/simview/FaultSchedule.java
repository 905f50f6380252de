package io.eventflow.app.simview;

import io.eventflow.simulator.scenario.Fault;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which faults are active at a simulated time, from the run's scenario plus the faults injected by hand (at the
 * simulated time the view saw when they were sent). Known from the schedule, not from the trace, so the canvas shows
 * them even when a fast run skipped the trace events that announced them.
 */
final class FaultSchedule {
    private record Window(Fault fault, long start, long end) {}

    private final List<Window> windows = new ArrayList<>();

    void clear() {
        windows.clear();
    }

    /** Adds a fault starting at {@code start} (its own time for scenario faults, "now" for injected ones). */
    void add(Fault f, long start) {
        long s = Math.max(f.at(), start);
        long len = TimelineEditor.length(f);
        windows.add(new Window(f, s, len < 0 ? Long.MAX_VALUE : s + len));
    }

    private List<Fault> active(long now) {
        List<Fault> out = new ArrayList<>();
        for (Window w : windows) {
            if (w.start() <= now && now < w.end()) {
                out.add(w.fault());
            }
        }
        return out;
    }

    /** Broker nodes down at {@code now}. */
    Set<Integer> brokerNodesDown(String broker, long now) {
        Set<Integer> out = new HashSet<>();
        for (Fault f : active(now)) {
            if (f instanceof Fault.BrokerCrash b && b.target().equals(broker)) {
                out.add(b.node());
            }
        }
        return out;
    }

    /** The kind of the link fault on {@code from → to} at {@code now}, or null; {@code same} maps a channel to its broker. */
    String linkFault(String from, String to, long now, java.util.function.BiPredicate<String, String> same) {
        for (Fault f : active(now)) {
            String[] ab = ends(f);
            if (ab == null) {
                continue;
            }
            boolean fwd = same.test(from, ab[0]) && same.test(to, ab[1]);
            boolean back = f instanceof Fault.Partition && same.test(to, ab[0]) && same.test(from, ab[1]);
            if (fwd || back) {
                return f.kind();
            }
        }
        return null;
    }

    private static String[] ends(Fault f) {
        if (f instanceof Fault.Partition p) {
            return new String[] {p.a(), p.b()};
        } else if (f instanceof Fault.Latency l) {
            return new String[] {l.from(), l.to()};
        } else if (f instanceof Fault.Drop d) {
            return new String[] {d.from(), d.to()};
        } else if (f instanceof Fault.Duplicate d) {
            return new String[] {d.from(), d.to()};
        } else if (f instanceof Fault.Reorder r) {
            return new String[] {r.from(), r.to()};
        } else if (f instanceof Fault.Bandwidth b) {
            return new String[] {b.from(), b.to()};
        }
        return null;
    }
}
