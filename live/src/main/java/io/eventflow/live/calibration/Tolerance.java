package io.eventflow.live.calibration;

import java.util.Locale;

/**
 * How far a live figure may be from the simulated one and still agree: the larger of an absolute amount and a share
 * of the simulated figure. The reason says why the two may differ by that much (what of the run depends on timing).
 *
 * @param absolute the difference always allowed (in the figure's unit)
 * @param relative the share of the simulated figure also allowed (0.1: 10 %)
 * @param reason why a difference of that size is not a fault of the simulator
 */
public record Tolerance(double absolute, double relative, String reason) {
    public Tolerance {
        if (absolute < 0 || relative < 0) {
            throw new IllegalArgumentException("a tolerance is not negative");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a tolerance states its reason");
        }
    }

    /** The largest difference allowed around {@code simulated}. */
    public double allowed(double simulated) {
        return Math.max(absolute, relative * Math.abs(simulated));
    }

    /** True when {@code live} is within the tolerance of {@code simulated}. */
    public boolean allows(double simulated, double live) {
        return Math.abs(live - simulated) <= allowed(simulated) + 1e-9;
    }

    /** As printed in the table: {@code ±5}, {@code ±10%}, {@code ±max(5, 10%)}. */
    public String text() {
        String abs = Stats.number(absolute);
        String rel = Stats.number(relative * 100) + "%";
        if (relative == 0) {
            return "±" + abs;
        }
        if (absolute == 0) {
            return "±" + rel;
        }
        return String.format(Locale.ROOT, "±max(%s, %s)", abs, rel);
    }
}
