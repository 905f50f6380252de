package io.eventflow.app.simview;

import io.eventflow.simulator.SimulationSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Notices partition leader changes between snapshots (a broker node crashed, a new leader was elected) and keeps each
 * for a few seconds of wall time, so the overlay can show it above its channel. FX thread only, no nodes.
 */
final class LeaderMoves {
    /** How long a move stays on screen, in wall-clock nanoseconds. */
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

    /** Compares the snapshot with the previous one; a snapshot earlier in simulated time starts over (a reset). */
    void update(SimulationSnapshot s, long nowNanos) {
        if (s == null) {
            return;
        }
        if (s.time() < lastTime) {
            last.clear();
            moves.clear();
        }
        lastTime = s.time();
        for (SimulationSnapshot.ChannelState c : s.channels()) {
            List<Integer> now = c.leaders();
            List<Integer> before = last.put(c.id(), now);
            if (before == null || before.size() != now.size()) {
                continue;
            }
            for (int p = 0; p < now.size(); p++) {
                if (!before.get(p).equals(now.get(p))) {
                    moves.add(new Move(c.id(), p, before.get(p), now.get(p), nowNanos));
                }
            }
        }
    }

    /** Writes the visible moves above their channels, one line each. */
    void draw(
            javafx.scene.canvas.GraphicsContext g,
            CanvasGeometry geo,
            long nowNanos,
            double z,
            double px,
            double py,
            javafx.scene.text.Font font,
            javafx.scene.paint.Color colour) {
        Map<String, Integer> row = new HashMap<>();
        g.setFont(font);
        g.setFill(colour);
        for (Move m : visible(nowNanos)) {
            CanvasGeometry.Box b = geo.box(m.channel());
            if (b != null) {
                int k = row.merge(m.channel(), 1, Integer::sum);
                g.fillText(m.text(), b.x() * z + px, b.y() * z + py - 4 - 12 * (k - 1));
            }
        }
    }

    /** The moves still to show, newest last. */
    List<Move> visible(long nowNanos) {
        moves.removeIf(m -> nowNanos - m.seenNanos() > SHOW_NANOS);
        return moves;
    }
}
