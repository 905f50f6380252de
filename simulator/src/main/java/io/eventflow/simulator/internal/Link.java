package io.eventflow.simulator.internal;

import io.eventflow.simulator.random.SplitMix64;

/** Network conditions on one directed link between two design elements (faults mutate it). */
public final class Link {
    public final String from;
    public final String to;
    public final SplitMix64 rng;
    public boolean partitioned;
    public long delay;
    public long jitter;
    public double dropRate;
    public double duplicateRate;
    public double reorderRate;
    public long reorderWindow = 50_000_000L;
    /** Share of the messages a tamper fault alters on the link (0 = none). */
    public double tamperRate;
    /** Bytes per second, 0 = unlimited. */
    public double bandwidth;

    public long freeAt;
    private boolean quiet = true;

    public Link(String from, String to, SplitMix64 rng) {
        this.from = from;
        this.to = to;
        this.rng = rng;
    }

    /** True when nothing disturbs the link: the hot path skips all checks. */
    public boolean quiet() {
        return quiet;
    }

    public void changed() {
        quiet = !partitioned
                && delay == 0
                && jitter == 0
                && dropRate == 0
                && duplicateRate == 0
                && reorderRate == 0
                && tamperRate == 0
                && bandwidth == 0;
    }

    public boolean drops() {
        return dropRate > 0 && rng.chance(dropRate);
    }

    public boolean tampers() {
        return tamperRate > 0 && rng.chance(tamperRate);
    }

    public boolean duplicates() {
        return duplicateRate > 0 && rng.chance(duplicateRate);
    }

    /** Transfer time of one message of {@code bytes} starting now. */
    public long transferTime(long now, int bytes) {
        long t = delay;
        if (jitter > 0) {
            t += Math.round(jitter * (2 * rng.nextDouble() - 1));
        }
        if (reorderRate > 0 && rng.chance(reorderRate)) {
            t += reorderWindow;
        }
        t = Math.max(0, t);
        if (bandwidth > 0) {
            long start = Math.max(now, freeAt);
            long tx = Math.round(bytes / bandwidth * 1e9);
            freeAt = start + tx;
            t += freeAt - now;
        }
        return t;
    }

    public String edge() {
        return from + "->" + to;
    }
}
