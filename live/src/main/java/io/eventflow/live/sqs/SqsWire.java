package io.eventflow.live.sqs;

import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveHeaders;
import io.eventflow.model.design.SqsQueue;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * How a message travels on SQS: the body as text, the run's headers as string message attributes, the key in
 * {@code ef-key} (and as the message group of a FIFO queue). Queue names allow letters, digits, '-' and '_' only (and
 * a {@code .fifo} suffix): other characters of the run's names become '-'.
 */
final class SqsWire {
    static final String KEY = "ef-key";

    private SqsWire() {}

    /** The SQS queue name of a channel. */
    static String queueName(LiveChannel channel) {
        String name = channel.name();
        boolean fifo = SqsQueue.of(channel.channel()).isFifo();
        if (name.endsWith(".fifo")) {
            name = name.substring(0, name.length() - ".fifo".length());
        }
        String clean = name.replaceAll("[^A-Za-z0-9_-]", "-");
        int max = fifo ? 75 : 80;
        if (clean.length() > max) {
            clean = clean.substring(0, max);
        }
        return fifo ? clean + ".fifo" : clean;
    }

    static Map<String, MessageAttributeValue> attributes(Envelope m) {
        Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
        m.wireHeaders().forEach((k, v) -> out.put(k, string(v)));
        if (m.key() != null) {
            out.put(KEY, string(m.key()));
        }
        return out;
    }

    private static MessageAttributeValue string(String v) {
        return MessageAttributeValue.builder().dataType("String").stringValue(v).build();
    }

    /**
     * The system attribute SQS (and ElasticMQ) sets on a message its queue's redrive policy moved to the dead-letter
     * queue: the source queue's ARN. Receives ask for it by this name.
     */
    static final String SOURCE_ARN = "DeadLetterQueueSourceArn";

    /** The message; null for one this run did not send. */
    static Envelope read(Message msg) {
        return read(msg, queue -> null);
    }

    /**
     * The message; null for one this run did not send. One the redrive policy of a queue of this run moved here
     * (maxReceiveCount receives) carries {@link LiveHeaders#BROKER_DEAD_LETTER_QUEUE} = that queue's channel name
     * ({@code channelOfQueue}: SQS queue name to channel name, null when not the run's) and reason
     * {@code maxReceiveCount}, so that it counts as dead-lettered for the source queue's group.
     */
    static Envelope read(Message msg, java.util.function.Function<String, String> channelOfQueue) {
        Map<String, String> wire = new LinkedHashMap<>();
        msg.messageAttributes().forEach((k, v) -> wire.put(k, v.stringValue()));
        String source = msg.attributesAsStrings().get(SOURCE_ARN);
        if (source != null) {
            String channel = channelOfQueue.apply(source.substring(source.lastIndexOf(':') + 1));
            if (channel != null) {
                wire.put(LiveHeaders.BROKER_DEAD_LETTER_QUEUE, channel);
                wire.put(LiveHeaders.BROKER_DEAD_LETTER_REASON, "maxReceiveCount");
            }
        }
        String key = wire.remove(KEY);
        return Envelope.fromWire(wire, key, msg.body().getBytes(StandardCharsets.UTF_8), -1, -1);
    }
}
