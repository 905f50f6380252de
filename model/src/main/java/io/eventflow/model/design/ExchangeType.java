package io.eventflow.model.design;

/** Exchange type. How an exchange routes to its bound queues. */
public enum ExchangeType implements Keyed {
    DIRECT("direct"),
    TOPIC("topic"),
    FANOUT("fanout"),
    HEADERS("headers");

    private final String key;

    ExchangeType(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static ExchangeType fromKey(String key) {
        return Keyed.parse(ExchangeType.class, key, "exchange type");
    }

    @Override
    public String toString() {
        return key;
    }
}
