package io.eventflow.live.sqs;

import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
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

    /** The message; null for one this run did not send. */
    static Envelope read(Message msg) {
        Map<String, String> wire = new LinkedHashMap<>();
        msg.messageAttributes().forEach((k, v) -> wire.put(k, v.stringValue()));
        String key = wire.remove(KEY);
        return Envelope.fromWire(wire, key, msg.body().getBytes(StandardCharsets.UTF_8), -1, -1);
    }
}
