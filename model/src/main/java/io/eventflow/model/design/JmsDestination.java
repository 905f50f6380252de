package io.eventflow.model.design;

/**
 * JMS/ActiveMQ settings of a channel on a {@code jms} broker. Every field is {@code null} when the design does not set
 * it.
 *
 * @param type queue (point to point, competing consumers) or topic (publish/subscribe with durable or non-durable subscribers)
 *     (queue)
 */
public record JmsDestination(Type type) implements KindSettings {
    public static final JmsDestination NONE = new JmsDestination(null);

    /** Point to point or publish/subscribe. */
    public enum Type implements Keyed {
        QUEUE("queue"),
        TOPIC("topic");

        private final String key;

        Type(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String toString() {
            return key;
        }
    }

    public Type typeOrDefault() {
        return type == null ? Type.QUEUE : type;
    }

    public boolean isTopic() {
        return type == Type.TOPIC;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.JMS;
    }

    /** The channel's settings of this kind; {@link #NONE} when it sets none. */
    public static JmsDestination of(Channel c) {
        return c.settings().part(JmsDestination.class).orElse(NONE);
    }

    public JmsDestination withType(Type value) {
        return new JmsDestination(value);
    }
}
