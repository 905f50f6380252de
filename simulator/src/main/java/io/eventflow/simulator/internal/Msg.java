package io.eventflow.simulator.internal;

/**
 * One message (or one queue's copy of it: copies share the id). Mutable, owned by whichever structure holds it.
 */
public final class Msg {
    public final long id;
    public final long correlationId;
    public final long publishTime;
    public final long key;
    public final int sizeBytes;
    public final String routingKey;
    public final Producer producer;
    public ChannelRt channel;
    /** True for dead-lettered and re-driven copies: they go to their channel's own queue, not through routing. */
    public boolean direct;
    /** The channel the message was published (or dead-lettered, or re-driven) to: what routing starts from. */
    public ChannelRt origin;

    public int partition = -1;
    public long offset = -1;
    public long storedAt;
    public long expiresAt = Long.MAX_VALUE;
    public boolean redelivered;
    public int deliveries;
    /** The channel whose consumers always fail on this message (a poison fault), else null. */
    public ChannelRt poisonOn;
    /** The group whose failure put this message in a dead-letter channel, else null. */
    public GroupRt deadLetterFrom;
    /** Producer-side send attempts so far. */
    public int sendAttempts;

    public long lastBackoff;
    /** True for the extra copy made by a duplicate fault on a link. */
    public boolean duplicateCopy;
    /** Failed processing attempts so far (amqp: travels with the requeued message). */
    public int failures;
    /** Removed from the log by a leader failover (acks below all); consumers skip it. */
    public boolean truncated;
    /** Connection generation of the delivery (amqp): an ack on an older connection is void. */
    public int tag;

    public Msg(
            long id,
            long correlationId,
            long publishTime,
            long key,
            int sizeBytes,
            String routingKey,
            Producer producer,
            ChannelRt channel) {
        this.id = id;
        this.correlationId = correlationId;
        this.publishTime = publishTime;
        this.key = key;
        this.sizeBytes = sizeBytes;
        this.routingKey = routingKey;
        this.producer = producer;
        this.channel = channel;
        this.origin = channel;
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
        m.deadLetterFrom = deadLetterFrom;
        return m;
    }
}
