package io.eventflow.simulator.broker.internal;

import io.eventflow.simulator.internal.Msg;

/** One message stored in an SQS-like queue, with its receive state. */
final class SqsEntry {
    /** The queue's copy of the message; each receive hands the consumer a copy of it carrying the receipt handle. */
    final Msg msg;
    /** FIFO message group id (the publication's key value); 0 for standard queues. */
    final long messageGroup;
    /** When message retention deletes it. */
    final long expiresAt;
    /** Receives so far (ApproximateReceiveCount). */
    int receives;
    /** The latest receipt handle (0: never received). Only a delete with this handle deletes the message. */
    int handle;
    /** Received and hidden until {@link #visibleAt}. */
    boolean inFlight;

    long visibleAt;

    SqsEntry(Msg msg, long messageGroup, long expiresAt) {
        this.msg = msg;
        this.messageGroup = messageGroup;
        this.expiresAt = expiresAt;
    }
}
