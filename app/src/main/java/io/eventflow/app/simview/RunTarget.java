package io.eventflow.app.simview;

/** Where Simulate runs the design: the simulator, or real brokers (live mode, {@code docs/live.md}). */
public enum RunTarget {
    SIMULATOR("Simulator", "Simulate the design (as fast or as slow as you like, faults by hand, step by step)"),
    EMBEDDED(
            "Embedded brokers",
            "Run the design live on brokers started on this machine (in-process where the broker has an embeddable"
                    + " server, else its own program installed here), then set the report beside the simulation's"),
    CONFIGURED(
            "Configured brokers",
            "Run the design live on your brokers, as set in Live → Connections (brokers not set there run embedded)");

    /** The key under which the choice is kept in the user's settings. */
    public static final String SETTING = "simulate.target";

    private final String label;
    private final String help;

    RunTarget(String label, String help) {
        this.label = label;
        this.help = help;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    public boolean live() {
        return this != SIMULATOR;
    }

    /** The target a stored setting names; unknown or missing: the simulator. */
    public static RunTarget parse(String s) {
        for (RunTarget t : values()) {
            if (t.name().equals(s)) {
                return t;
            }
        }
        return SIMULATOR;
    }

    @Override
    public String toString() {
        return label;
    }
}
