package io.eventflow.simulator.internal;

import java.util.ArrayList;
import java.util.List;

/** Runtime state of one service. */
public final class SimService {
    public final Plan.Service spec;
    public final List<Instance> instances = new ArrayList<>();
    public final List<Plan.Publication> chained = new ArrayList<>();
    public final List<SimGroup> groups = new ArrayList<>();
    public double slowFactor = 1.0;

    public SimService(Plan.Service spec) {
        this.spec = spec;
        for (Plan.Publication p : spec.publishes()) {
            if (p.perProcessed()) {
                chained.add(p);
            }
        }
    }

    public String id() {
        return spec.id();
    }
}
