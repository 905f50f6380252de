package io.eventflow.live.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
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
import io.eventflow.model.design.AmqpQueue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.tinylog.Logger;

/**
 * A RabbitMQ broker for a live run (a private local node, or the user's). Topology: one queue per channel (its run
 * name), the design's exchanges (run prefix + name) with its bindings, TTL, max length, overflow and dead-letter
 * exchange as queue arguments. Admin read-back goes through AMQP itself (no management plugin needed): depth is the
 * queue's ready count, pending and read-back use {@code basic.get}.
 */
final class AmqpLiveServer implements LiveServer {
    private final ConnectionFactory factory;
    private volatile Connection admin;
    private final String description;
    private final LiveOptions options;
    private final LocalRabbitMqServer local;
    /** Per routed service: the factory connecting through its fault proxy link, and the link. */
    private final Map<String, ConnectionFactory> routedFactories;

    private final Map<String, ProxyLink> links;
    private final FaultProxy proxy;
    /** The run crashed the local node at least once: a queue it lost is read back as empty, not as an error. */
    private volatile boolean crashed;
    /** Restarts of the crashed node so far: producers waiting to connect again try at once after one. */
    private final java.util.concurrent.atomic.AtomicLong restarts = new java.util.concurrent.atomic.AtomicLong();

    private final Set<String> createdQueues = new LinkedHashSet<>();
    private final Set<String> createdExchanges = new LinkedHashSet<>();

    AmqpLiveServer(ConnectionFactory factory, String description, LiveOptions options, LocalRabbitMqServer local)
            throws IOException, TimeoutException {
        this(factory, description, options, local, null, Map.of(), Map.of());
    }

    /**
     * @param proxy the fault proxy in front of the local node (null: none), closed with this server
     * @param links per routed design service, its link of {@code proxy}
     * @param routedFactories per routed design service, a factory connecting to its link's port
     */
    AmqpLiveServer(
            ConnectionFactory factory,
            String description,
            LiveOptions options,
            LocalRabbitMqServer local,
            FaultProxy proxy,
            Map<String, ProxyLink> links,
            Map<String, ConnectionFactory> routedFactories)
            throws IOException, TimeoutException {
        this.factory = factory;
        this.description = description;
        this.options = options;
        this.local = local;
        this.proxy = proxy;
        this.links = Map.copyOf(links);
        this.routedFactories = Map.copyOf(routedFactories);
        this.admin = factory.newConnection("eventflow-admin");
    }

    /**
     * The run's own connection (topology, depths, read-back), connected again when it broke (a broker crash).
     *
     * @throws IOException when the broker does not answer
     */
    private synchronized Connection admin() throws IOException {
        Connection c = admin;
        if (c.isOpen()) {
            return c;
        }
        try {
            admin = factory.newConnection("eventflow-admin");
            return admin;
        } catch (TimeoutException e) {
            throw new IOException("no answer from " + description + ": " + e.getMessage(), e);
        }
    }

    /** The factory for a client of the design's service {@code service}: through its proxy link when routed. */
    private ConnectionFactory factoryFor(String service) {
        return service == null ? factory : routedFactories.getOrDefault(service, factory);
    }

    /**
     * The design service of a consumer's client id ({@code prefix + service#n@channel}): the routed service whose
     * id it starts with (the longest), or null.
     */
    private String serviceOf(String clientId) {
        return RoutedServices.serviceOf(clientId, options.runPrefix(), routedFactories.keySet());
    }

    @Override
    public List<ProxyLink> links(String service) {
        ProxyLink l = links.get(service);
        return l == null ? List.of() : List.of(l);
    }

    /** Kills the local node (SIGKILL, no shutdown); the clients see their connections break. */
    @Override
    public void crashNode(int node) throws LiveException {
        checkNode(node);
        crashed = true;
        local.crash();
    }

    /** Starts the local node again on its data; the clients connect again by themselves. */
    @Override
    public void restartNode(int node) throws LiveException {
        checkNode(node);
        try {
            local.restart();
            restarts.incrementAndGet();
        } catch (RuntimeException e) {
            throw new LiveException("the local RabbitMQ node did not start again: " + e.getMessage(), e);
        }
    }

    private void checkNode(int node) throws LiveException {
        if (local == null) {
            throw new LiveException(description + " is not a node this run started: it is not crashed live");
        }
        if (node != 0) {
            throw new LiveException("the local RabbitMQ node is one node (node 0), not node " + node);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean embedded() {
        return local != null;
    }

    @Override
    public synchronized void createTopology(List<LiveChannel> channels) throws LiveException {
        Map<String, LiveChannel> byId = new HashMap<>();
        channels.forEach(c -> byId.put(c.id(), c));
        for (LiveChannel c : channels) {
            if (c.existing()) {
                requireExists(c);
            } else if (exists(c.name())) {
                throw new LiveException("channel '" + c.id() + "': queue '" + c.name()
                        + "' exists already and was not made by this run; map the channel to it on purpose or "
                        + "choose another run prefix");
            }
        }
        try (Channel ch = admin().createChannel()) {
            for (LiveChannel c : channels) {
                AmqpQueue amqp = AmqpQueue.of(c.channel());
                String exchange = AmqpTopology.exchange(options.runPrefix(), amqp);
                if (!exchange.isEmpty() && createdExchanges.add(exchange)) {
                    ch.exchangeDeclare(exchange, amqp.exchangeTypeOrDefault().key(), true, false, null);
                }
            }
            for (LiveChannel c : channels) {
                if (c.existing()) {
                    continue;
                }
                LiveChannel dlq = c.channel().deadLetter() == null
                        ? null
                        : byId.get(c.channel().deadLetter());
                Map<String, Object> args = AmqpTopology.queueArguments(options.runPrefix(), c, dlq);
                boolean durable =
                        !Boolean.FALSE.equals(AmqpQueue.of(c.channel()).durable());
                ch.queueDeclare(c.name(), durable, false, false, args);
                createdQueues.add(c.name());
                String exchange = AmqpTopology.exchange(options.runPrefix(), AmqpQueue.of(c.channel()));
                if (!exchange.isEmpty()) {
                    for (String key : AmqpTopology.bindings(c)) {
                        ch.queueBind(c.name(), exchange, key);
                    }
                }
            }
        } catch (IOException | TimeoutException e) {
            throw new LiveException("RabbitMQ refused the topology: " + rootMessage(e), e);
        }
    }

    private void requireExists(LiveChannel c) throws LiveException {
        if (!exists(c.name())) {
            throw new LiveException("channel '" + c.id() + "' is mapped to queue '" + c.name()
                    + "', which does not exist on " + description);
        }
    }

    /** Passive declare on a throwaway channel (a missing queue closes the channel it was asked on). */
    private boolean exists(String queue) throws LiveException {
        try (Channel ch = admin().createChannel()) {
            ch.queueDeclarePassive(queue);
            return true;
        } catch (IOException e) {
            return false;
        } catch (TimeoutException | com.rabbitmq.client.AlreadyClosedException e) {
            return false;
        }
    }

    @Override
    public synchronized void deleteTopology() throws LiveException {
        try (Channel ch = admin().createChannel()) {
            for (String q : createdQueues) {
                ch.queueDelete(q);
            }
            for (String x : createdExchanges) {
                ch.exchangeDelete(x);
            }
            createdQueues.clear();
            createdExchanges.clear();
        } catch (IOException | TimeoutException e) {
            throw new LiveException("could not delete the run's RabbitMQ topology: " + rootMessage(e), e);
        }
    }

    @Override
    public LiveProducer producer(ProducerSpec spec) throws LiveException {
        return new AmqpLiveProducer(factoryFor(spec.service()), spec, options.runPrefix(), restarts::get);
    }

    @Override
    public LiveConsumer consumer(ConsumerSpec spec, DeliveryHandler handler) {
        return new AmqpLiveConsumer(factoryFor(serviceOf(spec.clientId())), spec, handler);
    }

    @Override
    public long depth(LiveChannel channel, String group) {
        try (Channel ch = admin().createChannel()) {
            return ch.queueDeclarePassive(channel.name()).getMessageCount();
        } catch (IOException | TimeoutException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public Set<Long> pending(LiveChannel channel, String group) throws LiveException {
        Set<Long> ids = new LinkedHashSet<>();
        // basic.get without ack, then close the channel: everything read goes back to the queue.
        try (Channel ch = admin().createChannel()) {
            for (GetResponse r = ch.basicGet(channel.name(), false);
                    r != null;
                    r = ch.basicGet(channel.name(), false)) {
                Envelope m = AmqpWire.read(r.getProps().getHeaders(), r.getBody(), -1);
                if (m != null) {
                    ids.add(m.messageId());
                }
            }
        } catch (IOException | TimeoutException e) {
            if (crashed && rootMessage(e).contains("NOT_FOUND")) {
                // the node lost the queue in the crash (RabbitMQ writes its definitions lazily): nothing is on it
                Logger.warn("queue '{}' did not survive the crash of the local RabbitMQ node", channel.name());
                return ids;
            }
            throw new LiveException("could not read queue '" + channel.name() + "': " + rootMessage(e), e);
        }
        return ids;
    }

    /**
     * RabbitMQ tells no client of a message its TTL expired or its max length dropped when the queue has no
     * dead-letter exchange (with one, the copies' x-death says so and they count as dead-lettered).
     */
    @Override
    public List<String> unmeasured(List<LiveChannel> channels) {
        List<String> out = new ArrayList<>();
        for (LiveChannel c : channels) {
            io.eventflow.model.design.AmqpQueue q = io.eventflow.model.design.AmqpQueue.of(c.channel());
            if (c.channel().deadLetter() != null) {
                continue;
            }
            if (q.ttl() != null) {
                out.add("channel '" + c.id() + "': messages its ttl expires are not measured live (without a"
                        + " dead-letter exchange RabbitMQ reports them to no client): expired stays 0 and such a"
                        + " message is reported lost without a cause (a conservation violation)");
            }
            if (q.maxLength() != null && q.overflowOrDefault() == io.eventflow.model.design.Overflow.DROP_HEAD) {
                out.add("channel '" + c.id() + "': messages maxLength drops (drop-head) are not measured live"
                        + " (without a dead-letter exchange RabbitMQ reports them to no client): such a message is"
                        + " reported lost without a cause (a conservation violation)");
            }
        }
        return out;
    }

    @Override
    public List<Envelope> readBack(LiveChannel channel) throws LiveException {
        List<Envelope> out = new ArrayList<>();
        // Queues remove what they return: this run's messages are acked, others go back.
        try (Channel ch = admin().createChannel()) {
            for (GetResponse r = ch.basicGet(channel.name(), false);
                    r != null;
                    r = ch.basicGet(channel.name(), false)) {
                Envelope m = AmqpWire.read(r.getProps().getHeaders(), r.getBody(), -1);
                if (m != null) {
                    out.add(m);
                    ch.basicAck(r.getEnvelope().getDeliveryTag(), false);
                }
            }
        } catch (IOException | TimeoutException e) {
            throw new LiveException("could not read queue '" + channel.name() + "': " + rootMessage(e), e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            admin.close(5000);
        } catch (IOException | RuntimeException e) {
            admin.abort();
        }
        if (local != null) {
            local.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        Logger.debug(e, "RabbitMQ error");
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
