package io.eventflow.model.diff;

import java.util.List;
import java.util.Set;

/**
 * The changes from one version of a design to the next, in a stable order: brokers, messages (with their payload
 * schemas), channels, services; within each, in the order of the new design, removed elements after.
 *
 * @param changes every change found
 */
public record DiffReport(List<Change> changes) {
    public DiffReport {
        changes = List.copyOf(changes);
    }

    /** The breaking changes. */
    public List<Change> breaking() {
        return changes.stream().filter(Change::breaking).toList();
    }

    /** The breaking changes not accepted by {@code allowed} (see {@link #isAllowed}). */
    public List<Change> breakingNotAllowed(Set<String> allowed) {
        return changes.stream()
                .filter(c -> c.breaking() && !isAllowed(c, allowed))
                .toList();
    }

    /** The ids of the elements concerned by a change, in order, each once. */
    public List<String> elements() {
        return changes.stream().map(Change::element).distinct().toList();
    }

    /**
     * Whether a change is accepted: its id is in {@code allowed}, or an entry ending in {@code *} is a prefix of its
     * id ({@code schema-*:order-placed} does not work; {@code channel-removed:*} does).
     */
    public static boolean isAllowed(Change change, Set<String> allowed) {
        for (String a : allowed) {
            if (a.equals(change.id()) || (a.endsWith("*") && change.id().startsWith(a.substring(0, a.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
