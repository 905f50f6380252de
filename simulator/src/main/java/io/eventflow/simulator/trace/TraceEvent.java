package io.eventflow.simulator.trace;

/**
 * What the simulator reports about each message and fault. Times are simulated nanoseconds; {@code element} is a
 * design id; {@code group} is the consumer group or "" ; partition and offset are -1 where they do not apply.
 */
public sealed interface TraceEvent {
    long time();

    String element();

    /** The message id, or -1 for events about no message. */
    default long messageId() {
        return -1;
    }

    /** The correlation id, or -1. */
    default long correlationId() {
        return -1;
    }

    /** Lower-case name used in JSON Lines ("published", "delivered", ...). */
    default String kind() {
        String n = getClass().getSimpleName();
        StringBuilder b = new StringBuilder(n.length() + 4);
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                b.append('-');
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }

    /** Marker for the per-message events; all carry the same fields. */
    sealed interface MessageEvent extends TraceEvent {
        String group();

        int partition();

        long offset();
    }

    record Published(
            long time, String element, String group, int partition, long offset, long messageId, long correlationId)
            implements MessageEvent {}

    record Stored(
            long time, String element, String group, int partition, long offset, long messageId, long correlationId)
            implements MessageEvent {}

    record Delivered(
            long time, String element, String group, int partition, long offset, long messageId, long correlationId)
            implements MessageEvent {}

    record Processed(
            long time, String element, String group, int partition, long offset, long messageId, long correlationId)
            implements MessageEvent {}

    record Committed(
            long time, String element, String group, int partition, long offset, long messageId, long correlationId)
            implements MessageEvent {}

    record Acked(
            long time, String element, String group, int partition, long offset, long messageId, long correlationId)
            implements MessageEvent {}

    record Retried(
            long time,
            String element,
            String group,
            int partition,
            long offset,
            long messageId,
            long correlationId,
            int attempt,
            long delay)
            implements MessageEvent {}

    record DeadLettered(
            long time,
            String element,
            String group,
            int partition,
            long offset,
            long messageId,
            long correlationId,
            String reason)
            implements MessageEvent {}

    record Dropped(
            long time,
            String element,
            String group,
            int partition,
            long offset,
            long messageId,
            long correlationId,
            String cause)
            implements MessageEvent {}

    record Duplicated(
            long time, String element, String group, int partition, long offset, long messageId, long correlationId)
            implements MessageEvent {}

    record Expired(
            long time, String element, String group, int partition, long offset, long messageId, long correlationId)
            implements MessageEvent {}

    record Evicted(
            long time, String element, String group, int partition, long offset, long messageId, long correlationId)
            implements MessageEvent {}

    record Redelivered(
            long time, String element, String group, int partition, long offset, long messageId, long correlationId)
            implements MessageEvent {}

    record Reprocessed(
            long time, String element, String group, int partition, long offset, long messageId, long correlationId)
            implements MessageEvent {}

    /** FIFO queue: a send of a message id already stored in the last 5 minutes was accepted but not stored. */
    record Deduplicated(
            long time, String element, String group, int partition, long offset, long messageId, long correlationId)
            implements MessageEvent {}

    /** A delete with a receipt handle that is no longer the latest deleted nothing. */
    record DeleteIgnored(
            long time, String element, String group, int partition, long offset, long messageId, long correlationId)
            implements MessageEvent {}

    /** A scenario fault began ({@code detail} is its parameters). */
    record FaultStarted(long time, String element, String fault, String detail) implements TraceEvent {}

    /** A scenario fault ended or a crashed element came back. */
    record FaultEnded(long time, String element, String fault) implements TraceEvent {}

    /** A scenario action was applied. */
    record ActionApplied(long time, String element, String action, String detail) implements TraceEvent {}

    /** A consumer group was rebalanced; {@code assignment} lists instance → partitions. */
    record Rebalanced(long time, String element, String assignment) implements TraceEvent {}

    /** The run stopped because an event failed. */
    record SimFailed(long time, String element, String message) implements TraceEvent {}
}
