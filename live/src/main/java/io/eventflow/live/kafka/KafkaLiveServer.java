package io.eventflow.live.kafka;

import io.eventflow.live.ConsumerSpec;
import io.eventflow.live.DeliveryHandler;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveOptions;
import io.eventflow.live.LiveProducer;
import io.eventflow.live.LiveServer;
import io.eventflow.live.ProducerSpec;
import io.eventflow.live.proxy.FaultProxy;
import io.eventflow.live.proxy.ProxyLink;
import io.eventflow.live.proxy.RoutedServices;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.KafkaTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/** A Kafka cluster for a live run: the admin client, topic creation and deletion, clients and read-back. */
final class KafkaLiveServer implements LiveServer {
    private final Broker broker;
    private final String bootstrap;
    private final Map<String, String> clientProps;
    private final String description;
    /** Kafka's {@code log.roll.ms}: a segment rolls after a week unless it fills first. */
    private static final long SEGMENT_MS_DEFAULT = 7L * 24 * 3600 * 1000;

    private final EmbeddedKafka embedded;
    private final LiveOptions options;
    private final Admin admin;
    private final Set<String> created = new LinkedHashSet<>();
    private final Map<String, Integer> partitions = new HashMap<>();
    private final FaultProxy proxy;
    private final List<String> routed;

    KafkaLiveServer(
            Broker broker,
            String bootstrap,
            Map<String, String> clientProps,
            String description,
            EmbeddedKafka embedded,
            LiveOptions options)
            throws LiveException {
        this(broker, bootstrap, clientProps, description, embedded, options, null, List.of());
    }

    KafkaLiveServer(
            Broker broker,
            String bootstrap,
            Map<String, String> clientProps,
            String description,
            EmbeddedKafka embedded,
            LiveOptions options,
            FaultProxy proxy,
            List<String> routed)
            throws LiveException {
        this.proxy = proxy;
        this.routed = List.copyOf(routed);
        this.broker = broker;
        this.bootstrap = bootstrap;
        this.clientProps = Map.copyOf(clientProps);
        this.description = description;
        this.embedded = embedded;
        this.options = options;
        Properties p = base();
        int ms = (int) options.connectTimeout().toMillis();
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(ms));
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(ms));
        p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Integer.toString(Math.min(ms, 10_000)));
        p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Integer.toString(ms));
        try {
            this.admin = Admin.create(p);
        } catch (KafkaException e) {
            throw new LiveException(where() + ": " + rootMessage(e), e);
        }
        try {
            admin.describeCluster().nodes().get(ms, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            admin.close(Duration.ZERO);
            throw new LiveException(noAnswer());
        } catch (ExecutionException e) {
            admin.close(Duration.ZERO);
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                // the client's own timeout (the same connect timeout) ran out first: the same answer
                throw new LiveException(noAnswer(), e.getCause());
            }
            throw new LiveException(where() + ": " + failure(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            admin.close(Duration.ZERO);
            Thread.currentThread().interrupt();
            throw new LiveException(where() + ": interrupted while connecting");
        }
    }

    private String noAnswer() {
        return where() + ": no answer within " + options.connectTimeout().toSeconds()
                + " s (is it running and reachable from here?)";
    }

    private String where() {
        return "Kafka broker '" + broker.id() + "' at " + bootstrap;
    }

    static String failure(Throwable t) {
        if (t instanceof AuthenticationException) {
            return "authentication failed: " + t.getMessage();
        }
        if (t instanceof AuthorizationException) {
            return "not authorised: " + t.getMessage();
        }
        if (t instanceof org.apache.kafka.common.errors.TimeoutException) {
            return "no answer in time (is it running and reachable from here?)";
        }
        return rootMessage(t);
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    /** Client properties shared by every client: bootstrap plus the user's settings (TLS, SASL). */
    Properties base() {
        Properties p = new Properties();
        p.putAll(clientProps);
        p.put("bootstrap.servers", bootstrap);
        return p;
    }

    /**
     * {@link #base()} for a client of the design's service {@code service}: through its fault proxy links when the
     * run routes it (every node it learns of is advertised as its link's port), else direct.
     */
    Properties base(String service) {
        Properties p = base();
        if (embedded != null && service != null && !embedded.links(service).isEmpty()) {
            p.put("bootstrap.servers", embedded.bootstrap(service));
        }
        return p;
    }

    /**
     * The design service of a consumer's client id ({@code prefix + service#n@channel}): the routed service whose
     * id it starts with (the longest), or null.
     */
    String serviceOf(String clientId) {
        return proxy == null ? null : RoutedServices.serviceOf(clientId, options.runPrefix(), routed);
    }

    @Override
    public List<ProxyLink> links(String service) {
        return embedded == null ? List.of() : embedded.links(service);
    }

    @Override
    public void crashNode(int node) throws LiveException {
        if (embedded == null) {
            throw new LiveException(where() + " is not one this run started: its nodes are not crashed live");
        }
        checkNode(node);
        embedded.crash(node);
    }

    @Override
    public void restartNode(int node) throws LiveException {
        checkNode(node);
        embedded.restart(node);
    }

    private void checkNode(int node) throws LiveException {
        if (node < 0 || node >= embedded.nodes()) {
            throw new LiveException("Kafka broker '" + broker.id() + "' has no node " + node + " (nodes 0 to "
                    + (embedded.nodes() - 1) + ")");
        }
    }

    /** The design's id of this broker. */
    String brokerId() {
        return broker.id();
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean embedded() {
        return embedded != null;
    }

    @Override
    public void createTopology(List<LiveChannel> channels) throws LiveException {
        Set<String> existing;
        try {
            existing = admin.listTopics().names().get(timeout(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new LiveException(where() + ": could not list topics: " + failure(unwrap(e)), e);
        }
        List<NewTopic> topics = new ArrayList<>();
        for (LiveChannel c : channels) {
            KafkaTopic k = KafkaTopic.of(c.channel());
            if (c.existing()) {
                if (!existing.contains(c.name())) {
                    throw new LiveException("channel '" + c.id() + "' is mapped to topic '" + c.name()
                            + "', which does not exist on " + where());
                }
                continue;
            }
            if (existing.contains(c.name())) {
                throw new LiveException("channel '" + c.id() + "': topic '" + c.name() + "' already exists on "
                        + where() + " and was not made by this run; it is left alone (choose another run prefix)");
            }
            int rf = k.replicas();
            if (embedded != null && rf > embedded.nodes()) {
                throw new LiveException("channel '" + c.id() + "' has replicationFactor " + rf + " but the embedded"
                        + " cluster has " + embedded.nodes() + " node(s)");
            }
            Map<String, String> cfg = new HashMap<>();
            long retentionMs = k.retentionOrDefault().nanos() / 1_000_000;
            cfg.put("retention.ms", Long.toString(retentionMs));
            if (embedded != null && k.retention() != null && retentionMs / 20 < SEGMENT_MS_DEFAULT) {
                // Kafka deletes closed segments only (a week's by default): a short retention on the embedded broker
                // rolls a segment every twentieth of it (at least 100 ms), so that a record goes within about that
                // much of its deadline
                cfg.put("segment.ms", Long.toString(Math.max(100, retentionMs / 20)));
            }
            if (k.retentionBytes() != null) {
                cfg.put("retention.bytes", Long.toString(k.retentionBytes().bytes()));
            }
            cfg.put("min.insync.replicas", Integer.toString(k.minInSync()));
            if (k.cleanupPolicy() != null) {
                cfg.put("cleanup.policy", k.cleanupPolicy());
            }
            topics.add(new NewTopic(c.name(), k.partitionCount(), (short) rf).configs(cfg));
        }
        for (NewTopic t : topics) {
            try {
                admin.createTopics(List.of(t)).all().get(timeout(), TimeUnit.MILLISECONDS);
                created.add(t.name());
                partitions.put(t.name(), t.numPartitions());
            } catch (Exception e) {
                throw new LiveException(
                        where() + ": could not create topic '" + t.name() + "': " + failure(unwrap(e)), e);
            }
        }
        for (LiveChannel c : channels) {
            if (c.existing()) {
                partitions.put(c.name(), partitionCount(c.name()));
            }
        }
    }

    private int partitionCount(String topic) throws LiveException {
        try {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(timeout(), TimeUnit.MILLISECONDS)
                    .get(topic)
                    .partitions()
                    .size();
        } catch (Exception e) {
            throw new LiveException(where() + ": could not describe topic '" + topic + "': " + failure(unwrap(e)), e);
        }
    }

    int partitions(String topic) {
        return partitions.getOrDefault(topic, 1);
    }

    @Override
    public void deleteTopology() throws LiveException {
        if (created.isEmpty()) {
            return;
        }
        try {
            admin.deleteTopics(List.copyOf(created)).all().get(timeout(), TimeUnit.MILLISECONDS);
            created.clear();
        } catch (Exception e) {
            throw new LiveException(where() + ": could not delete topics " + created + ": " + failure(unwrap(e)), e);
        }
    }

    /** The topics this run created (for --keep messages). */
    Set<String> created() {
        return Set.copyOf(created);
    }

    @Override
    public LiveProducer producer(ProducerSpec spec) throws LiveException {
        return new KafkaLiveProducer(this, spec);
    }

    /** Where each message this run wrote went, by topic (to tell what retention deleted). */
    private final Map<String, Written> written = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The messages a run wrote to one topic: id, partition and offset in three growing arrays (one entry per
     * acknowledged send, appended from the producers' network threads; no object per message).
     */
    private static final class Written {
        private long[] ids = new long[1024];
        private int[] partitions = new int[1024];
        private long[] offsets = new long[1024];
        private int size;

        synchronized void add(long id, int partition, long offset) {
            if (size == ids.length) {
                int n = size * 2;
                ids = java.util.Arrays.copyOf(ids, n);
                partitions = java.util.Arrays.copyOf(partitions, n);
                offsets = java.util.Arrays.copyOf(offsets, n);
            }
            ids[size] = id;
            partitions[size] = partition;
            offsets[size] = offset;
            size++;
        }

        /** Calls {@code f} with each entry's id, partition and offset. */
        synchronized void forEach(WrittenEntry f) {
            for (int i = 0; i < size; i++) {
                f.accept(ids[i], partitions[i], offsets[i]);
            }
        }

        synchronized boolean isEmpty() {
            return size == 0;
        }
    }

    private interface WrittenEntry {
        void accept(long id, int partition, long offset);
    }

    /** A send the broker acknowledged at {@code partition}/{@code offset}. */
    void written(String topic, long messageId, int partition, long offset) {
        Written w = written.get(topic);
        if (w == null) {
            w = written.computeIfAbsent(topic, k -> new Written());
        }
        w.add(messageId, partition, offset);
    }

    /**
     * Records retention deleted (the partition's log start offset moved past them) are lost for a group that had not
     * read them ({@code retention}); the run asks only about ids nothing else explains.
     */
    @Override
    public Map<Long, String> losses(LiveChannel channel, String group) throws LiveException {
        Written mine = written.get(channel.name());
        if (mine == null || mine.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, Long> start = offsets(channel.name(), OffsetSpec.earliest());
        Map<Long, String> out = new HashMap<>();
        mine.forEach((id, partition, offset) -> {
            Long first = start.get(new TopicPartition(channel.name(), partition));
            if (first != null && offset < first) {
                out.put(id, "retention");
            }
        });
        return out;
    }

    /** Records this run wrote that retention deleted since (the partition's log start offset moved past them). */
    @Override
    public long evicted(LiveChannel channel) throws LiveException {
        Written mine = written.get(channel.name());
        if (mine == null || mine.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> start = offsets(channel.name(), OffsetSpec.earliest());
        long[] n = {0};
        mine.forEach((id, partition, offset) -> {
            if (offset < start.getOrDefault(new TopicPartition(channel.name(), partition), 0L)) {
                n[0]++;
            }
        });
        return n[0];
    }

    /** Groups that read with isolation read_committed (they never see records of aborted transactions). */
    private final Set<String> readCommitted = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public LiveConsumer consumer(ConsumerSpec spec, DeliveryHandler handler) throws LiveException {
        if (spec.subscription().isolationOrDefault() == io.eventflow.model.design.Isolation.READ_COMMITTED) {
            readCommitted.add(spec.group());
        }
        return new KafkaLiveConsumer(this, spec, handler);
    }

    @Override
    public long depth(LiveChannel channel, String group) throws LiveException {
        Map<TopicPartition, Long> end = offsets(channel.name(), OffsetSpec.latest());
        Map<TopicPartition, Long> start = offsets(channel.name(), OffsetSpec.earliest());
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        long sum = 0;
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            long from = c == null ? start.get(e.getKey()) : Math.max(c.offset(), start.get(e.getKey()));
            sum += Math.max(0, e.getValue() - from);
        }
        return sum;
    }

    @Override
    public Set<Long> pending(LiveChannel channel, String group) throws LiveException {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        Map<TopicPartition, Long> from = offsets(channel.name(), OffsetSpec.earliest());
        for (Map.Entry<TopicPartition, Long> e : from.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            if (c != null) {
                e.setValue(Math.max(e.getValue(), c.offset()));
            }
        }
        Set<Long> ids = new HashSet<>();
        // A read_committed group is owed only committed records, up to the last stable offset: what an aborted (or
        // still open) transaction wrote is not on the broker for it.
        boolean committedOnly = readCommitted.contains(group);
        Map<TopicPartition, Long> to = committedOnly
                ? offsets(channel.name(), OffsetSpec.latest(), org.apache.kafka.common.IsolationLevel.READ_COMMITTED)
                : offsets(channel.name(), OffsetSpec.latest());
        for (Envelope m : KafkaReader.read(this, channel.name(), from, to, committedOnly)) {
            ids.add(m.messageId());
        }
        return ids;
    }

    @Override
    public List<Envelope> readBack(LiveChannel channel) throws LiveException {
        // committed records only (up to the last stable offset): an aborted dead-letter copy was never dead-lettered
        return KafkaReader.read(
                this,
                channel.name(),
                offsets(channel.name(), OffsetSpec.earliest()),
                offsets(channel.name(), OffsetSpec.latest(), org.apache.kafka.common.IsolationLevel.READ_COMMITTED),
                true);
    }

    Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec) throws LiveException {
        return offsets(topic, spec, org.apache.kafka.common.IsolationLevel.READ_UNCOMMITTED);
    }

    Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec, org.apache.kafka.common.IsolationLevel isolation)
            throws LiveException {
        Map<TopicPartition, OffsetSpec> q = new HashMap<>();
        for (int p = 0; p < partitions(topic); p++) {
            q.put(new TopicPartition(topic, p), spec);
        }
        try {
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(q, new org.apache.kafka.clients.admin.ListOffsetsOptions(isolation))
                    .all()
                    .get(timeout(), TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (Exception e) {
            throw new LiveException(where() + ": could not read offsets of '" + topic + "': " + failure(unwrap(e)), e);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) throws LiveException {
        try {
            Map<TopicPartition, OffsetAndMetadata> m = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(timeout(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
            m.forEach((k, v) -> {
                if (v != null) {
                    out.put(k, v);
                }
            });
            return out;
        } catch (Exception e) {
            throw new LiveException(
                    where() + ": could not read the offsets of group '" + group + "': " + failure(unwrap(e)), e);
        }
    }

    long timeout() {
        return options.connectTimeout().toMillis();
    }

    LiveOptions options() {
        return options;
    }

    private static Throwable unwrap(Exception e) {
        return e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        if (embedded != null) {
            embedded.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }
}
