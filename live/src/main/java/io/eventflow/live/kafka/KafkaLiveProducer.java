package io.eventflow.live.kafka;

import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveProducer;
import io.eventflow.live.ProducerSpec;
import io.eventflow.model.design.Acks;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.Partitioner;
import io.eventflow.model.design.ProducerSettings;
import io.eventflow.model.design.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A KafkaProducer with the design's acks, idempotence and retries. Round-robin channels (and keyless messages)
 * go to each partition in turn, set explicitly on the record so the spread is exact; keyed ones go where the client's
 * default partitioner puts them (murmur2 of the key).
 */
final class KafkaLiveProducer implements LiveProducer {
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaLiveServer server;
    private int roundRobin;

    KafkaLiveProducer(KafkaLiveServer server, ProducerSpec spec) throws LiveException {
        this.server = server;
        Properties p = server.base(spec.service());
        ProducerSettings s = spec.settings();
        p.put("client.id", spec.clientId());
        p.put(
                "acks",
                switch (s.acksOrDefault()) {
                    case NONE -> "0";
                    case LEADER -> "1";
                    case ALL -> "all";
                });
        p.put("enable.idempotence", Boolean.toString(s.isIdempotent() && s.acksOrDefault() == Acks.ALL));
        RetryPolicy r = s.retry();
        if (r == null) {
            p.put("retries", "0");
        } else {
            p.put("retries", Integer.toString(Math.max(0, r.attempts() - 1)));
            p.put(
                    "retry.backoff.ms",
                    Long.toString(Math.max(1, r.initialOrDefault().nanos() / 1_000_000)));
            p.put(
                    "retry.backoff.max.ms",
                    Long.toString(Math.max(1, r.maxOrDefault().nanos() / 1_000_000)));
        }
        p.put("linger.ms", "5");
        p.put("max.block.ms", Long.toString(server.timeout()));
        p.put("request.timeout.ms", "10000");
        p.put("delivery.timeout.ms", "30000");
        try {
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        } catch (KafkaException e) {
            throw new LiveException("producer " + spec.clientId() + ": " + KafkaLiveServer.rootMessage(e), e);
        }
    }

    @Override
    public void send(LiveChannel channel, Envelope message, SendCallback callback) {
        boolean byKey = KafkaTopic.of(channel.channel()).partitionerOrDefault() == Partitioner.KEY;
        Integer partition = null;
        if (!byKey || message.key() == null) {
            int n = server.partitions(channel.name());
            partition = Math.floorMod(roundRobin++, n);
        }
        ProducerRecord<String, byte[]> rec =
                new ProducerRecord<>(channel.name(), partition, byKey ? message.key() : null, message.payload());
        message.wireHeaders().forEach((k, v) -> rec.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(
                    rec, (md, e) -> callback.done(md == null ? message : message.at(md.partition(), md.offset()), e));
        } catch (KafkaException | IllegalStateException e) {
            callback.done(message, e);
        }
    }

    @Override
    public void prepare(LiveChannel channel) {
        try {
            producer.partitionsFor(channel.name());
        } catch (KafkaException e) {
            // the first send reports it
        }
    }

    @Override
    public void flush() {
        try {
            producer.flush();
        } catch (KafkaException | IllegalStateException e) {
            // Each failed send has its own callback with the error.
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    @Override
    public void kill() {
        producer.close(Duration.ZERO);
    }
}
