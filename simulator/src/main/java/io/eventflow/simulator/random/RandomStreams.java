package io.eventflow.simulator.random;

import java.nio.charset.StandardCharsets;

/**
 * Derives one stream per component from the run's seed and the component's stable id, so adding a component does
 * not change the streams of the others.
 */
public final class RandomStreams {
    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The stream of the component with this id (e.g. {@code "svc:billing#0"}). */
    public SplitMix64 stream(String componentId) {
        return SplitMix64.indexed(seed, fnv1a64(componentId));
    }

    /** 64-bit FNV-1a hash of the UTF-8 bytes, stable across JVMs. */
    public static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
