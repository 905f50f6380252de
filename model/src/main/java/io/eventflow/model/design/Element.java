package io.eventflow.model.design;

import java.util.function.Function;

/**
 * An element of a design: something with a stable id that the canvas draws and the inspector edits. Ids are unique
 * across all four kinds (see {@link ElementId}).
 */
public sealed interface Element permits Broker, Channel, MessageType, Service {
    /** The stable id, unique in the design. */
    String id();

    /** The same element under another id (references to it are not followed here: see {@code DesignEdits.rename}). */
    Element withId(String newId);

    /**
     * The one of four functions that fits this element's type, applied to it: a choice by type that the compiler checks
     * is complete, without {@code instanceof} chains.
     */
    <R> R match(
            Function<Broker, R> broker,
            Function<Channel, R> channel,
            Function<Service, R> service,
            Function<MessageType, R> message);

    /** What it is, in the words of problems and undo descriptions: {@code broker}, {@code channel}... */
    default String what() {
        return match(b -> "broker", c -> "channel", s -> "service", m -> "message");
    }
}
