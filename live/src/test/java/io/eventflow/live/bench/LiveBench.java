package io.eventflow.live.bench;

import io.eventflow.live.Endpoint;
import io.eventflow.live.LiveResult;
import io.eventflow.live.kafka.EmbeddedKafka;
import io.eventflow.live.run.LiveRun;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Benchmark, not a test (docs/performance.md): (1) how long the embedded brokers of the order-pipeline sample take
 * to start in a live run; (2) the live load generator against Kafka's own ProducerPerformance on the same embedded
 * broker, same record size, acks and partitions, side by side, with a consumer group keeping up in the live run
 * (and, for the like-for-like figure, ProducerPerformance again with a 3-consumer group draining its topic).
 *
 * <pre>
 * java -cp live/target/test-classes:live/target/classes:... io.eventflow.live.bench.LiveBench [seconds] [instances]
 * (-Dbench.skipStart=true: only the throughput part; -Dbench.warmup=SECONDS: an unmeasured live run first;
 *  -Dbench.rounds=N: N measured rounds of live, ProducerPerformance alone and with 3 consumers, one after the other,
 *  so that later rounds compare warm code; -Dbench.liveProps=k=v,...: client settings for the live run's clients;
 *  -Dbench.headers=true: in each round also a plain KafkaProducer loop with the 3 consumers, without and with the
 *  live run's three id headers)
 * </pre>
 *
 * <p>The live run's figures cover its publishing time and the time its producer then takes to send what it still
 * had queued (up to its 32 MB buffer), as ProducerPerformance's cover sending its last record. Besides the rates it
 * prints, per phase, the process CPU per record, the same per kind of thread, the broker's requests per API key per
 * 1000 records, and the producers' batching and the consumers' fetching (from their metrics).
 */
public final class LiveBench {
    private LiveBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int instances = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path repo = Path.of(System.getProperty("eventflow.repo", "."));
        if (!Boolean.getBoolean("bench.skipStart")) {
            startTime(repo);
        }
        throughput(seconds, instances);
    }

    private static void startTime(Path repo) throws Exception {
        Design d = DesignFiles.open(repo.resolve("assets/samples/order-pipeline.eventflow.yaml"));
        LiveResult r =
                LiveRun.builder(d).duration(Duration.ofSeconds(2)).build().run();
        System.out.println("order-pipeline embedded: " + r.notes().get(0));
        System.out.println(
                "order-pipeline 2 s run: published " + r.report().totals().published() + ", conservation "
                        + r.report().ok() + ", wall "
                        + String.format(Locale.ROOT, "%.1f s", r.report().wallSeconds()));
    }

    private static void throughput(int seconds, int instances) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(1)) {
            Path f = Files.createTempFile("bench", ".eventflow.yaml");
            Files.writeString(
                    f,
                    """
                    eventflow: 1
                    name: Load
                    brokers: [{id: kafka, kind: kafka}]
                    messages:
                      - id: Event
                        payload:
                          type: object
                          properties:
                            id: {type: string}
                            body: {type: string, minLength: 480, maxLength: 480}
                    channels:
                      - {id: events, broker: kafka, messages: [Event], partitions: 6, partitioner: round-robin}
                    services:
                      - id: load
                        instances: %d
                        publishes: [{channel: events, rate: 1000000/s}]
                        producer: {acks: 1}
                      - id: sink
                        instances: 3
                        subscribes:
                          - {channel: events, processing: 0ms, commit: {mode: auto, interval: 1s}}
                    """
                            .formatted(instances));
            Design d = DesignFiles.open(f);
            Files.delete(f);
            Properties p0 = new Properties();
            p0.put("bootstrap.servers", kafka.bootstrap());
            try (Admin admin = Admin.create(p0)) {
                admin.createTopics(List.of(new NewTopic("perf0", 6, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
            System.out.println("ProducerPerformance before the live run, 100000 records:");
            long c0 = cpu();
            producerPerformance(kafka, "perf0", 100_000);
            cpuPerRecord("ProducerPerformance before", c0, 100_000);
            int warmup = Integer.getInteger("bench.warmup", 0);
            if (warmup > 0) {
                // the live code is cold here while the Kafka client's was warmed by the run above: a first, unmeasured
                // live run of the same design (-Dbench.warmup=SECONDS) lets the JIT compile it too
                LiveResult w = LiveRun.builder(d)
                        .duration(Duration.ofSeconds(warmup))
                        .endpoints(Map.of("kafka", new Endpoint("kafka", kafka.bootstrap(), liveProps(), null)))
                        .build()
                        .run();
                System.out.println("live warm-up: " + w.report().totals().published() + " records in " + warmup
                        + " s, conservation " + w.report().ok());
            }
            int rounds = Integer.getInteger("bench.rounds", 1);
            List<String> summary = new java.util.ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                if (rounds > 1) {
                    System.out.println("== round " + round + " of " + rounds);
                }
                summary.add(round(kafka, d, seconds, instances, round));
            }
            System.out.println("summary (live and ProducerPerformance with 3 consumers, side by side; records/s, CPU of"
                    + " the whole process per record):");
            summary.forEach(System.out::println);
        }
    }

    /**
     * One measured live run, then ProducerPerformance alone and with a 3-consumer group, with as many records as the
     * live run published; returns the round's summary line.
     */
    private static String round(EmbeddedKafka kafka, Design d, int seconds, int instances, int round) throws Exception {
        {
            long c1 = cpu();
            long[] window = {0, 0};
            long[] sentAtStop = {0, 0};
            long[] wall = {0, 0};
            Map<String, Long> threadsAtStart = new java.util.concurrent.ConcurrentHashMap<>();
            Map<String, Long> threadsAtEnd = new java.util.concurrent.ConcurrentHashMap<>();
            Map<String, Long> requestsAtStart = new java.util.concurrent.ConcurrentHashMap<>();
            Map<String, Long> requestsAtEnd = new java.util.concurrent.ConcurrentHashMap<>();
            // threads that end before the window does (the publishers stop first) count as last seen, every 100 ms
            Map<String, Long> lastSeen = new java.util.concurrent.ConcurrentHashMap<>();
            Thread watcher = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    lastSeen.putAll(threadCpu());
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            watcher.setDaemon(true);
            LiveResult r = LiveRun.builder(d)
                    .progress(step -> {
                        if (step.startsWith("publishing for")) {
                            requestsAtStart.putAll(brokerRequests());
                            window[0] = cpu();
                            wall[0] = System.nanoTime();
                            threadsAtStart.putAll(threadCpu());
                            watcher.start();
                        } else if (window[0] != 0 && window[1] == 0) {
                            // draining: the publishers have stopped, but what they queued in the producer's buffer (up
                            // to 32 MB, ~50,000 records) is not sent yet. ProducerPerformance's figures include sending
                            // its last record, so the window ends once the producer's buffer is empty and nothing is in
                            // flight (this callback runs before the run's own flush, which then finds nothing to do).
                            sentAtStop[0] = producerTotal("record-send-total");
                            sentAtStop[1] = System.nanoTime();
                            awaitProducersIdle();
                            window[1] = cpu();
                            wall[1] = System.nanoTime();
                            watcher.interrupt();
                            threadsAtEnd.putAll(lastSeen);
                            threadsAtEnd.putAll(threadCpu());
                            producerBatches();
                            consumerFetches("kafka.consumer:type=consumer-fetch-manager-metrics,*");
                            requestsAtEnd.putAll(brokerRequests());
                        }
                    })
                    .duration(Duration.ofSeconds(seconds))
                    .endpoints(Map.of("kafka", new Endpoint("kafka", kafka.bootstrap(), liveProps(), null)))
                    .build()
                    .run();
            long published = r.report().totals().published();
            double windowSeconds = (wall[1] - wall[0]) / 1e9;
            double live = published / windowSeconds;
            var sink = r.report().groups().get("sink");
            System.out.printf(
                    Locale.ROOT,
                    "live: %d records in %.1f s (%d s of publishing + %.1f s to send what the producer had queued) = %.0f"
                            + " records/s (%d instances, acks 1, 6 partitions); sink processed %d, in flight %d,"
                            + " conservation %s%n",
                    published,
                    windowSeconds,
                    seconds,
                    (wall[1] - sentAtStop[1]) / 1e9,
                    live,
                    instances,
                    sink.processed(),
                    sink.inFlight(),
                    r.report().ok());
            System.out.printf(
                    Locale.ROOT,
                    "   (sent by the producer when publishing stopped: %d records; published / %d s, as LiveBench"
                            + " reported before 2026-12-07: %.0f records/s)%n",
                    sentAtStop[0],
                    seconds,
                    published / (double) seconds);
            cpuPerRecord("live run (start, publishing, drain, read-back)", c1, published);
            System.out.printf(
                    Locale.ROOT,
                    "cpu live run while publishing: %.1f s for %d records = %.1f us/record (whole process)%n",
                    (window[1] - window[0]) / 1e9,
                    published,
                    (window[1] - window[0]) / 1e3 / Math.max(1, published));
            // the window ends once the publishers have stopped and the producer has sent all they queued
            System.out.printf(
                    Locale.ROOT,
                    "publishing window: %.1f s wall for %d s of publishing and the flush, %.2f cores used by the process%n",
                    (wall[1] - wall[0]) / 1e9,
                    seconds,
                    (window[1] - window[0]) / (double) Math.max(1, wall[1] - wall[0]));
            byThreadKind(threadsAtStart, threadsAtEnd, published);
            requestsPerRecord(requestsAtStart, requestsAtEnd, published);
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrap());
            try (Admin admin = Admin.create(p)) {
                admin.createTopics(List.of(new NewTopic("perf-" + round, 6, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
            long records = Math.max(10_000, published);
            System.out.println("ProducerPerformance, " + records + " records of the live run's body size:");
            // the live body: {"id":"...","body":"<480 chars>"} is 506 bytes
            long c2 = cpu();
            producerPerformance(kafka, "perf-" + round, records);
            cpuPerRecord("ProducerPerformance alone", c2, records);
            double[] pp = withConsumers(kafka, records, round);
            double liveCpu = (window[1] - window[0]) / 1e3 / Math.max(1, published);
            String line = String.format(
                    Locale.ROOT,
                    "   round %d: live %.0f, PP+3c %.0f, ratio %.2f; CPU %.1f / %.1f us/record; load %s",
                    round,
                    live,
                    pp[0],
                    live / pp[0],
                    liveCpu,
                    pp[1],
                    loadAverage());
            if (Boolean.getBoolean("bench.headers")) {
                // a plain KafkaProducer loop with the 3 consumers, without and with the live run's three id headers:
                // what the headers cost Kafka itself (the broker validates every record and parses its headers; so
                // does the consumer), apart from the live code
                double[] bare = withConsumers(
                        kafka,
                        records,
                        round,
                        "plain-" + round,
                        "plain producer",
                        () -> plainProducer(kafka, "plain-" + round, records, 0));
                double[] headed = withConsumers(
                        kafka,
                        records,
                        round,
                        "headed-" + round,
                        "plain producer + headers",
                        () -> plainProducer(kafka, "headed-" + round, records, 3));
                if (Boolean.getBoolean("bench.twoHeaders")) {
                    withConsumers(
                            kafka,
                            records,
                            round,
                            "two-" + round,
                            "plain producer + 2 headers",
                            () -> plainProducer(kafka, "two-" + round, records, 2));
                }
                line += String.format(
                        Locale.ROOT,
                        "%n            plain+3c %.0f, plain with the 3 headers+3c %.0f (%.2f of plain); live / plain"
                                + " with headers %.2f; CPU %.1f / %.1f us/record",
                        bare[0],
                        headed[0],
                        headed[0] / bare[0],
                        live / headed[0],
                        bare[1],
                        headed[1]);
            }
            return line;
        }
    }

    /** The system's load average over the last minute, as uptime prints it. */
    private static String loadAverage() {
        return String.format(
                Locale.ROOT,
                "%.1f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }

    /**
     * CPU time of the whole process (broker, clients and all) so far, in nanoseconds: per record it tells what each
     * way of publishing costs even when other processes take the machine's cores.
     */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Client settings for the live run's Kafka clients, for experiments: {@code -Dbench.liveProps=k=v,k=v} (none by
     * default; ProducerPerformance and its consumers do not get them).
     */
    private static Map<String, String> liveProps() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String kv : System.getProperty("bench.liveProps", "").split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                m.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
            }
        }
        return m;
    }

    /** The sum over every Kafka producer alive now of one of its producer-metrics (JMX), e.g. record-send-total. */
    private static long producerTotal(String metric) {
        double sum = 0;
        try {
            var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            for (var name : server.queryNames(
                    new javax.management.ObjectName("kafka.producer:type=producer-metrics,*"), null)) {
                sum += (Double) server.getAttribute(name, metric);
            }
        } catch (javax.management.JMException e) {
            System.out.println("   producer metrics: " + e);
        }
        return Math.round(sum);
    }

    /**
     * Waits (at most 120 s) until every Kafka producer alive now has its whole buffer free and no request in flight:
     * everything it was given is sent and answered.
     */
    private static void awaitProducersIdle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try {
            var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            var pattern = new javax.management.ObjectName("kafka.producer:type=producer-metrics,*");
            while (System.nanoTime() < deadline) {
                boolean idle = true;
                for (var name : server.queryNames(pattern, null)) {
                    double free = (Double) server.getAttribute(name, "buffer-available-bytes");
                    double total = (Double) server.getAttribute(name, "buffer-total-bytes");
                    double inFlight = (Double) server.getAttribute(name, "requests-in-flight");
                    idle &= free >= total && inFlight == 0;
                }
                if (idle) {
                    return;
                }
                Thread.sleep(20);
            }
            System.out.println("   the producers still had records to send after 120 s");
        } catch (javax.management.JMException e) {
            System.out.println("   producer metrics: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints the batching of every Kafka producer alive now (from its JMX metrics). */
    private static void producerBatches() {
        try {
            var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            for (var name : server.queryNames(
                    new javax.management.ObjectName("kafka.producer:type=producer-metrics,*"), null)) {
                System.out.printf(
                        Locale.ROOT,
                        "   producer %s: batch-size-avg %.0f B, record-size-avg %.0f B, records-per-request-avg %.1f,"
                                + " request-total %.0f, record-send-total %.0f%n",
                        name.getKeyProperty("client-id"),
                        (Double) server.getAttribute(name, "batch-size-avg"),
                        (Double) server.getAttribute(name, "record-size-avg"),
                        (Double) server.getAttribute(name, "records-per-request-avg"),
                        (Double) server.getAttribute(name, "request-total"),
                        (Double) server.getAttribute(name, "record-send-total"));
            }
        } catch (javax.management.JMException e) {
            System.out.println("   producer metrics: " + e);
        }
    }

    /** CPU time of every live thread by name (threads of one kind summed), in nanoseconds. */
    private static Map<String, Long> threadCpu() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new java.util.HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            var info = mx.getThreadInfo(id);
            long t = mx.getThreadCpuTime(id);
            if (info != null && t > 0) {
                out.merge(info.getThreadName() + "#" + id, t, Long::sum);
            }
        }
        return out;
    }

    /** Prints, per kind of thread (name without numbers and run prefix), its CPU per record between two samples. */
    private static void byThreadKind(Map<String, Long> start, Map<String, Long> end, long records) {
        Map<String, Long> kinds = new java.util.TreeMap<>();
        end.forEach((name, t) -> {
            String kind = name.replaceAll("#\\d+$", "")
                    .replaceAll("ef-[0-9a-f]{6}-", "")
                    .replaceAll("\\d+", "N");
            kinds.merge(kind, t - start.getOrDefault(name, 0L), Long::sum);
        });
        kinds.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(12)
                .forEach(e -> System.out.printf(
                        Locale.ROOT,
                        "   %6.1f us/record  %s%n",
                        e.getValue() / 1e3 / Math.max(1, records),
                        e.getKey()));
    }

    private static void cpuPerRecord(String what, long since, long records) {
        long used = cpu() - since;
        System.out.printf(
                Locale.ROOT,
                "cpu %s: %.1f s for %d records = %.1f us/record (whole process)%n",
                what,
                used / 1e9,
                records,
                records == 0 ? 0.0 : used / 1e3 / records);
    }

    /**
     * ProducerPerformance again, now with a 3-consumer group draining the topic at the same time, as the live run's
     * sink group does: on 2 cores the consumers take CPU from the producer and the broker, so this is the like-for-like
     * figure for the live generator. Bounded: the consumers stop once they have read every record or after 120 s.
     */
    private static double[] withConsumers(EmbeddedKafka kafka, long records, int round) throws Exception {
        String topic = "perf2-" + round;
        return withConsumers(
                kafka, records, round, topic, "ProducerPerformance", () -> producerPerformance(kafka, topic, records));
    }

    /**
     * A plain send loop as ProducerPerformance's (its settings: acks 1, the client's defaults otherwise; 506-byte
     * bodies), with none, two or all three of the headers every live message carries, their values as long as the
     * live run's (a 6-digit message and correlation id, a 16-digit publish time in microseconds; two: the id and the
     * time).
     */
    private static void plainProducer(EmbeddedKafka kafka, String topic, long records, int headers) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrap());
        p.put("acks", "1");
        p.put("key.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class);
        p.put("value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class);
        byte[] body = new byte[506];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + random.nextInt(26));
        }
        java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(p)) {
            for (long i = 0; i < records; i++) {
                var record = new org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]>(topic, body);
                if (headers > 0) {
                    byte[] id = Long.toString(100_000 + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    record.headers().add(io.eventflow.live.LiveHeaders.MESSAGE_ID, id);
                    if (headers > 2) {
                        record.headers().add(io.eventflow.live.LiveHeaders.CORRELATION_ID, id);
                    }
                    record.headers()
                            .add(
                                    io.eventflow.live.LiveHeaders.PUBLISHED_AT,
                                    Long.toString(System.currentTimeMillis() * 1000)
                                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
                producer.send(record, (m, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            System.out.println("   plain producer: " + failed.get() + " sends failed");
        }
    }

    /**
     * Kafka's own ProducerPerformance: {@code records} records of the live run's body size (506 bytes) to {@code topic}
     * as fast as it can, acks 1, the client's defaults otherwise; returns once all are acknowledged.
     */
    private static void producerPerformance(EmbeddedKafka kafka, String topic, long records) throws Exception {
        ProducerPerformance.main(new String[] {
            "--topic",
            topic,
            "--num-records",
            Long.toString(records),
            "--record-size",
            "506",
            "--throughput",
            "-1",
            "--producer-props",
            "bootstrap.servers=" + kafka.bootstrap(),
            "acks=1"
        });
    }

    /** What a producer phase runs: it returns once every record is sent and acknowledged. */
    private interface Producing {
        void run() throws Exception;
    }

    /** {@code producer} publishing {@code records} to {@code topic} (6 partitions) while a 3-consumer group drains it. */
    private static double[] withConsumers(
            EmbeddedKafka kafka, long records, int round, String topic, String label, Producing producer)
            throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrap());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(3);
        List<Thread> sinks = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(
                    () -> {
                        Properties c = new Properties();
                        c.put("bootstrap.servers", kafka.bootstrap());
                        c.put("group.id", topic + "-sink");
                        c.put("auto.offset.reset", "earliest");
                        c.put("auto.commit.interval.ms", "1000");
                        c.put("key.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
                        c.put("value.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
                        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(c)) {
                            consumer.subscribe(List.of(topic));
                            boolean counted = false;
                            while (read.get() < records && System.nanoTime() < deadline) {
                                int n = consumer.poll(Duration.ofMillis(100)).count();
                                read.addAndGet(n);
                                if (!counted && !consumer.assignment().isEmpty()) {
                                    counted = true;
                                    assigned.countDown();
                                }
                            }
                            recordFetches(Thread.currentThread().getName(), consumer.metrics());
                        }
                    },
                    "pp-sink-" + i);
            t.setDaemon(true);
            t.start();
            sinks.add(t);
        }
        assigned.await(60, TimeUnit.SECONDS);
        System.out.println(label + ", " + records + " records, with a 3-consumer group draining meanwhile:");
        long t0 = System.nanoTime();
        long c0 = cpu();
        Map<String, Long> requestsAtStart = brokerRequests();
        Map<String, Long> threadsAtStart = threadCpu();
        Map<String, Long> lastSeen = new java.util.concurrent.ConcurrentHashMap<>();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                lastSeen.putAll(threadCpu());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        producer.run();
        // as for the live run, the window ends once the producer has sent everything (the consumers may still read)
        long c1 = cpu();
        double seconds = (System.nanoTime() - t0) / 1e9;
        watcher.interrupt();
        Map<String, Long> threadsAtEnd = new java.util.HashMap<>(lastSeen);
        threadsAtEnd.putAll(threadCpu());
        Map<String, Long> requestsAtEnd = brokerRequests();
        for (Thread t : sinks) {
            t.join(TimeUnit.NANOSECONDS.toMillis(Math.max(1, deadline - System.nanoTime())));
        }
        System.out.printf(
                Locale.ROOT,
                "consumers read %d of %d records (%.1f s after the producer started)%n",
                read.get(),
                records,
                (System.nanoTime() - t0) / 1e9);
        System.out.printf(
                Locale.ROOT,
                "%s with the 3 consumers: %d records in %.1f s = %.0f records/s%n",
                label,
                records,
                seconds,
                records / seconds);
        System.out.printf(
                Locale.ROOT,
                "cpu %s with the 3 consumers while it ran: %.1f s for %d records = %.1f us/record"
                        + " (whole process)%n",
                label,
                (c1 - c0) / 1e9,
                records,
                (c1 - c0) / 1e3 / records);
        System.out.println("   (threads while the producer ran; those that ended before, as last seen within 100 ms)");
        byThreadKind(threadsAtStart, threadsAtEnd, records);
        requestsPerRecord(requestsAtStart, requestsAtEnd, records);
        fetches.forEach(System.out::println);
        fetches.clear();
        return new double[] {records / seconds, (c1 - c0) / 1e3 / records};
    }

    /** Requests the embedded broker has handled so far, per API key (its RequestsPerSec meters, summed over versions). */
    private static Map<String, Long> brokerRequests() {
        Map<String, Long> out = new java.util.TreeMap<>();
        try {
            var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            for (var name : server.queryNames(
                    new javax.management.ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
                out.merge(name.getKeyProperty("request"), (Long) server.getAttribute(name, "Count"), Long::sum);
            }
        } catch (javax.management.JMException e) {
            System.out.println("   broker request metrics: " + e);
        }
        return out;
    }

    /** Prints the broker's requests per API key between two samples, per 1000 records published. */
    private static void requestsPerRecord(Map<String, Long> start, Map<String, Long> end, long records) {
        StringBuilder b = new StringBuilder("   broker requests per 1000 records:");
        end.forEach((api, n) -> {
            long d = n - start.getOrDefault(api, 0L);
            if (d > 0) {
                b.append(String.format(Locale.ROOT, " %s %.1f", api, d * 1000.0 / Math.max(1, records)));
            }
        });
        System.out.println(b);
    }

    /** Prints the fetching of every Kafka consumer alive now whose metrics match {@code pattern} (JMX). */
    private static void consumerFetches(String pattern) {
        try {
            var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            for (var name : server.queryNames(new javax.management.ObjectName(pattern), null)) {
                if (name.getKeyProperty("topic") != null || name.getKeyProperty("partition") != null) {
                    continue;
                }
                System.out.printf(
                        Locale.ROOT,
                        "   consumer %s: fetch-total %.0f, fetch-size-avg %.0f B, records-per-request-avg %.1f%n",
                        name.getKeyProperty("client-id"),
                        (Double) server.getAttribute(name, "fetch-total"),
                        (Double) server.getAttribute(name, "fetch-size-avg"),
                        (Double) server.getAttribute(name, "records-per-request-avg"));
            }
        } catch (javax.management.JMException e) {
            System.out.println("   consumer metrics: " + e);
        }
    }

    /** What each ProducerPerformance consumer's fetching was, recorded before it closes. */
    private static final List<String> fetches = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static void recordFetches(
            String who, Map<org.apache.kafka.common.MetricName, ? extends org.apache.kafka.common.Metric> m) {
        double[] v = {0, 0, 0};
        m.forEach((n, x) -> {
            if (n.group().equals("consumer-fetch-manager-metrics") && !n.tags().containsKey("topic")) {
                switch (n.name()) {
                    case "fetch-total" -> v[0] = ((Number) x.metricValue()).doubleValue();
                    case "fetch-size-avg" -> v[1] = ((Number) x.metricValue()).doubleValue();
                    case "records-per-request-avg" -> v[2] = ((Number) x.metricValue()).doubleValue();
                    default -> {}
                }
            }
        });
        fetches.add(String.format(
                Locale.ROOT,
                "   consumer %s: fetch-total %.0f, fetch-size-avg %.0f B, records-per-request-avg %.1f",
                who,
                v[0],
                v[1],
                v[2]));
    }
}
