package io.eventflow.simulator.internal;

/**
 * One message (or one queue's copy of it: copies share the id). Mutable, owned by whichever structure holds it.
 *
 * <p>A message whose last holder lets go of it may be handed back to {@link Engine#recycle} and reused for a later
 * message (nothing is allocated per message in steady state). Only set the identity fields (id to producer) through
 * the constructor or {@link #init}; treat them as final.
 */
public final class Msg {
    public long id;
    public long correlationId;
    public long publishTime;
    public long key;
    public int sizeBytes;
    public String routingKey;
    public Producer producer;
    public SimChannel channel;
    /** True for dead-lettered and re-driven copies: they go to their channel's own queue, not through routing. */
    public boolean direct;
    /** The channel the message was published (or dead-lettered, or re-driven) to: what routing starts from. */
    public SimChannel origin;

    public int partition;
    public long offset;
    public long storedAt;
    public long expiresAt;
    public boolean redelivered;
    public int deliveries;
    /** The channel whose consumers always fail on this message (a poison fault), else null. */
    public SimChannel poisonOn;
    /** The group whose failure put this message in a dead-letter channel, else null. */
    public SimGroup deadLetterFrom;
    /** Altered on the way by a tamper fault (a channel's or a producer link's): its signature no longer matches. */
    public boolean tampered;
    /** Producer-side send attempts so far. */
    public int sendAttempts;

    public long lastBackoff;
    /** True for the extra copy made by a duplicate fault on a link. */
    public boolean duplicateCopy;
    /** Failed processing attempts so far (in a queue: travels with the requeued message). */
    public int failures;
    /** Removed from the log by a leader failover (acks below all); consumers skip it. */
    public boolean truncated;
    /** Connection generation of the delivery (queues): an ack on an older connection is void. */
    public int tag;
    /** Position in its queue (the order messages entered it): requeued deliveries go back in this order. */
    public long queueSeq;
    /**
     * True once something may keep a reference beyond the message's last settlement (the network, a producer's
     * duplicate): such a message is never recycled.
     */
    public boolean pinned;

    public Msg(
            long id,
            long correlationId,
            long publishTime,
            long key,
            int sizeBytes,
            String routingKey,
            Producer producer,
            SimChannel channel) {
        init(id, correlationId, publishTime, key, sizeBytes, routingKey, producer, channel);
    }

    /** (Re)initialises every field as the constructor does; returns this. */
    Msg init(
            long id,
            long correlationId,
            long publishTime,
            long key,
            int sizeBytes,
            String routingKey,
            Producer producer,
            SimChannel channel) {
        this.id = id;
        this.correlationId = correlationId;
        this.publishTime = publishTime;
        this.key = key;
        this.sizeBytes = sizeBytes;
        this.routingKey = routingKey;
        this.producer = producer;
        this.channel = channel;
        this.origin = channel;
        direct = false;
        partition = -1;
        offset = -1;
        storedAt = 0;
        expiresAt = Long.MAX_VALUE;
        redelivered = false;
        deliveries = 0;
        poisonOn = null;
        deadLetterFrom = null;
        tampered = false;
        sendAttempts = 0;
        lastBackoff = 0;
        duplicateCopy = false;
        failures = 0;
        truncated = false;
        tag = 0;
        queueSeq = 0;
        pinned = false;
        return this;
    }

    /** A copy with the same identity and fresh per-queue delivery state. */
    public Msg copy() {
        Msg m = new Msg(id, correlationId, publishTime, key, sizeBytes, routingKey, producer, channel);
        m.origin = origin;
        m.direct = direct;
        m.partition = partition;
        m.offset = offset;
        m.storedAt = storedAt;
        m.expiresAt = expiresAt;
        m.poisonOn = poisonOn;
        m.tampered = tampered;
        m.deadLetterFrom = deadLetterFrom;
        m.queueSeq = queueSeq;
        return m;
    }
}
