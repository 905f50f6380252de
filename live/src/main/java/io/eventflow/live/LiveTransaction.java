package io.eventflow.live;

/**
 * The open transaction of a consumer whose group is exactly-once with {@code mechanism: transactional} (a
 * consume-transform-produce transaction, where the kind's client offers one). While a batch is in hand
 * ({@link DeliveryHandler#onBatch}), its processing sends its outputs through {@link #producer} and says what each
 * processing means once the transaction is decided; between batches the consumer commits the transaction together
 * with the input offsets it processed, or aborts it.
 */
public interface LiveTransaction {
    /**
     * The producer whose sends to {@code channel} join this transaction: their callbacks come when it commits (sent)
     * or aborts (failed). Null when {@code channel} is not on the consumer's broker: such outputs are sent outside.
     */
    LiveProducer producer(LiveChannel channel);

    /**
     * Registers what follows from the processing now in hand: {@code committed} runs when the transaction that holds
     * it commits (with the input's offset), {@code aborted} when it aborts (the input is read and processed again).
     * Called by the thread processing the delivery, before it acks it.
     */
    void onOutcome(Runnable committed, Runnable aborted);
}
