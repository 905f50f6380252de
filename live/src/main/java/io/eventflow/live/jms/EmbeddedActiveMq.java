package io.eventflow.live.jms;

import io.eventflow.live.server.LocalServer;
import io.eventflow.live.server.ServerUnavailableException;
import io.eventflow.model.design.BrokerKind;
import jakarta.jms.ResourceAllocationException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.Broker;
import org.apache.activemq.broker.BrokerFilter;
import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.ProducerBrokerExchange;
import org.apache.activemq.broker.TransportConnector;
import org.apache.activemq.broker.region.DestinationInterceptor;
import org.apache.activemq.broker.region.policy.PolicyEntry;
import org.apache.activemq.broker.region.policy.PolicyMap;
import org.apache.activemq.broker.region.policy.SharedDeadLetterStrategy;
import org.apache.activemq.broker.region.virtual.VirtualDestination;
import org.apache.activemq.broker.region.virtual.VirtualDestinationInterceptor;
import org.apache.activemq.broker.region.virtual.VirtualTopic;
import org.apache.activemq.command.ActiveMQDestination;
import org.apache.activemq.command.ActiveMQQueue;
import org.apache.activemq.command.Message;

/**
 * An in-process JMS broker (ActiveMQ Classic) on a free 127.0.0.1 port, without JMX, shutdown hook or persistence
 * (messages live in memory for the run). {@link #crash()} stops the broker abruptly (every client socket cut first,
 * no goodbye); {@link #restart()} starts a new, empty broker on the same port: without persistence, what the
 * crashed broker held (queued messages, unacknowledged deliveries, subscriptions) is gone, as on an ActiveMQ with
 * {@code persistent="false"}. Dead-lettering follows the design: a message that exceeds the consumer's
 * redelivery limit on a destination with a {@link DeadLetterRoute} goes to that route's queue; elsewhere to ActiveMQ's
 * default {@code ActiveMQ.DLQ}. Non-persistent messages are dead-lettered too (ActiveMQ drops them by default).
 *
 * <p>Every topic is a virtual topic: a consumer of queue {@code Consumer.GROUP.TOPIC} reads the topic as group
 * {@code GROUP}, its instances sharing one copy (ActiveMQ Classic's way to a JMS 2.0 shared subscription, which its
 * client does not implement); plain topic consumers work as usual.
 */
public final class EmbeddedActiveMq implements LocalServer {
    private volatile BrokerService broker;
    private final Map<String, Integer> maxLengths;
    private final List<DeadLetterRoute> routes;
    private final URI uri;
    private final Duration startTime;
    private boolean closed;
    private boolean down;

    /**
     * Where a destination's dead messages go.
     *
     * @param topic whether {@code address} is a topic (durable subscriptions' messages) rather than a queue
     * @param address the destination's name on the broker
     * @param deadLetterQueue the queue its dead messages go to
     */
    public record DeadLetterRoute(boolean topic, String address, String deadLetterQueue) {
        public DeadLetterRoute {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
        }
    }

    private EmbeddedActiveMq(
            BrokerService broker,
            URI uri,
            Duration startTime,
            Map<String, Integer> maxLengths,
            List<DeadLetterRoute> routes) {
        this.broker = broker;
        this.maxLengths = maxLengths;
        this.routes = List.copyOf(routes);
        this.uri = uri;
        this.startTime = startTime;
    }

    /** Starts the broker with ActiveMQ's default dead-letter queue for every destination. */
    public static EmbeddedActiveMq start() {
        return start(List.of());
    }

    /** Starts the broker with the given dead-letter routes. */
    public static EmbeddedActiveMq start(List<DeadLetterRoute> routes) {
        long t0 = System.nanoTime();
        Map<String, Integer> maxLengths = new ConcurrentHashMap<>();
        BrokerService broker = newBroker(routes, maxLengths);
        try {
            TransportConnector connector = broker.addConnector("tcp://127.0.0.1:0");
            broker.start();
            broker.waitUntilStarted();
            URI bound = connector.getConnectUri();
            URI uri = URI.create("tcp://127.0.0.1:" + bound.getPort());
            return new EmbeddedActiveMq(broker, uri, Duration.ofNanos(System.nanoTime() - t0), maxLengths, routes);
        } catch (Exception e) {
            stopQuietly(broker);
            throw new ServerUnavailableException(
                    "the embedded JMS broker (ActiveMQ) did not start: " + e.getMessage(), e);
        }
    }

    private static BrokerService newBroker(List<DeadLetterRoute> routes, Map<String, Integer> maxLengths) {
        BrokerService broker = new BrokerService();
        broker.setBrokerName("eventflow-live");
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.setPersistent(false);
        broker.setAdvisorySupport(false);
        broker.setDestinationPolicy(policies(routes));
        broker.setDestinationInterceptors(new DestinationInterceptor[] {virtualTopics()});
        broker.setPlugins(new BrokerPlugin[] {next -> new MaxLengthFilter(next, maxLengths)});
        return broker;
    }

    /**
     * Crashes the broker: every client connection is cut first (no shutdown message, the clients see their sockets
     * fail), then the broker stops. Its store stays for {@link #restart()}.
     */
    public synchronized void crash() {
        if (closed || down) {
            return;
        }
        down = true;
        BrokerService b = broker;
        for (TransportConnector c : b.getTransportConnectors()) {
            try {
                c.getServer().stop(); // no new connections
            } catch (Exception e) {
                org.tinylog.Logger.debug("listener stop: {}", e.getMessage());
            }
            for (var connection : c.getConnections()) {
                try {
                    connection.getTransport().stop(); // the socket closes without a goodbye
                } catch (Exception e) {
                    org.tinylog.Logger.debug("connection stop: {}", e.getMessage());
                }
            }
        }
        stopQuietly(b);
    }

    /** Starts a crashed broker again on its port and store. */
    public synchronized void restart() {
        if (closed || !down) {
            return;
        }
        BrokerService b = newBroker(routes, maxLengths);
        Exception last = null;
        // the port was just closed: binding it again may take a moment
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                b.addConnector("tcp://127.0.0.1:" + uri.getPort());
                b.start();
                b.waitUntilStarted();
                broker = b;
                down = false;
                return;
            } catch (Exception e) {
                last = e;
                stopQuietly(b);
                b = newBroker(routes, maxLengths);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new ServerUnavailableException(
                "the embedded JMS broker (ActiveMQ) did not start again on port " + uri.getPort() + ": "
                        + (last == null ? "interrupted" : last.getMessage()),
                last);
    }

    /** True while crashed and not restarted. */
    public synchronized boolean down() {
        return down;
    }

    /**
     * Limits a queue to {@code max} stored messages: a send to a full queue is refused (overflow reject-publish; the
     * producer's send fails), as RabbitMQ does; ActiveMQ Classic itself limits queues by memory only.
     */
    public void limitQueue(String queue, int max) {
        maxLengths.put(queue, max);
    }

    /** Refuses sends to queues that hold their {@code maxLength} already. */
    private static final class MaxLengthFilter extends BrokerFilter {
        private final Map<String, Integer> maxLengths;

        MaxLengthFilter(Broker next, Map<String, Integer> maxLengths) {
            super(next);
            this.maxLengths = maxLengths;
        }

        @Override
        public void send(ProducerBrokerExchange exchange, Message message) throws Exception {
            ActiveMQDestination to = message.getDestination();
            Integer max = to != null && to.isQueue() ? maxLengths.get(to.getPhysicalName()) : null;
            // An anonymous producer's exchange has no region destination: look the queue up.
            var queue = max == null ? null : getDestinationMap(to).get(to);
            if (queue != null) {
                long stored = queue.getDestinationStatistics().getMessages().getCount();
                if (stored >= max) {
                    throw new ResourceAllocationException(
                            "queue '" + to.getPhysicalName() + "' is full (maxLength " + max + ", reject-publish)");
                }
            }
            super.send(exchange, message);
        }
    }

    /** The prefix of a group's queue on a topic: {@code Consumer.GROUP.TOPIC}. */
    public static String groupQueue(String group, String topic) {
        return "Consumer." + group.replace('.', '_') + "." + topic;
    }

    private static VirtualDestinationInterceptor virtualTopics() {
        VirtualTopic all = new VirtualTopic();
        all.setName(">");
        all.setPrefix("Consumer.*.");
        all.setSelectorAware(false);
        VirtualDestinationInterceptor interceptor = new VirtualDestinationInterceptor();
        interceptor.setVirtualDestinations(new VirtualDestination[] {all});
        return interceptor;
    }

    /**
     * Messages stored on a queue and not yet acknowledged (in flight included), or -1 when the queue does not exist.
     */
    public long storedCount(String queue) {
        try {
            ActiveMQQueue q = new ActiveMQQueue(queue);
            if (down()) {
                return -1;
            }
            var destination = broker.getRegionBroker().getDestinationMap(q).get(q);
            if (destination == null) {
                return -1;
            }
            return destination.getDestinationStatistics().getMessages().getCount();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static PolicyMap policies(List<DeadLetterRoute> routes) {
        List<PolicyEntry> entries = new ArrayList<>();
        for (DeadLetterRoute route : routes) {
            PolicyEntry entry = new PolicyEntry();
            if (route.topic()) {
                entry.setTopic(route.address());
            } else {
                entry.setQueue(route.address());
            }
            SharedDeadLetterStrategy strategy = new SharedDeadLetterStrategy();
            strategy.setDeadLetterQueue(new ActiveMQQueue(route.deadLetterQueue()));
            strategy.setProcessNonPersistent(true);
            entry.setDeadLetterStrategy(strategy);
            entries.add(entry);
        }
        PolicyMap map = new PolicyMap();
        map.setPolicyEntries(new ArrayList<>(entries));
        PolicyEntry fallback = new PolicyEntry();
        SharedDeadLetterStrategy strategy = new SharedDeadLetterStrategy();
        strategy.setProcessNonPersistent(true);
        fallback.setDeadLetterStrategy(strategy);
        map.setDefaultEntry(fallback);
        return map;
    }

    /** A client connection factory for this broker. */
    public ActiveMQConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(uri.toString());
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.JMS;
    }

    @Override
    public String endpoint() {
        return uri.toString();
    }

    @Override
    public int port() {
        return uri.getPort();
    }

    @Override
    public String description() {
        return "ActiveMQ Classic "
                + ActiveMQConnectionFactory.class.getPackage().getImplementationVersion() + " (in-process)";
    }

    @Override
    public Duration startTime() {
        return startTime;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopQuietly(broker);
    }

    private static void stopQuietly(BrokerService broker) {
        try {
            broker.stop();
            broker.waitUntilStopped();
        } catch (Exception e) {
            org.tinylog.Logger.warn("the embedded ActiveMQ broker did not stop cleanly: {}", e.getMessage());
        }
    }
}
