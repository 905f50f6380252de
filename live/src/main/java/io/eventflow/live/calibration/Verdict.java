package io.eventflow.live.calibration;

/** The outcome of one figure of one case. */
public enum Verdict {
    /** The live median is within the tolerance of the simulated median. */
    OK("ok"),
    /** It is not: the simulator (or the tolerance) is wrong, or a difference is to be explained in docs/fidelity.md. */
    BEYOND("beyond tolerance"),
    /** Every live run of the case failed (a client error, your broker refusing): the row says why. */
    FAILED("failed"),
    /** The case could not run live here (a broker server is missing): the row says why. */
    SKIPPED("skipped");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
