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
 * (-Dbench.skipStart=true: only the throughput part; -Dbench.warmup=SECONDS: an unmeasured live run first)
 * </pre>
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
            ProducerPerformance.main(new String[] {
                "--topic",
                "perf0",
                "--num-records",
                "100000",
                "--record-size",
                "506",
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + kafka.bootstrap(),
                "acks=1"
            });
            cpuPerRecord("ProducerPerformance before", c0, 100_000);
            long c1 = cpu();
            int warmup = Integer.getInteger("bench.warmup", 0);
            if (warmup > 0) {
                // the live code is cold here while the Kafka client's was warmed by the run above: a first, unmeasured
                // live run of the same design (-Dbench.warmup=SECONDS) lets the JIT compile it too
                LiveResult w = LiveRun.builder(d)
                        .duration(Duration.ofSeconds(warmup))
                        .endpoints(Map.of("kafka", new Endpoint("kafka", kafka.bootstrap(), Map.of(), null)))
                        .build()
                        .run();
                System.out.println("live warm-up: " + w.report().totals().published() + " records in " + warmup
                        + " s, conservation " + w.report().ok());
            }
            long[] window = {0, 0};
            long[] wall = {0, 0};
            Map<String, Long> threadsAtStart = new java.util.concurrent.ConcurrentHashMap<>();
            Map<String, Long> threadsAtEnd = new java.util.concurrent.ConcurrentHashMap<>();
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
                            window[0] = cpu();
                            wall[0] = System.nanoTime();
                            threadsAtStart.putAll(threadCpu());
                            watcher.start();
                        } else if (window[0] != 0 && window[1] == 0) {
                            window[1] = cpu(); // draining (publishing has stopped)
                            wall[1] = System.nanoTime();
                            watcher.interrupt();
                            threadsAtEnd.putAll(lastSeen);
                            threadsAtEnd.putAll(threadCpu());
                            producerBatches();
                        }
                    })
                    .duration(Duration.ofSeconds(seconds))
                    .endpoints(Map.of("kafka", new Endpoint("kafka", kafka.bootstrap(), Map.of(), null)))
                    .build()
                    .run();
            long published = r.report().totals().published();
            double live = published / (double) seconds;
            var sink = r.report().groups().get("sink");
            System.out.printf(
                    Locale.ROOT,
                    "live: %d records in %d s = %.0f records/s (%d instances, acks 1, 6 partitions); sink processed %d,"
                            + " in flight %d, conservation %s%n",
                    published,
                    seconds,
                    live,
                    instances,
                    sink.processed(),
                    sink.inFlight(),
                    r.report().ok());
            cpuPerRecord("live run (start, publishing, drain, read-back)", c1, published);
            System.out.printf(
                    Locale.ROOT,
                    "cpu live run while publishing: %.1f s for %d records = %.1f us/record (whole process)%n",
                    (window[1] - window[0]) / 1e9,
                    published,
                    (window[1] - window[0]) / 1e3 / Math.max(1, published));
            // the window ends when the run reports draining, i.e. once its publishers have stopped
            System.out.printf(
                    Locale.ROOT,
                    "publishing window: %.1f s wall for %d s of publishing, %.2f cores used by the process%n",
                    (wall[1] - wall[0]) / 1e9,
                    seconds,
                    (window[1] - window[0]) / (double) Math.max(1, wall[1] - wall[0]));
            byThreadKind(threadsAtStart, threadsAtEnd, published);
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrap());
            try (Admin admin = Admin.create(p)) {
                admin.createTopics(List.of(new NewTopic("perf", 6, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
            long records = Math.max(10_000, Math.round(live * seconds));
            System.out.println("ProducerPerformance, " + records + " records of the live run's body size:");
            // the live body: {"id":"...","body":"<480 chars>"} is 506 bytes
            long c2 = cpu();
            ProducerPerformance.main(new String[] {
                "--topic",
                "perf",
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
            cpuPerRecord("ProducerPerformance alone", c2, records);
            withConsumers(kafka, records);
        }
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

    /** Prints the batching of every Kafka producer alive now (from its JMX metrics). */
    private static void producerBatches() {
        try {
            var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            for (var name : server.queryNames(
                    new javax.management.ObjectName("kafka.producer:type=producer-metrics,*"), null)) {
                System.out.printf(
                        Locale.ROOT,
                        "   producer %s: batch-size-avg %.0f B, record-size-avg %.0f B, records-per-request-avg %.1f%n",
                        name.getKeyProperty("client-id"),
                        (Double) server.getAttribute(name, "batch-size-avg"),
                        (Double) server.getAttribute(name, "record-size-avg"),
                        (Double) server.getAttribute(name, "records-per-request-avg"));
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
    private static void withConsumers(EmbeddedKafka kafka, long records) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrap());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic("perf2", 6, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
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
                        c.put("group.id", "pp-sink");
                        c.put("auto.offset.reset", "earliest");
                        c.put("auto.commit.interval.ms", "1000");
                        c.put("key.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
                        c.put("value.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
                        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(c)) {
                            consumer.subscribe(List.of("perf2"));
                            boolean counted = false;
                            while (read.get() < records && System.nanoTime() < deadline) {
                                int n = consumer.poll(Duration.ofMillis(100)).count();
                                read.addAndGet(n);
                                if (!counted && !consumer.assignment().isEmpty()) {
                                    counted = true;
                                    assigned.countDown();
                                }
                            }
                        }
                    },
                    "pp-sink-" + i);
            t.setDaemon(true);
            t.start();
            sinks.add(t);
        }
        assigned.await(60, TimeUnit.SECONDS);
        System.out.println("ProducerPerformance, " + records + " records, with a 3-consumer group draining meanwhile:");
        long t0 = System.nanoTime();
        long c0 = cpu();
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
        ProducerPerformance.main(new String[] {
            "--topic",
            "perf2",
            "--num-records",
            Long.toString(records),
            "--record-size",
            "506",
            "--throughput",
            "-1",
            "--producer-props",
            "bootstrap.servers=" + kafka.bootstrap(),
            "acks=1",
            "--print-metrics"
        });
        watcher.interrupt();
        Map<String, Long> threadsAtEnd = new java.util.HashMap<>(lastSeen);
        threadsAtEnd.putAll(threadCpu());
        for (Thread t : sinks) {
            t.join(TimeUnit.NANOSECONDS.toMillis(Math.max(1, deadline - System.nanoTime())));
        }
        System.out.printf(
                Locale.ROOT,
                "consumers read %d of %d records (%.1f s after the producer started)%n",
                read.get(),
                records,
                (System.nanoTime() - t0) / 1e9);
        cpuPerRecord("ProducerPerformance with the 3 consumers", c0, records);
        System.out.println("   (threads while the producer ran; those that ended before, as last seen within 100 ms)");
        byThreadKind(threadsAtStart, threadsAtEnd, records);
    }
}
