package io.eventflow.live.sqs;

import io.eventflow.live.ConsumerSpec;
import io.eventflow.live.Delivery;
import io.eventflow.live.DeliveryHandler;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveConsumer;
import io.eventflow.model.design.SqsQueue;
import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * An SQS consumer of one service instance: its own SDK client and thread, ReceiveMessage of up to 10 (at most the
 * prefetch) with a wait of at most 1 s (so that it stops promptly; the design's long polling only saves requests).
 * Acks: delete on receive for at-most-once, delete after processing, or delete everything received at the first
 * receive after each interval for periodic commits. A nack makes the message visible again at once; a crash stops
 * the thread where it is (processing included), and what it held comes back after the queue's visibility timeout (or
 * goes to the dead-letter queue after maxReceiveCount receives: read with the source queue named, see
 * {@link SqsWire#read(Message, java.util.function.Function)}). A receive the endpoint does not answer (after the
 * SDK's retries: a reset connection, an outage) is tried again 200 ms later.
 */
final class SqsLiveConsumer implements LiveConsumer {
    private final SqsClient sqs;
    private final String url;
    private final ConsumerSpec spec;
    private final DeliveryHandler handler;
    private final java.util.function.Consumer<Long> leftInvisible;
    private final int waitSeconds;
    private final List<String> toDelete = new ArrayList<>();
    private volatile boolean ready;
    private volatile boolean stopping;
    private volatile boolean killed;
    /** True while the thread is in the handler (processing): a kill interrupts it only there. */
    private volatile boolean inHandler;

    private Thread thread;
    private long lastCommit = System.currentTimeMillis();

    /** SQS queue name -> the run's channel name (null: not the run's), for messages a redrive policy moved. */
    private final java.util.function.Function<String, String> channelOfQueue;

    /**
     * @param channelOfQueue the run's channel name of an SQS queue name, or null
     * @param leftInvisible told of the messages a crash leaves invisible until the visibility timeout
     */
    SqsLiveConsumer(
            SqsClient sqs,
            String url,
            ConsumerSpec spec,
            DeliveryHandler handler,
            java.util.function.Function<String, String> channelOfQueue,
            java.util.function.Consumer<Long> leftInvisible) {
        this.channelOfQueue = channelOfQueue;
        this.leftInvisible = leftInvisible;
        this.sqs = sqs;
        this.url = url;
        this.spec = spec;
        this.handler = handler;
        var wait = SqsQueue.of(spec.channel().channel()).receiveWait();
        this.waitSeconds = wait == null ? 0 : (int) Math.min(1, Math.round(wait.seconds()));
    }

    @Override
    public void start() {
        thread = new Thread(this::loop, "sqs-consumer " + spec.clientId());
        thread.setDaemon(true);
        thread.start();
        ready = true;
    }

    private void loop() {
        try {
            while (!stopping) {
                List<Message> got;
                try {
                    got = sqs.receiveMessage(b -> b.queueUrl(url)
                                    .maxNumberOfMessages(Math.min(10, spec.prefetch()))
                                    .waitTimeSeconds(waitSeconds)
                                    .messageAttributeNames("All")
                                    // AttributeNames, not the newer MessageSystemAttributeNames, which ElasticMQ
                                    // ignores.
                                    .attributeNamesWithStrings("ApproximateReceiveCount", SqsWire.SOURCE_ARN))
                            .messages();
                } catch (SdkClientException e) {
                    // the endpoint did not answer (after the SDK's own retries): poll again shortly, as a
                    // consumer's poll loop does; what that receive may have taken comes back after the queue's
                    // visibility timeout
                    if (stopping) {
                        return;
                    }
                    Logger.debug("consumer {}: receive failed: {}", spec.clientId(), e.getMessage());
                    Thread.sleep(200);
                    continue;
                }
                if (stopping) {
                    // A crash: what it got comes back after the visibility timeout. A clean close gives it back now.
                    if (!killed) {
                        got.forEach(m -> makeVisible(m.receiptHandle()));
                    } else if (spec.ack() != ConsumerSpec.Ack.ON_RECEIVE) {
                        got.stream()
                                .map(m -> SqsWire.read(m, channelOfQueue))
                                .filter(java.util.Objects::nonNull)
                                .forEach(e -> leftInvisible.accept(e.messageId()));
                    }
                    return;
                }
                commitIfDue();
                List<Delivery> batch = new ArrayList<>();
                for (Message m : got) {
                    Envelope e = SqsWire.read(m, channelOfQueue);
                    if (e == null) {
                        continue; // not this run's: it comes back after the visibility timeout
                    }
                    batch.add(new SqsDelivery(m, e));
                    if (spec.ack() != ConsumerSpec.Ack.AFTER_PROCESSING) {
                        toDelete.add(m.receiptHandle());
                    }
                }
                if (spec.ack() == ConsumerSpec.Ack.ON_RECEIVE) {
                    deletePending();
                }
                if (batch.isEmpty()) {
                    if (waitSeconds == 0) {
                        Thread.sleep(50);
                    }
                    continue;
                }
                inHandler = true;
                try {
                    handler.onBatch(this, batch);
                } finally {
                    inHandler = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopping) {
                Logger.warn("consumer {} stopped: {}", spec.clientId(), e.getMessage());
            }
        }
    }

    private void commitIfDue() {
        long now = System.currentTimeMillis();
        if (spec.ack() == ConsumerSpec.Ack.AUTO && now - lastCommit >= spec.commitIntervalMillis()) {
            lastCommit = now;
            deletePending();
        }
    }

    private void deletePending() {
        for (int from = 0; from < toDelete.size(); from += 10) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(toDelete.size(), from + 10); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i - from))
                        .receiptHandle(toDelete.get(i))
                        .build());
            }
            try {
                sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(entries));
            } catch (RuntimeException e) {
                Logger.debug("delete failed: {}", e.getMessage());
            }
        }
        toDelete.clear();
    }

    private void makeVisible(String receiptHandle) {
        try {
            sqs.changeMessageVisibility(
                    b -> b.queueUrl(url).receiptHandle(receiptHandle).visibilityTimeout(0));
        } catch (RuntimeException e) {
            Logger.debug("visibility change failed: {}", e.getMessage());
        }
    }

    private final class SqsDelivery implements Delivery {
        private final Message message;
        private final Envelope envelope;

        SqsDelivery(Message message, Envelope envelope) {
            this.message = message;
            this.envelope = envelope;
        }

        @Override
        public Envelope envelope() {
            return envelope;
        }

        @Override
        public boolean redelivered() {
            String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
            return count != null && Integer.parseInt(count) > 1;
        }

        @Override
        public void ack() {
            if (spec.ack() != ConsumerSpec.Ack.AFTER_PROCESSING) {
                return;
            }
            try {
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            } catch (RuntimeException e) {
                Logger.debug("delete failed: {}", e.getMessage());
            }
        }

        @Override
        public void nack() {
            if (spec.ack() == ConsumerSpec.Ack.ON_RECEIVE) {
                return;
            }
            makeVisible(message.receiptHandle());
        }
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public void close() {
        stopping = true;
        join();
        if (spec.ack() == ConsumerSpec.Ack.AUTO) {
            deletePending();
        }
        sqs.close();
    }

    @Override
    public void kill() {
        killed = true;
        stopping = true;
        if (thread != null && inHandler) {
            // the worker stops where it is: what it held is not deleted. A receive in progress is not interrupted
            // (what it gets is told to leftInvisible); stopping is set first, so a thread that has just left the
            // handler sees it before its next receive.
            thread.interrupt();
        }
        join();
        sqs.close();
    }

    private void join() {
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
