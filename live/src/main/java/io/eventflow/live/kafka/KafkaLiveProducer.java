package io.eventflow.live.kafka;

import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveHeaders;
import io.eventflow.live.LiveProducer;
import io.eventflow.live.ProducerSpec;
import io.eventflow.model.design.Acks;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.Partitioner;
import io.eventflow.model.design.ProducerSettings;
import io.eventflow.model.design.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A KafkaProducer with the design's acks, idempotence and retries. Round-robin channels (and keyless messages)
 * go to each partition in turn, set explicitly on the record so the spread is exact; keyed ones go where the client's
 * default partitioner puts them (murmur2 of the key).
 *
 * <p>A transactional producer ({@code producer.transactional}) has {@code transactional.id} = its client id (the run
 * prefix and the instance, so a restarted instance fences its crashed predecessor and aborts what it left open) and
 * sends inside transactions: one begins at the first send and commits {@value #TRANSACTION_MILLIS} ms later (or at a
 * flush or clean close). A send counts as sent when its transaction commits; when the commit fails the transaction is
 * aborted and its sends fail; a crash ({@link #kill}) leaves the open transaction to be aborted by the coordinator
 * (fenced by the restart, or after {@code transaction.timeout.ms}) and its sends fail ({@code lost.crash}).
 * {@code read_committed} readers never see aborted records; {@code read_uncommitted} ones may process them.
 *
 * <p>The producer of a consumer in an exactly-once group with {@code mechanism: transactional} ({@link
 * #forConsumer}) has no timer: its consumer begins, commits (with the input offsets, {@link #commit(Map,
 * ConsumerGroupMetadata)}) and aborts its transactions.
 */
final class KafkaLiveProducer implements LiveProducer {
    /** How long a transaction stays open collecting sends. */
    static final long TRANSACTION_MILLIS = 100;

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaLiveServer server;
    private final boolean transactional;
    /** Sends of the open transaction with what the broker said of each (md or error set by the client's callback). */
    private final java.util.List<Object[]> inTransaction = new java.util.ArrayList<>();

    private final java.util.concurrent.ScheduledExecutorService committer;
    /** Transactions driven by a consumer (consume-transform-produce) rather than the timer. */
    private final boolean managed;
    /** A failed abort left the producer unusable (fenced, or a fatal error): its consumer makes a new one. */
    private boolean broken;

    private boolean open;
    private boolean dead;
    private long committed;
    private long aborted;
    private int roundRobin;
    /** Per topic name: whether records go by key (the channel's partitioner). */
    private final Map<String, Boolean> partitionByKey = new java.util.concurrent.ConcurrentHashMap<>();

    KafkaLiveProducer(KafkaLiveServer server, ProducerSpec spec) throws LiveException {
        this(server, spec, false);
    }

    /**
     * The transactional producer of the consumer {@code consumerClientId} of an exactly-once transactional group (not
     * the service's producer settings: those of a transaction), {@code transactional.id} = the consumer's identity (kept across a
     * restart, so that the restarted consumer's producer fences its crashed predecessor and aborts what it left open),
     * acks all and idempotent (Kafka requires both for transactions), the client's default retries.
     */
    static KafkaLiveProducer forConsumer(KafkaLiveServer server, String consumerClientId) throws LiveException {
        String service = server.serviceOf(consumerClientId); // routed through the fault proxy as its consumer
        return new KafkaLiveProducer(
                server,
                new ProducerSpec(
                        consumerClientId.replaceAll("[^A-Za-z0-9._-]", "_"),
                        service == null ? consumerClientId : service,
                        new ProducerSettings(Acks.ALL, true, true, null)),
                true);
    }

    private KafkaLiveProducer(KafkaLiveServer server, ProducerSpec spec, boolean managed) throws LiveException {
        this.server = server;
        this.managed = managed;
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
        transactional = s.isTransactional();
        if (transactional) {
            p.put("enable.idempotence", "true");
            p.put("acks", "all"); // Kafka requires it (acks set otherwise is refused before the run)
            p.put("transactional.id", spec.clientId());
            if (!p.containsKey("transaction.timeout.ms") && server.isEmbedded()) {
                p.put("transaction.timeout.ms", "10000"); // what a crash leaves open is aborted after 10 s
            }
        }
        RetryPolicy r = s.retry();
        if (r == null) {
            // an idempotent (or transactional) Kafka producer needs retries: the client's default, bounded by
            // delivery.timeout.ms
            if (!"true".equals(p.getProperty("enable.idempotence"))) {
                p.put("retries", "0");
            }
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
        KafkaProducer<String, byte[]> made = null;
        try {
            made = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
            if (transactional) {
                made.initTransactions();
            }
        } catch (KafkaException e) {
            if (made != null) {
                made.close(Duration.ZERO);
            }
            throw new LiveException("producer " + spec.clientId() + ": " + KafkaLiveServer.rootMessage(e), e);
        }
        producer = made;
        if (transactional && !managed) {
            committer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                Thread t = new Thread(task, "live-txn-" + spec.clientId());
                t.setDaemon(true);
                return t;
            });
            committer.scheduleWithFixedDelay(
                    this::commit, TRANSACTION_MILLIS, TRANSACTION_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } else {
            committer = null;
        }
    }

    /** Commits the open transaction; its sends are answered now (sent, or failed when it had to abort). */
    private synchronized void commit() {
        if (!open || dead) {
            return;
        }
        open = false;
        Exception failure = null;
        try {
            producer.commitTransaction();
            committed++;
        } catch (KafkaException | IllegalStateException e) {
            failure = e;
            abortNow();
        }
        answer(failure);
    }

    /**
     * Consume-transform-produce: commits the open transaction (beginning one when none is open) with the consumer's
     * input {@code offsets}; its sends are answered now. Returns false when it had to abort (then its sends failed
     * and the offsets did not move); {@link #broken()} says whether the producer can go on.
     */
    synchronized boolean commit(
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets,
            org.apache.kafka.clients.consumer.ConsumerGroupMetadata group) {
        if (dead || broken) {
            return false;
        }
        if (!open && offsets.isEmpty()) {
            return true;
        }
        Exception failure = null;
        try {
            if (!open) {
                producer.beginTransaction();
                open = true;
            }
            if (!offsets.isEmpty()) {
                producer.sendOffsetsToTransaction(offsets, group);
            }
            producer.commitTransaction();
            committed++;
        } catch (KafkaException | IllegalStateException e) {
            failure = e;
            abortNow();
        }
        open = false;
        answer(failure);
        return failure == null;
    }

    /** Consume-transform-produce: aborts the open transaction (a rebalance took the inputs); its sends fail. */
    synchronized void abort(Exception why) {
        if (!open || dead) {
            return;
        }
        abortNow();
        open = false;
        answer(why);
    }

    private void abortNow() {
        try {
            producer.abortTransaction();
        } catch (KafkaException | IllegalStateException e2) {
            broken = true; // fenced or fatal: the coordinator aborts it; this producer cannot go on
        }
        aborted++;
    }

    /** Whether the producer can no longer run transactions (fenced or failed): its consumer makes a new one. */
    synchronized boolean broken() {
        return broken;
    }

    private void answer(Exception failure) {
        for (Object[] s : inTransaction) {
            Envelope m = (Envelope) s[0];
            SendCallback cb = (SendCallback) s[1];
            org.apache.kafka.clients.producer.RecordMetadata md;
            Exception e;
            synchronized (s) {
                md = (org.apache.kafka.clients.producer.RecordMetadata) s[2];
                e = failure != null ? failure : (Exception) s[3];
            }
            if (md != null && e == null) {
                server.written(md.topic(), m.messageId(), md.partition(), md.offset());
            }
            cb.done(md == null || e != null ? m : m.at(md.partition(), md.offset()), e);
        }
        inTransaction.clear();
    }

    /** Transactions committed and aborted so far (0 and 0 when not transactional). */
    synchronized long[] transactions() {
        return new long[] {committed, aborted};
    }

    @Override
    public void send(LiveChannel channel, Envelope message, SendCallback callback) {
        boolean byKey = byKey(channel);
        Integer partition = null;
        if (!byKey || message.key() == null) {
            int n = server.partitions(channel.name());
            partition = Math.floorMod(roundRobin++, n);
        }
        ProducerRecord<String, byte[]> rec = new ProducerRecord<>(
                channel.name(), partition, byKey ? message.key() : null, message.payload(), headers(message));
        if (transactional) {
            sendInTransaction(rec, message, callback);
            return;
        }
        try {
            producer.send(rec, (md, e) -> {
                if (md != null && e == null) {
                    server.written(channel.name(), message.messageId(), md.partition(), md.offset());
                }
                callback.done(md == null ? message : message.at(md.partition(), md.offset()), e);
            });
        } catch (KafkaException | IllegalStateException e) {
            callback.done(message, e);
        }
    }

    /** Whether the channel's records go by key (its partitioner), per topic name: looked up once per channel. */
    private boolean byKey(LiveChannel channel) {
        Boolean b = partitionByKey.get(channel.name());
        if (b == null) {
            b = KafkaTopic.of(channel.channel()).partitionerOrDefault() == Partitioner.KEY;
            partitionByKey.put(channel.name(), b);
        }
        return b;
    }

    /**
     * The record's headers, as {@link Envelope#wireHeaders()} names them (the ids and time as decimal text), built
     * straight into Kafka's header array.
     */
    static RecordHeaders headers(Envelope m) {
        Map<String, String> more = m.headers();
        if (more.containsKey(LiveHeaders.MESSAGE_ID)
                || more.containsKey(LiveHeaders.CORRELATION_ID)
                || more.containsKey(LiveHeaders.PUBLISHED_AT)) {
            RecordHeaders out = new RecordHeaders();
            m.wireHeaders().forEach((k, v) -> out.add(k, v.getBytes(StandardCharsets.UTF_8)));
            return out;
        }
        Header[] h = new Header[3 + m.headers().size()];
        h[0] = new RecordHeader(LiveHeaders.MESSAGE_ID, decimal(m.messageId()));
        h[1] = new RecordHeader(LiveHeaders.CORRELATION_ID, decimal(m.correlationId()));
        h[2] = new RecordHeader(LiveHeaders.PUBLISHED_AT, decimal(m.publishedAtMicros()));
        int i = 3;
        for (var e : m.headers().entrySet()) {
            h[i++] = new RecordHeader(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return new RecordHeaders(h);
    }

    /** {@code v} as decimal ASCII digits, as {@code Long.toString(v)} writes them, without the String. */
    static byte[] decimal(long v) {
        if (v < 0) {
            return Long.toString(v).getBytes(StandardCharsets.ISO_8859_1);
        }
        int n = 1;
        for (long x = v / 10; x > 0; x /= 10) {
            n++;
        }
        byte[] out = new byte[n];
        for (int i = n - 1; i >= 0; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return out;
    }

    private synchronized void sendInTransaction(
            ProducerRecord<String, byte[]> rec, Envelope message, SendCallback callback) {
        if (dead || broken) {
            callback.done(message, new IllegalStateException(dead ? "producer killed" : "producer fenced"));
            return;
        }
        try {
            if (!open) {
                producer.beginTransaction();
                open = true;
            }
            Object[] s = {message, callback, null, null};
            inTransaction.add(s);
            producer.send(rec, (md, e) -> {
                synchronized (s) {
                    s[2] = md;
                    s[3] = e;
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            callback.done(message, e);
        }
    }

    /** The client applies the design's retry itself ({@code retries}, {@code retry.backoff.ms}): the run does not. */
    @Override
    public boolean resendsFailed(LiveChannel channel) {
        return false;
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
        if (managed) {
            return; // its consumer commits
        }
        if (transactional) {
            commit();
            return;
        }
        try {
            producer.flush();
        } catch (KafkaException | IllegalStateException e) {
            // Each failed send has its own callback with the error.
        }
    }

    @Override
    public void close() {
        if (managed) {
            abort(new IllegalStateException("consumer closed inside its transaction"));
        } else if (transactional) {
            committer.shutdownNow();
            commit();
        }
        producer.close(Duration.ofSeconds(10));
    }

    @Override
    public void kill() {
        if (transactional) {
            if (committer != null) {
                committer.shutdownNow();
            }
            synchronized (this) {
                dead = true;
                open = false;
                answer(new IllegalStateException("producer killed inside its transaction"));
            }
        }
        producer.close(Duration.ZERO);
    }
}
