package io.eventflow.live.sqs;

import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveProducer;
import io.eventflow.model.design.SqsQueue;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * An SQS producer of one service instance: its own SDK client, synchronous SendMessage (the callback comes with the
 * broker's answer). FIFO queues get the key as message group and the message id as deduplication id.
 */
final class SqsLiveProducer implements LiveProducer {
    private final SqsClient sqs;
    private final Function<LiveChannel, String> urls;

    SqsLiveProducer(SqsClient sqs, Function<LiveChannel, String> urls) {
        this.sqs = sqs;
        this.urls = urls;
    }

    @Override
    public void send(LiveChannel channel, Envelope message, SendCallback callback) {
        try {
            SendMessageRequest.Builder req = SendMessageRequest.builder()
                    .queueUrl(urls.apply(channel))
                    .messageBody(new String(message.payload(), StandardCharsets.UTF_8))
                    .messageAttributes(SqsWire.attributes(message));
            if (SqsQueue.of(channel.channel()).isFifo()) {
                req.messageGroupId(message.key() == null ? "default" : message.key())
                        .messageDeduplicationId(Long.toString(message.messageId()));
            }
            sqs.sendMessage(req.build());
        } catch (RuntimeException e) {
            callback.done(message, e);
            return;
        }
        callback.done(message, null);
    }

    /** Looks the queue up and opens the client's connection, so that the first send does not pay for it. */
    @Override
    public void prepare(LiveChannel channel) {
        String url = urls.apply(channel);
        sqs.getQueueAttributes(b -> b.queueUrl(url));
    }

    @Override
    public void flush() {
        // Sends are synchronous.
    }

    @Override
    public void close() {
        sqs.close();
    }

    @Override
    public void kill() {
        sqs.close();
    }
}
