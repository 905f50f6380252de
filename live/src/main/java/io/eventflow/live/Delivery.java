package io.eventflow.live;

/** One message handed to a consumer, with the operations its kind has for it. Used on the consumer's thread. */
public interface Delivery {
    Envelope envelope();

    /** True when the broker says it delivered this before (AMQP/JMS redelivered, MQTT DUP, SQS receive count > 1). */
    boolean redelivered();

    /**
     * Processing is done: ack it (AMQP basic.ack, SQS delete, Redis XACK) or mark its offset done so the consumer
     * commits it per {@link ConsumerSpec.Ack} (Kafka). Nothing with {@link ConsumerSpec.Ack#ON_RECEIVE}.
     */
    void ack();

    /**
     * Give it back for redelivery now (AMQP basic.nack with requeue, SQS visibility 0, Kafka: seek its partition back
     * to its offset so the next poll returns it again).
     */
    void nack();
}
