package io.eventflow.live.kafka;

import io.eventflow.live.Envelope;
import io.eventflow.live.LiveException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads offset ranges of a topic with a group-less consumer (admin read-back). */
final class KafkaReader {
    private KafkaReader() {}

    /** Every record carrying a message id in [from, to) of each partition, in partition then offset order. */
    static List<Envelope> read(
            KafkaLiveServer server, String topic, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to)
            throws LiveException {
        return read(server, topic, from, to, false);
    }

    /** As {@link #read(KafkaLiveServer, String, Map, Map)}; {@code committedOnly}: read_committed (no aborted records). */
    static List<Envelope> read(
            KafkaLiveServer server,
            String topic,
            Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to,
            boolean committedOnly)
            throws LiveException {
        Map<TopicPartition, Long> todo = new HashMap<>();
        from.forEach((tp, f) -> {
            if (to.getOrDefault(tp, 0L) > f) {
                todo.put(tp, f);
            }
        });
        List<Envelope> out = new ArrayList<>();
        if (todo.isEmpty()) {
            return out;
        }
        Properties p = server.base();
        p.put("enable.auto.commit", "false");
        p.put("max.poll.records", "2000");
        p.put("isolation.level", committedOnly ? "read_committed" : "read_uncommitted");
        try (KafkaConsumer<String, byte[]> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.assign(todo.keySet());
            todo.forEach(c::seek);
            long deadline = System.nanoTime() + server.timeout() * 1_000_000L;
            while (!todo.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new LiveException("reading back topic '" + topic + "' took longer than "
                            + server.timeout() / 1000 + " s; partitions left: " + todo.keySet());
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() < to.get(tp)) {
                        Envelope e = envelope(r);
                        if (e != null) {
                            out.add(e);
                        }
                    }
                }
                todo.keySet().removeIf(tp -> c.position(tp) >= to.get(tp));
            }
        }
        return out;
    }

    static Envelope envelope(ConsumerRecord<String, byte[]> r) {
        Map<String, String> h = new LinkedHashMap<>();
        for (Header x : r.headers()) {
            h.put(x.key(), x.value() == null ? "" : new String(x.value(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return Envelope.fromWire(h, r.key(), r.value(), r.partition(), r.offset());
    }
}
