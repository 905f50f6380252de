package io.eventflow.model.design;

/** Delivery guarantee. What a subscription promises about loss and duplicates. */
public enum DeliveryGuarantee implements Keyed {
    AT_MOST_ONCE("at-most-once"),
    AT_LEAST_ONCE("at-least-once"),
    EXACTLY_ONCE("exactly-once");

    private final String key;

    DeliveryGuarantee(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static DeliveryGuarantee fromKey(String key) {
        return Keyed.parse(DeliveryGuarantee.class, key, "delivery guarantee");
    }

    @Override
    public String toString() {
        return key;
    }
}
