package io.eventflow.simulator.random;

/**
 * One SplitMix64 random stream (the layout of {@code shared/bench}: {@code s += GOLDEN; z = mix64(s)}; uniforms in
 * (0, 1]). Each simulated component owns one, so components never disturb each other's draws.
 */
public final class SplitMix64 {
    public static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    public SplitMix64(long state) {
        this.state = state;
    }

    /** Stream {@code k} of {@code seed}, as numbered by the bench references. */
    public static SplitMix64 indexed(long seed, long k) {
        return new SplitMix64(mix64(seed + GOLDEN * (k + 1)));
    }

    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        long s = state + GOLDEN;
        state = s;
        return mix64(s);
    }

    /** Uniform in (0, 1]. */
    public double nextDouble() {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    /** Uniform integer in [0, bound) for bound &gt; 0 (unsigned remainder, as the bench's hash route). */
    public int nextInt(int bound) {
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return p > 0 && nextDouble() <= p;
    }

    /** Exponential with the given rate (events per unit). */
    public double exponential(double rate) {
        return -Math.log(nextDouble()) / rate;
    }

    /** Standard normal by Box-Muller (two draws, nothing cached, so the stream position is predictable). */
    public double gaussian() {
        double u1 = nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** The raw state, for snapshots and tests. */
    public long state() {
        return state;
    }
}
