package io.eventflow.model.io;

import io.eventflow.model.validate.Problem;
import java.util.List;

/** A file could not be read: it names the file, line and problem(s). The message is fit to show a user as is. */
public class InputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InputException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public InputException(Problem problem) {
        this(List.of(problem));
    }

    /** Every problem found, errors first. */
    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(p.format());
        }
        return sb.toString();
    }
}
