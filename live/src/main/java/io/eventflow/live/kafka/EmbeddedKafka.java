package io.eventflow.live.kafka;

import io.eventflow.live.LiveException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.tinylog.Logger;

/**
 * An in-process KRaft cluster of {@code nodes} combined broker+controller nodes ({@link KafkaRaftServer}) on
 * 127.0.0.1, free ports, temporary log directories deleted at {@link #close()}. Live runs start one per Kafka broker
 * of the design that has no endpoint; tests and benchmarks start one to share between runs.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final List<KafkaRaftServer> servers = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();
    private final String bootstrap;
    private final int nodes;

    private EmbeddedKafka(int nodes, String bootstrap) {
        this.nodes = nodes;
        this.bootstrap = bootstrap;
    }

    /** Formats and starts {@code nodes} nodes; returns when every broker serves. */
    public static EmbeddedKafka start(int nodes) throws LiveException {
        int[] brokerPorts = new int[nodes];
        int[] controllerPorts = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            brokerPorts[i] = freePort();
            controllerPorts[i] = freePort();
        }
        String voters = Stream.iterate(0, i -> i + 1)
                .limit(nodes)
                .map(i -> (i + 1) + "@127.0.0.1:" + controllerPorts[i])
                .collect(Collectors.joining(","));
        String bootstrap = Stream.iterate(0, i -> i + 1)
                .limit(nodes)
                .map(i -> "127.0.0.1:" + brokerPorts[i])
                .collect(Collectors.joining(","));
        EmbeddedKafka k = new EmbeddedKafka(nodes, bootstrap);
        String clusterId = Uuid.randomUuid().toString();
        try {
            List<KafkaConfig> configs = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Path dir = Files.createTempDirectory("eventflow-kafka-" + (i + 1) + "-");
                k.dirs.add(dir);
                KafkaConfig cfg =
                        new KafkaConfig(props(i + 1, nodes, brokerPorts[i], controllerPorts[i], voters, dir), false);
                configs.add(cfg);
                new Formatter()
                        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setClusterId(clusterId)
                        .setNodeId(i + 1)
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(dir.toString())
                        .setDirectories(List.of(dir.toString()))
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .run();
            }
            // A node's startup waits for the controller quorum: start them side by side.
            List<Thread> starters = new ArrayList<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (KafkaConfig cfg : configs) {
                KafkaRaftServer s = new KafkaRaftServer(cfg, Time.SYSTEM);
                k.servers.add(s);
                Thread t = new Thread(
                        () -> {
                            try {
                                s.startup();
                            } catch (Throwable e) {
                                failures.add(e);
                            }
                        },
                        "kafka-start-" + cfg.nodeId());
                t.start();
                starters.add(t);
            }
            for (Thread t : starters) {
                t.join();
            }
            if (!failures.isEmpty()) {
                throw new LiveException(
                        "the embedded Kafka broker did not start: "
                                + failures.get(0).getMessage(),
                        failures.get(0));
            }
            return k;
        } catch (LiveException e) {
            k.close();
            throw e;
        } catch (Exception e) {
            k.close();
            throw new LiveException("the embedded Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    private static Properties props(int id, int nodes, int port, int cport, String voters, Path dir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(id));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + cport);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.toString());
        String rf = Integer.toString(Math.min(3, nodes));
        p.put("offsets.topic.replication.factor", rf);
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", rf);
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", rf);
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.min.session.timeout.ms", "500");
        p.put("auto.create.topics.enable", "false");
        p.put("controlled.shutdown.enable", "false");
        p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        return p;
    }

    public String bootstrap() {
        return bootstrap;
    }

    public int nodes() {
        return nodes;
    }

    @Override
    public void close() {
        // All nodes at once: a node shutting down alone waits for a quorum that the others already left.
        List<Thread> stoppers = new ArrayList<>();
        for (KafkaRaftServer s : servers) {
            Thread t = new Thread(
                    () -> {
                        try {
                            s.shutdown();
                            s.awaitShutdown();
                        } catch (RuntimeException e) {
                            Logger.warn(e, "embedded Kafka shutdown");
                        }
                    },
                    "kafka-stop");
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            try {
                t.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        servers.clear();
        for (Path d : dirs) {
            deleteTree(d);
        }
        dirs.clear();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            Logger.warn("could not delete {}: {}", dir, e.getMessage());
        }
    }

    static int freePort() throws LiveException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new LiveException("no free local port for the embedded Kafka broker: " + e.getMessage(), e);
        }
    }
}
