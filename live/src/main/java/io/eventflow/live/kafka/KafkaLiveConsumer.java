package io.eventflow.live.kafka;

import io.eventflow.live.ConsumerSpec;
import io.eventflow.live.Delivery;
import io.eventflow.live.DeliveryHandler;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.tinylog.Logger;

/**
 * One KafkaConsumer in its group, with static membership ({@code group.instance.id} = the instance's identity, so a
 * restarted instance gets its partitions back without a rebalance) and commits made by hand per
 * {@link ConsumerSpec.Ack}: on receive (at-most-once), every interval at the next poll (auto), or after each
 * processed record. A kill interrupts the thread and closes without committing and without leaving the group: the
 * coordinator finds out when the session times out, as after a real crash.
 *
 * <p>In an exactly-once group with {@code mechanism: transactional} (consume-transform-produce) the consumer has its
 * own transactional producer ({@code transactional.id} = its identity): the outputs of its processing go through it
 * ({@link #transaction()}), and once per commit interval, between two polls, the positions it processed are sent to the
 * transaction ({@code sendOffsetsToTransaction} with the group's metadata) and the transaction commits: inputs and
 * outputs take effect together. Before a rebalance takes partitions away the open transaction commits; a failed commit
 * aborts it and the consumer reads again from the committed offsets. A kill leaves the transaction open: the
 * restarted consumer's producer (same {@code transactional.id}) fences and aborts it, or the coordinator does after
 * {@code transaction.timeout.ms}.
 */
final class KafkaLiveConsumer implements LiveConsumer {
    private final KafkaLiveServer server;
    private final ConsumerSpec spec;
    private final DeliveryHandler handler;
    private final String topic;
    private final ConcurrentLinkedQueue<Seek> seeks = new ConcurrentLinkedQueue<>();
    /** Next offset to commit per partition, from acks made off the consumer thread. */
    private final Map<TopicPartition, Long> acked = new ConcurrentHashMap<>();

    private final ConcurrentLinkedQueue<long[]> nacks = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private volatile boolean killed;
    private volatile boolean ready;
    private volatile Throwable failure;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;
    private long lastCommit;
    /** The last offset committed per partition by this consumer. */
    private final Map<TopicPartition, Long> lastCommitted = new HashMap<>();
    /** Exactly-once with mechanism transactional: offsets commit with the outputs, in the producer's transactions. */
    private final boolean transactional;
    /** The transactional producer (transactional groups), made at {@link #start()}. */
    private KafkaLiveProducer txProducer;
    /** What the processings of the open transaction mean once it is decided: {committed, aborted} each. */
    private final List<Runnable[]> outcomes = new ArrayList<>();
    /**
     * Held while a transaction commits and its outcome is recorded: a kill waits for it before it interrupts the
     * thread (the crash comes just after the commit), so that the run never records as aborted a transaction the
     * broker committed.
     */
    private final Object committing = new Object();

    private final LiveTransaction openTransaction = new LiveTransaction() {
        @Override
        public io.eventflow.live.LiveProducer producer(io.eventflow.live.LiveChannel channel) {
            return channel.channel().broker().equals(server.brokerId()) ? txProducer : null;
        }

        @Override
        public void onOutcome(Runnable committed, Runnable aborted) {
            synchronized (outcomes) {
                outcomes.add(new Runnable[] {committed, aborted});
            }
        }
    };

    KafkaLiveConsumer(KafkaLiveServer server, ConsumerSpec spec, DeliveryHandler handler) {
        this.server = server;
        this.spec = spec;
        this.handler = handler;
        this.topic = spec.channel().name();
        this.transactional = transactional(spec.subscription());
    }

    /** Whether a subscription is exactly-once with mechanism transactional (consume-transform-produce). */
    static boolean transactional(io.eventflow.model.design.Subscription sub) {
        return sub.deliveryOrDefault() == io.eventflow.model.design.DeliveryGuarantee.EXACTLY_ONCE
                && sub.mechanism() == io.eventflow.model.design.ExactlyOnceMechanism.TRANSACTIONAL;
    }

    @Override
    public LiveTransaction transaction() {
        return transactional ? openTransaction : null;
    }

    private Properties props() {
        Properties p = server.base(server.serviceOf(spec.clientId()));
        p.put("group.id", spec.group());
        // Kafka allows only ASCII alphanumerics, '.', '_' and '-' in instance ids: billing#0@orders -> billing_0_orders
        p.put("group.instance.id", spec.clientId().replaceAll("[^A-Za-z0-9._-]", "_"));
        p.put("client.id", spec.clientId());
        p.put("enable.auto.commit", "false");
        p.put("auto.offset.reset", spec.fromEarliest() ? "earliest" : "latest");
        p.put("max.poll.records", Integer.toString(spec.prefetch()));
        p.put(
                "isolation.level",
                spec.subscription().isolationOrDefault() == io.eventflow.model.design.Isolation.READ_COMMITTED
                        ? "read_committed"
                        : "read_uncommitted");
        if (!p.containsKey("session.timeout.ms")) {
            // A crashed instance's partitions move after this; the embedded broker allows a short one.
            int session = server.isEmbedded() ? 3000 : 10_000;
            p.put("session.timeout.ms", Integer.toString(session));
            p.put("heartbeat.interval.ms", Integer.toString(session / 3));
        }
        return p;
    }

    @Override
    public void start() throws LiveException {
        if (transactional) {
            // before the consumer fetches its offsets: initTransactions aborts what a crashed predecessor left open
            txProducer = newTxProducer();
        }
        try {
            consumer = new KafkaConsumer<>(props(), new StringDeserializer(), new ByteArrayDeserializer());
        } catch (KafkaException e) {
            if (txProducer != null) {
                txProducer.kill();
            }
            throw new LiveException("consumer " + spec.clientId() + ": " + KafkaLiveServer.rootMessage(e), e);
        }
        running = true;
        lastCommit = System.nanoTime();
        thread = new Thread(
                this::loop, "live-" + spec.clientId() + "@" + spec.channel().id());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean ready() {
        return ready;
    }

    /** Why the loop stopped with an error, or null. */
    Throwable failure() {
        return failure;
    }

    private void loop() {
        try {
            consumer.subscribe(List.of(topic), new Listener());
            while (running) {
                applySeeks();
                if (transactional) {
                    commitTransaction(false);
                } else if (spec.ack() == ConsumerSpec.Ack.AUTO
                        && System.nanoTime() - lastCommit >= spec.commitIntervalMillis() * 1_000_000L) {
                    commitPositions(consumer.assignment());
                    lastCommit = System.nanoTime();
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty() && running && spec.ack() != ConsumerSpec.Ack.AUTO && !transactional) {
                    commitSkipped();
                }
                if (records.isEmpty() || !running) {
                    continue;
                }
                if (spec.ack() == ConsumerSpec.Ack.ON_RECEIVE) {
                    commitPositions(records.partitions());
                }
                List<Delivery> batch = new ArrayList<>(records.count());
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<String, byte[]> r : records.records(tp)) {
                        Envelope e = KafkaReader.envelope(r);
                        if (e != null) {
                            batch.add(new KafkaDelivery(e, tp, r.offset()));
                        }
                    }
                }
                handler.onBatch(this, batch);
                if (!transactional) {
                    commitAcked();
                }
                applyNacks();
            }
        } catch (InterruptedException | InterruptException | WakeupException e) {
            // kill(): the thread stops where it is.
        } catch (RuntimeException e) {
            if (!killed) {
                failure = e;
                Logger.warn(e, "live consumer {} stopped", spec.clientId());
            }
        } finally {
            closeClient();
        }
    }

    private void closeClient() {
        Thread.interrupted();
        try {
            if (killed) {
                try {
                    if (transactional) {
                        txProducer.kill(); // the open transaction stays open on the broker, as after a real crash
                        decided(false);
                    }
                } finally {
                    consumer.close(
                            CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                                    .withTimeout(Duration.ZERO));
                }
            } else {
                // the client is closed even when the last commit fails (its threads and sockets would stay otherwise)
                try {
                    if (transactional) {
                        try {
                            commitTransaction(true);
                        } finally {
                            txProducer.close();
                        }
                    } else if (spec.ack() == ConsumerSpec.Ack.AUTO) {
                        commitPositions(consumer.assignment());
                    }
                    commitAcked();
                } finally {
                    consumer.close(
                            CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                                    .withTimeout(Duration.ofSeconds(5)));
                }
            }
        } catch (RuntimeException e) {
            Logger.debug(e, "closing consumer {}", spec.clientId());
        }
    }

    private KafkaLiveProducer newTxProducer() throws LiveException {
        return KafkaLiveProducer.forConsumer(server, spec.clientId());
    }

    /**
     * Transactional groups, between batches: when the commit interval has passed ({@code now}: at once), the positions
     * of the assigned partitions (everything before them is processed) go into the open transaction, which commits;
     * its processings then count. When it aborts, they do not, and the consumer reads again from the committed
     * offsets; a fenced producer is replaced.
     */
    private void commitTransaction(boolean now) {
        if (!now && System.nanoTime() - lastCommit < spec.commitIntervalMillis() * 1_000_000L) {
            return;
        }
        lastCommit = System.nanoTime();
        Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            long pos = consumer.position(tp);
            Long last = lastCommitted.get(tp);
            if (last == null || pos > last) {
                m.put(tp, new OffsetAndMetadata(pos));
            }
        }
        boolean ok;
        synchronized (committing) {
            if (killed) {
                return; // crashed: the transaction stays open
            }
            ok = txProducer.commit(m, consumer.groupMetadata());
            if (ok) {
                m.forEach((tp, o) -> lastCommitted.put(tp, o.offset()));
            }
            decided(ok);
        }
        if (!ok) {
            Logger.debug("transaction of {} aborted; reading again from the committed offsets", spec.clientId());
            rewind(consumer.assignment());
            renewIfBroken();
        }
    }

    /** Runs what the processings of the decided transaction mean (committed or aborted). */
    private void decided(boolean committed) {
        List<Runnable[]> done;
        synchronized (outcomes) {
            done = List.copyOf(outcomes);
            outcomes.clear();
        }
        for (Runnable[] r : done) {
            r[committed ? 0 : 1].run();
        }
    }

    /** Seeks {@code parts} back to the group's committed offsets (after an aborted transaction). */
    private void rewind(Collection<TopicPartition> parts) {
        if (parts.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> c = consumer.committed(new java.util.HashSet<>(parts));
        for (TopicPartition tp : parts) {
            OffsetAndMetadata o = c.get(tp);
            if (o != null) {
                consumer.seek(tp, o.offset());
                lastCommitted.put(tp, o.offset());
            }
        }
    }

    private void renewIfBroken() {
        if (!txProducer.broken()) {
            return;
        }
        txProducer.kill();
        try {
            txProducer = newTxProducer();
        } catch (LiveException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Transactional groups: a rebalance took partitions without a revocation (lost): the open transaction aborts. */
    private void abortTransaction() {
        txProducer.abort(new IllegalStateException("partitions lost in a rebalance"));
        decided(false);
        renewIfBroken();
    }

    private void commitPositions(Collection<TopicPartition> parts) {
        Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
        for (TopicPartition tp : parts) {
            if (consumer.assignment().contains(tp)) {
                m.put(tp, new OffsetAndMetadata(consumer.position(tp)));
            }
        }
        commit(m);
    }

    /**
     * After an empty poll (nothing in hand): commits positions that moved past the last commit without a record, over
     * transaction markers and aborted records, so that the group's lag (end offset minus committed) comes back to 0.
     */
    private void commitSkipped() {
        Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            Long last = lastCommitted.get(tp);
            long pos = consumer.position(tp);
            if (last != null && pos > last) {
                m.put(tp, new OffsetAndMetadata(pos));
            }
        }
        commit(m);
    }

    private void commitAcked() {
        if (acked.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
        for (TopicPartition tp : List.copyOf(acked.keySet())) {
            Long next = acked.remove(tp);
            if (next != null && consumer.assignment().contains(tp)) {
                m.put(tp, new OffsetAndMetadata(next));
            }
        }
        commit(m);
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> m) {
        if (m.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(m);
            m.forEach((tp, o) -> lastCommitted.put(tp, o.offset()));
        } catch (org.apache.kafka.clients.consumer.CommitFailedException
                | org.apache.kafka.common.errors.RebalanceInProgressException e) {
            // The group moved on (a rebalance); the new owner reads from the last commit that did arrive.
            Logger.debug("commit of {} refused: {}", spec.clientId(), e.getMessage());
        }
    }

    private void applySeeks() {
        for (Seek s = seeks.poll(); s != null; s = seeks.poll()) {
            applySeek(s);
        }
    }

    private void applySeek(Seek s) {
        var parts = consumer.assignment();
        switch (s.to()) {
            case "earliest" -> consumer.seekToBeginning(parts);
            case "latest" -> consumer.seekToEnd(parts);
            case "offset" -> parts.forEach(tp -> consumer.seek(tp, s.value()));
            case "time" -> {
                Map<TopicPartition, Long> q = new HashMap<>();
                parts.forEach(tp -> q.put(tp, s.value()));
                Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(q);
                List<TopicPartition> none = new ArrayList<>();
                found.forEach((tp, ot) -> {
                    if (ot == null) {
                        none.add(tp);
                    } else {
                        consumer.seek(tp, ot.offset());
                    }
                });
                if (!none.isEmpty()) {
                    // Partitions with nothing at or after the time: to their end. Never with an empty list, which
                    // Kafka reads as "every assigned partition" and which undid the seeks above.
                    consumer.seekToEnd(none);
                }
            }
            default -> throw new IllegalArgumentException("unknown replay target " + s.to());
        }
        parts.forEach(consumer::position); // resolve lazy seeks now
    }

    private void applyNacks() {
        if (nacks.isEmpty()) {
            return; // the usual case: no map per poll
        }
        long[] n;
        Map<Integer, Long> first = new HashMap<>();
        while ((n = nacks.poll()) != null) {
            first.merge((int) n[0], n[1], Math::min);
        }
        first.forEach((p, off) -> {
            TopicPartition tp = new TopicPartition(topic, p);
            if (consumer.assignment().contains(tp)) {
                consumer.seek(tp, off);
            }
        });
    }

    @Override
    public void seek(Seek to) {
        seeks.add(to);
    }

    @Override
    public void close() {
        running = false;
        join();
    }

    @Override
    public void kill() {
        killed = true;
        running = false;
        if (thread != null) {
            synchronized (committing) {
                thread.interrupt();
            }
        }
        join();
    }

    private void join() {
        if (thread == null) {
            return;
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> parts) {
            if (killed) {
                return;
            }
            if (transactional) {
                commitTransaction(true); // as Kafka Streams does before its tasks are revoked
                return;
            }
            if (spec.ack() == ConsumerSpec.Ack.AUTO) {
                commitPositions(parts);
            }
            commitAcked();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> parts) {
            if (killed) {
                return;
            }
            if (transactional) {
                abortTransaction();
                return;
            }
            onPartitionsRevoked(parts);
        }

        /**
         * A partition the group has no committed offset for starts from {@code startFrom} now, and that start is
         * committed at once: the group's position exists from its first join, so every message published after it is
         * owed to the group (as in the simulator), and an instance that crashes before the group's first commit of
         * its own resumes there instead of resetting to the latest offset again.
         */
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> parts) {
            if (!parts.isEmpty() && !killed) {
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(parts));
                Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
                for (TopicPartition tp : parts) {
                    if (committed.get(tp) == null) {
                        start.put(tp, new OffsetAndMetadata(consumer.position(tp)));
                    } else if (transactional) {
                        lastCommitted.put(tp, committed.get(tp).offset());
                    }
                }
                commit(start);
            }
            ready = true;
        }
    }

    private final class KafkaDelivery implements Delivery {
        private final Envelope envelope;
        private final TopicPartition tp;
        private final long offset;

        KafkaDelivery(Envelope envelope, TopicPartition tp, long offset) {
            this.envelope = envelope;
            this.tp = tp;
            this.offset = offset;
        }

        @Override
        public Envelope envelope() {
            return envelope;
        }

        @Override
        public boolean redelivered() {
            return false;
        }

        @Override
        public void ack() {
            if (spec.ack() != ConsumerSpec.Ack.AFTER_PROCESSING || transactional) {
                return;
            }
            acked.merge(tp, offset + 1, Math::max);
            if (Thread.currentThread() == thread) {
                commitAcked();
            }
        }

        @Override
        public void nack() {
            nacks.add(new long[] {tp.partition(), offset});
        }
    }
}
