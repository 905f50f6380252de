package io.eventflow.model.diff;

import java.util.Objects;

/**
 * One difference between two versions of a design.
 *
 * @param id stable id naming this change, {@code KIND:ELEMENT[:DETAIL]}, e.g. {@code channel-removed:orders}; what
 *     {@code --allow} names
 * @param kind what changed, e.g. {@code channel-removed}, {@code schema-required-added}
 * @param element the id of the element it concerns (in the new design, or the old one when it was removed)
 * @param summary one line for people
 * @param producers what it does to the producers of the channels concerned
 * @param consumers what it does to their consumers
 * @param breaking whether it counts as breaking: for payload schemas, whether it breaks the message's compatibility
 *     {@code mode}; otherwise whether it breaks producers or consumers
 * @param mode for payload schema changes, the compatibility mode it was checked against (else null)
 */
public record Change(
        String id,
        String kind,
        String element,
        String summary,
        Impact producers,
        Impact consumers,
        boolean breaking,
        String mode) {
    public Change {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(producers, "producers");
        Objects.requireNonNull(consumers, "consumers");
    }

    /** A change that is breaking when it breaks either side. */
    static Change of(String kind, String element, String detail, String summary, Impact producers, Impact consumers) {
        String id = kind + ":" + element + (detail == null ? "" : ":" + detail);
        return new Change(
                id,
                kind,
                element,
                summary,
                producers,
                consumers,
                producers == Impact.BREAKING || consumers == Impact.BREAKING,
                null);
    }
}
