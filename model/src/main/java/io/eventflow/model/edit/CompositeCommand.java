package io.eventflow.model.edit;

import io.eventflow.model.design.Design;
import java.util.List;

/** Several commands done and undone as one, e.g. delete an element and the edges that touch it. */
public final class CompositeCommand implements Command {
    private final String description;
    private final List<Command> parts;

    public CompositeCommand(String description, List<Command> parts) {
        this.description = description;
        this.parts = List.copyOf(parts);
    }

    @Override
    public Design execute(Design design) {
        Design d = design;
        for (Command c : parts) {
            d = c.execute(d);
        }
        return d;
    }

    @Override
    public Design undo(Design design) {
        Design d = design;
        for (int i = parts.size() - 1; i >= 0; i--) {
            d = parts.get(i).undo(d);
        }
        return d;
    }

    @Override
    public String description() {
        return description;
    }

    public List<Command> parts() {
        return parts;
    }
}
