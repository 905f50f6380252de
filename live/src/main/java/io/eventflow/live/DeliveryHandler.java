package io.eventflow.live;

import java.util.List;

/** The run's side of a consumer: processes what a poll returned. */
@FunctionalInterface
public interface DeliveryHandler {
    /**
     * Called on the consumer's thread with the deliveries of one poll or receive (in order), and returns when each
     * has been acked, nacked or abandoned. The consumer polls again after it returns. An exception thrown here is a
     * failure of the run, not of one message.
     */
    void onBatch(LiveConsumer consumer, List<Delivery> batch) throws InterruptedException;
}
