package io.eventflow.live.kafka;

import io.eventflow.live.Envelope;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveHeaders;
import java.nio.charset.StandardCharsets;
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

    /**
     * The message a record carries, as {@link Envelope#fromWire} reads it from its headers (null when the ids are
     * missing or not numbers), parsed straight from the header bytes: no map unless the record has other headers.
     */
    static Envelope envelope(ConsumerRecord<String, byte[]> r) {
        byte[] id = null;
        byte[] corr = null;
        byte[] at = null;
        Map<String, String> rest = null;
        for (Header x : r.headers()) {
            byte[] v = x.value() == null ? new byte[0] : x.value();
            switch (x.key()) {
                case LiveHeaders.MESSAGE_ID -> id = v;
                case LiveHeaders.CORRELATION_ID -> corr = v;
                case LiveHeaders.PUBLISHED_AT -> at = v;
                default -> {
                    if (rest == null) {
                        rest = new LinkedHashMap<>();
                    }
                    rest.put(x.key(), new String(v, StandardCharsets.UTF_8));
                }
            }
        }
        if (id == null) {
            return null;
        }
        try {
            long messageId = decimal(id);
            long correlation = corr == null ? messageId : decimal(corr);
            long publishedAt = at == null ? 0 : decimal(at);
            byte[] payload = r.value() == null ? new byte[0] : r.value();
            return new Envelope(messageId, correlation, publishedAt, r.key(), payload, rest, r.partition(), r.offset());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A decimal number as {@link Long#parseLong} reads it, without making a String for the usual short one. */
    static long decimal(byte[] v) {
        int n = v.length;
        if (n == 0 || n > 18) {
            return Long.parseLong(new String(v, StandardCharsets.UTF_8));
        }
        boolean negative = v[0] == '-';
        int i = negative ? 1 : 0;
        if (i == n) {
            throw new NumberFormatException("'-' is not a number");
        }
        long out = 0;
        for (; i < n; i++) {
            int d = v[i] - '0';
            if (d < 0 || d > 9) {
                return Long.parseLong(new String(v, StandardCharsets.UTF_8)); // '+', or not a number: as parseLong
            }
            out = out * 10 + d;
        }
        return negative ? -out : out;
    }
}
