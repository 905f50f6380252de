package io.eventflow.simulator.internal;

import java.util.List;

/**
 * The design uses something the run cannot do; each problem names the element. {@code Simulation} reports it as its
 * public {@code UnsupportedDesignException}.
 */
public final class DesignProblems extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public DesignProblems(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each naming the design element. */
    public List<String> problems() {
        return problems;
    }
}
