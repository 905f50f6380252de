package io.eventflow.model.design;

/**
 * Redis Streams settings of a channel on a {@code redis} broker: the channel is a stream read by consumer groups.
 * Every field is {@code null} when the design does not set it.
 *
 * @param maxLen MAXLEN of every XADD: the stream keeps its newest entries and trims older ones, read or not
 *     (unbounded)
 */
public record RedisStream(Integer maxLen) {
    public static final RedisStream NONE = new RedisStream(null);

    public boolean isEmpty() {
        return equals(NONE);
    }
}
