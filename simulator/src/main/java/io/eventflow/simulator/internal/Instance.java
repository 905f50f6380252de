package io.eventflow.simulator.internal;

import io.eventflow.simulator.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;

/** One running copy of a service. */
public final class Instance {
    public final String id;
    public final SimService service;
    public final int index;
    public final SplitMix64 rng;
    public final List<Member> members = new ArrayList<>();
    public final List<Producer> producers = new ArrayList<>();
    public boolean alive = true;
    /** False when scaled in. */
    public boolean active = true;

    public double slowFactor = 1.0;
    /** How often the instance stopped (crash or scale-in): connections it held then are gone. */
    public int stops;

    public Instance(SimService service, int index, SplitMix64 rng) {
        this.id = service.id() + "#" + index;
        this.service = service;
        this.index = index;
        this.rng = rng;
    }

    public boolean running() {
        return alive && active;
    }
}
