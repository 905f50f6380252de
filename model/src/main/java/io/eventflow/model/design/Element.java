package io.eventflow.model.design;

/**
 * An element of a design: something with a stable id that the canvas draws and the inspector edits. Ids are unique
 * across all four kinds (see {@link ElementId}).
 */
public sealed interface Element permits Broker, Channel, MessageType, Service {
    /** The stable id, unique in the design. */
    String id();

    /** The same element under another id (references to it are not followed here: see {@code DesignEdits.rename}). */
    Element withId(String newId);

    /** What it is, in the words of problems and undo descriptions: {@code broker}, {@code channel}... */
    default String what() {
        if (this instanceof Broker) {
            return "broker";
        } else if (this instanceof Channel) {
            return "channel";
        } else if (this instanceof Service) {
            return "service";
        }
        return "message";
    }
}
