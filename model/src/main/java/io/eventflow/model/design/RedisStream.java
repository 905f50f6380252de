package io.eventflow.model.design;

/**
 * Redis Streams settings of a channel on a {@code redis} broker: the channel is a stream read by consumer groups.
 * Every field is {@code null} when the design does not set it.
 *
 * @param maxLen MAXLEN of every XADD: the stream keeps its newest entries and trims older ones, read or not
 *     (unbounded)
 */
public record RedisStream(Integer maxLen) implements KindSettings {
    public static final RedisStream NONE = new RedisStream(null);

    public boolean isEmpty() {
        return equals(NONE);
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.REDIS;
    }

    /** The channel's settings of this kind; {@link #NONE} when it sets none. */
    public static RedisStream of(Channel c) {
        return c.settings().part(RedisStream.class).orElse(NONE);
    }

    public RedisStream withMaxLen(Integer value) {
        return new RedisStream(value);
    }
}
