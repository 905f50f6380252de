package io.eventflow.app.simview;

import io.eventflow.simulator.SimulationSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Notices partition leader changes between snapshots (a broker node crashed, a new leader was elected) and keeps each
 * for a few seconds of wall time while the simulation moves (a paused run keeps its badges, so a move seen just before
 * a pause is still there to read), so the overlay can show it in its channel's badge stack. FX thread only, no nodes.
 */
final class LeaderMoves {
    /** How long a move stays on screen, in wall-clock nanoseconds during which simulated time advanced. */
    static final long SHOW_NANOS = 4_000_000_000L;

    /**
     * A partition's leader changed.
     *
     * @param from the node that led it, -1 if it was offline
     * @param to the node that leads it now, -1 if it went offline
     */
    record Move(String channel, int partition, int from, int to, long seenNanos) {
        String text() {
            if (to < 0) {
                return "p" + partition + " offline (leader node " + from + " lost)";
            }
            if (from < 0) {
                return "p" + partition + " leader elected: node " + to;
            }
            return "p" + partition + " leader node " + from + " → " + to;
        }
    }

    private final Map<String, List<Integer>> last = new HashMap<>();
    private final List<Move> moves = new ArrayList<>();
    private long lastTime = -1;
    private long lastWall = -1;
    /** Wall-clock nanoseconds that passed between updates whose simulated time advanced: the moves' clock. */
    private long moving;

    /** Compares the snapshot with the previous one; a snapshot earlier in simulated time starts over (a reset). */
    void update(SimulationSnapshot s, long nowNanos) {
        if (s == null) {
            return;
        }
        if (s.time() < lastTime) {
            last.clear();
            moves.clear();
        } else if (s.time() > lastTime && lastWall >= 0) {
            moving += Math.max(0, nowNanos - lastWall);
        }
        lastWall = nowNanos;
        lastTime = s.time();
        for (SimulationSnapshot.ChannelState c : s.channels()) {
            List<Integer> now = c.leaders();
            List<Integer> before = last.put(c.id(), now);
            if (before == null || before.size() != now.size()) {
                continue;
            }
            for (int p = 0; p < now.size(); p++) {
                if (!before.get(p).equals(now.get(p))) {
                    moves.add(new Move(c.id(), p, before.get(p), now.get(p), moving));
                }
            }
        }
    }

    /** The visible moves as one line per channel, for the channel's badge stack. */
    Map<String, String> lines() {
        Map<String, List<Move>> byChannel = new java.util.LinkedHashMap<>();
        for (Move m : visible()) {
            byChannel.computeIfAbsent(m.channel(), k -> new ArrayList<>()).add(m);
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        byChannel.forEach((channel, ms) -> out.put(channel, summary(ms)));
        return out;
    }

    /** One line per channel: the move itself, or how many partitions changed leader. */
    static String summary(List<Move> moves) {
        if (moves.size() == 1) {
            return moves.get(0).text();
        }
        java.util.Set<String> parts = new java.util.TreeSet<>();
        moves.forEach(m -> parts.add("p" + m.partition()));
        Move last = moves.get(moves.size() - 1);
        int n = parts.size();
        String state = last.to() < 0 ? "offline" : n == 1 ? "new leader" : "new leaders";
        return n + (n == 1 ? " partition " : " partitions ") + state + " (" + String.join(", ", parts) + ")";
    }

    /** The moves still to show, newest last ({@code seenNanos} is on the moves' clock). */
    List<Move> visible() {
        moves.removeIf(m -> moving - m.seenNanos() > SHOW_NANOS);
        return moves;
    }
}
