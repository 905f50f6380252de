package io.eventflow.simulator.internal;

import java.util.ArrayList;
import java.util.List;

/** Runtime state of one channel (topic or exchange). */
public final class SimChannel {
    public final Plan.Channel spec;
    public final BrokerRuntime broker;
    public final List<SimGroup> groups = new ArrayList<>();
    public long published;
    /** Bytes of what {@link #published} counts, from the sizes messages carry. */
    public long publishedBytes;

    public long depth;
    public long maxDepth;
    public long expired;
    public long evicted;
    /** Share of newly published messages made poison by a fault (0 = none). */
    public double poisonRate;

    public io.eventflow.simulator.random.SplitMix64 poisonRng;
    /** Share of newly published messages a tamper fault alters (0 = none). */
    public double tamperRate;

    public io.eventflow.simulator.random.SplitMix64 tamperRng;
    /** Broker-specific data (topic partitions, exchange bindings). */
    public Object data;

    public SimChannel(Plan.Channel spec, BrokerRuntime broker) {
        this.spec = spec;
        this.broker = broker;
    }

    public String id() {
        return spec.id();
    }

    public void depthChanged(long delta) {
        depth += delta;
        if (depth > maxDepth) {
            maxDepth = depth;
        }
    }
}
