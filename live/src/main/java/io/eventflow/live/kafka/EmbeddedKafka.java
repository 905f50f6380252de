package io.eventflow.live.kafka;

import io.eventflow.live.LiveException;
import io.eventflow.live.proxy.FaultProxy;
import io.eventflow.live.proxy.ProxyLink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Routed clients (live runs with network faults): every node gets one more listener per client ({@code C0},
 * {@code C1}, ...) whose advertised address is a {@link FaultProxy} link in front of that listener's real port, so
 * a client that bootstraps through its links is told the links' ports for every node, and all its connections
 * (including those to a new leader after a failover) cross its links. The tool's own admin client uses the plain
 * listener.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final List<KafkaRaftServer> servers = new ArrayList<>();
    private final List<KafkaConfig> configs = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();
    private final String bootstrap;
    private final int nodes;
    /** Per routed client: its links, one per node. */
    private final Map<String, List<ProxyLink>> links = new LinkedHashMap<>();

    private EmbeddedKafka(int nodes, String bootstrap) {
        this.nodes = nodes;
        this.bootstrap = bootstrap;
    }

    /** Formats and starts {@code nodes} nodes; returns when every broker serves. */
    public static EmbeddedKafka start(int nodes) throws LiveException {
        return start(nodes, List.of(), null);
    }

    /**
     * Formats and starts {@code nodes} nodes with a listener per node for each of {@code routed} (client names, e.g.
     * the design's service ids) advertised through a link of {@code proxy}; returns when every broker serves.
     */
    public static EmbeddedKafka start(int nodes, List<String> routed, FaultProxy proxy) throws LiveException {
        int[] brokerPorts = new int[nodes];
        int[] controllerPorts = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            brokerPorts[i] = freePort();
            controllerPorts[i] = freePort();
        }
        // per node: extra listeners (name -> real port) and their advertised proxy ports
        List<Map<String, int[]>> extra = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            extra.add(new LinkedHashMap<>());
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
            for (int c = 0; c < routed.size(); c++) {
                List<ProxyLink> mine = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    int real = freePort();
                    ProxyLink l = proxy.open(routed.get(c) + " -> node " + i, real);
                    mine.add(l);
                    extra.get(i).put("C" + c, new int[] {real, l.port()});
                }
                k.links.put(routed.get(c), List.copyOf(mine));
            }
            List<KafkaConfig> configs = k.configs;
            for (int i = 0; i < nodes; i++) {
                Path dir = Files.createTempDirectory("eventflow-kafka-" + (i + 1) + "-");
                k.dirs.add(dir);
                KafkaConfig cfg = new KafkaConfig(
                        props(i + 1, nodes, brokerPorts[i], controllerPorts[i], voters, dir, extra.get(i)), false);
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

    private static Properties props(
            int id, int nodes, int port, int cport, String voters, Path dir, Map<String, int[]> extra) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(id));
        p.put("controller.quorum.voters", voters);
        StringBuilder listeners =
                new StringBuilder("PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + cport);
        StringBuilder advertised = new StringBuilder("PLAINTEXT://127.0.0.1:" + port);
        StringBuilder protocols = new StringBuilder("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        extra.forEach((name, ports) -> {
            listeners.append(',').append(name).append("://127.0.0.1:").append(ports[0]);
            advertised.append(',').append(name).append("://127.0.0.1:").append(ports[1]);
            protocols.append(',').append(name).append(":PLAINTEXT");
        });
        p.put("listeners", listeners.toString());
        p.put("advertised.listeners", advertised.toString());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", protocols.toString());
        // a crashed node is fenced (its partitions led elsewhere) within 3 s, as the sessions of embedded clients
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "500");
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
        // retention within a run: check every 100 ms from the start (Kafka: every 5 min, first after 30 s); topics
        // with a short retention also roll short segments (KafkaLiveServer), as Kafka deletes only closed segments
        p.put("log.retention.check.interval.ms", "100");
        p.put("log.initial.task.delay.ms", "0");
        return p;
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** The bootstrap servers of a routed client: its links' ports; the plain listener for any other. */
    public String bootstrap(String client) {
        List<ProxyLink> mine = links.get(client);
        if (mine == null) {
            return bootstrap;
        }
        return mine.stream().map(l -> "127.0.0.1:" + l.port()).collect(Collectors.joining(","));
    }

    /** A routed client's links, one per node (empty for a client that is not routed). */
    public List<ProxyLink> links(String client) {
        return links.getOrDefault(client, List.of());
    }

    /**
     * Crashes node {@code node} (0-based): it stops without a controlled shutdown (no leadership handed over, no
     * goodbye to the controller), its connections close; the controller fences it when its heartbeats stop and the
     * partitions it led get new leaders among their in-sync replicas. Its log directory stays for {@link #restart}.
     */
    public synchronized void crash(int node) throws LiveException {
        KafkaRaftServer s = servers.get(node);
        if (s == null) {
            throw new LiveException("embedded Kafka node " + node + " is down already");
        }
        servers.set(node, null);
        try {
            s.shutdown();
            s.awaitShutdown();
        } catch (RuntimeException e) {
            Logger.warn(e, "embedded Kafka node {} crash", node);
        }
    }

    /** Starts a crashed node again on its ports and log directory; it catches up from the others. */
    public synchronized void restart(int node) throws LiveException {
        if (servers.get(node) != null) {
            return;
        }
        KafkaRaftServer s = new KafkaRaftServer(configs.get(node), Time.SYSTEM);
        try {
            s.startup();
        } catch (Throwable e) {
            throw new LiveException("embedded Kafka node " + node + " did not restart: " + e.getMessage(), e);
        }
        servers.set(node, s);
    }

    /** Whether node {@code node} runs (not crashed). */
    public synchronized boolean running(int node) {
        return servers.get(node) != null;
    }

    public int nodes() {
        return nodes;
    }

    @Override
    public synchronized void close() {
        // All nodes at once: a node shutting down alone waits for a quorum that the others already left.
        List<Thread> stoppers = new ArrayList<>();
        for (KafkaRaftServer s : servers) {
            if (s == null) {
                continue; // crashed
            }
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
