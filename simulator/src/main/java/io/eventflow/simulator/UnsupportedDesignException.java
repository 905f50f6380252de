package io.eventflow.simulator;

import java.util.List;

/** The design uses something the simulator cannot run (e.g. a broker of a kind it has no runtime for); each problem names the element. */
public final class UnsupportedDesignException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public UnsupportedDesignException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each naming the design element. */
    public List<String> problems() {
        return problems;
    }
}
