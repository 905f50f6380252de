package io.eventflow.live.jms;

import io.eventflow.live.ConsumerSpec;
import io.eventflow.live.DeliveryHandler;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveProducer;
import io.eventflow.live.LiveServer;
import io.eventflow.live.ProducerSpec;
import io.eventflow.live.proxy.FaultProxy;
import io.eventflow.live.proxy.ProxyLink;
import io.eventflow.live.proxy.RoutedServices;
import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.JmsDestination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.ActiveMQConnection;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.command.ActiveMQDestination;
import org.apache.activemq.command.ActiveMQQueue;
import org.apache.activemq.command.ActiveMQTopic;
import org.tinylog.Logger;

/**
 * A JMS broker (ActiveMQ Classic) for a live run: in-process, or the user's. Queues are read as they are; a topic is
 * read per group through the group's virtual-topic queue {@code Consumer.GROUP.TOPIC}, which the group's instances
 * share. A durable group's queue lives from its first subscriber on; a non-durable group's queue is destroyed when
 * its last instance goes, so what is published while no instance is connected is lost for it, as on a non-durable
 * subscription.
 */
final class JmsLiveServer implements LiveServer {
    private final ActiveMQConnectionFactory factory;
    private volatile ActiveMQConnection admin;
    private final String description;
    private final EmbeddedActiveMq embedded;
    /** Per routed design service: its fault proxy link to the embedded broker. */
    private final Map<String, ProxyLink> links;

    private final FaultProxy proxy;
    private final String runPrefix;
    /** Non-durable topic group queues a broker crash ended: their first instance back ends the absence. */
    private final Set<String> endedByCrash = ConcurrentHashMap.newKeySet();

    private final Set<ActiveMQDestination> created = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> groupInstances = new ConcurrentHashMap<>();
    /** Group queues of non-durable topic subscriptions. */
    private final Set<String> nonDurableGroups = ConcurrentHashMap.newKeySet();
    /** Non-durable topic groups: when each was without a subscription (nanoTime intervals), by group queue. */
    private final Map<String, List<long[]>> absences = new ConcurrentHashMap<>();
    /** Non-durable topic groups: what their subscription held when its last instance went, by group queue. */
    private final Map<String, Map<Long, String>> droppedWithSubscription = new ConcurrentHashMap<>();
    /** Sends to topics: message id and send time, by topic name (to tell what was sent while a group was away). */
    private final Map<String, Map<Long, Long>> topicSends = new ConcurrentHashMap<>();

    private final long startNanos = System.nanoTime();

    JmsLiveServer(ActiveMQConnectionFactory factory, String description, EmbeddedActiveMq embedded)
            throws JMSException {
        this(factory, description, embedded, null, Map.of(), "");
    }

    /**
     * @param proxy the fault proxy in front of the embedded broker (null: none), closed with the server
     * @param links per routed design service, its link of {@code proxy}
     * @param runPrefix the run's prefix of client ids (to tell a consumer's service)
     */
    JmsLiveServer(
            ActiveMQConnectionFactory factory,
            String description,
            EmbeddedActiveMq embedded,
            FaultProxy proxy,
            Map<String, ProxyLink> links,
            String runPrefix)
            throws JMSException {
        this.factory = factory;
        this.description = description;
        this.embedded = embedded;
        this.proxy = proxy;
        this.links = Map.copyOf(links);
        this.runPrefix = runPrefix;
        this.admin = (ActiveMQConnection) factory.createConnection();
        admin.start();
    }

    /** The connection factory for clients of design service {@code service}: through its link when routed. */
    private ActiveMQConnectionFactory factoryFor(String service) {
        ProxyLink link = service == null ? null : links.get(service);
        if (link == null) {
            return factory;
        }
        ActiveMQConnectionFactory f = factory.copy();
        f.setBrokerURL("tcp://127.0.0.1:" + link.port());
        return f;
    }

    /** The routed design service a consumer's client id ({@code prefix + service#n@channel}) belongs to, or null. */
    private String serviceOf(String clientId) {
        return RoutedServices.serviceOf(clientId, runPrefix, links.keySet());
    }

    @Override
    public List<ProxyLink> links(String service) {
        ProxyLink l = links.get(service);
        return l == null ? List.of() : List.of(l);
    }

    /**
     * Crashes the embedded broker (its only node): every connection is cut, sends fail until the restart. The broker
     * keeps nothing (no persistence): what it held is gone, which no client sees (the run counts it {@code unknown},
     * with a note). A non-durable topic group's subscription ends with the broker: what is published after the
     * restart before one of its instances subscribed again is lost for it ({@code notSubscribed}).
     */
    @Override
    public void crashNode(int node) throws LiveException {
        if (embedded == null) {
            throw new LiveException(description + " is not one this run started: it is not crashed live");
        }
        if (node != 0) {
            throw new LiveException("the embedded ActiveMQ has one node (0), not " + node);
        }
        List<String> nonDurable = new ArrayList<>();
        nonDurableGroups.forEach(source -> {
            if (groupInstances.getOrDefault(source, 0) > 0) {
                nonDurable.add(source);
            }
        });
        embedded.crash();
        long now = System.nanoTime();
        for (String source : nonDurable) {
            List<long[]> list = absences.computeIfAbsent(source, k -> new ArrayList<>());
            synchronized (list) {
                list.add(new long[] {now, -1});
            }
            endedByCrash.add(source);
        }
    }

    @Override
    public void restartNode(int node) throws LiveException {
        if (embedded == null || node != 0) {
            throw new LiveException(description + ": no node " + node + " to restart");
        }
        try {
            embedded.restart();
        } catch (RuntimeException e) {
            throw new LiveException(e.getMessage(), e);
        }
        ActiveMQConnection old = admin;
        JmsLiveConsumer.dropTransport(old);
        try {
            old.close();
        } catch (JMSException | RuntimeException e) {
            Logger.debug("admin connection: {}", e.getMessage());
        }
        try {
            ActiveMQConnection fresh = (ActiveMQConnection) factory.createConnection();
            fresh.start();
            admin = fresh;
        } catch (JMSException e) {
            throw new LiveException("the restarted ActiveMQ refused the admin connection: " + e.getMessage(), e);
        }
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
        Set<String> existing = embedded != null ? Set.of() : existingNames();
        for (LiveChannel c : channels) {
            boolean exists = existing.contains(c.name());
            if (c.existing()) {
                continue;
            }
            if (exists) {
                throw new LiveException("channel '" + c.id() + "': destination '" + c.name() + "' exists already on "
                        + description + " and was not made by this run");
            }
            created.add(
                    JmsDestination.of(c.channel()).isTopic()
                            ? new ActiveMQTopic(c.name())
                            : new ActiveMQQueue(c.name()));
            Integer max = AmqpQueue.of(c.channel()).maxLength();
            if (embedded != null
                    && max != null
                    && !JmsDestination.of(c.channel()).isTopic()) {
                embedded.limitQueue(c.name(), max);
            }
        }
        // JMS destinations come into being when first used: nothing to declare.
    }

    /** Names of the user's broker's queues and topics (advisory messages; empty where advisories are off). */
    private Set<String> existingNames() {
        Set<String> names = new LinkedHashSet<>();
        try {
            var source = admin.getDestinationSource();
            source.start();
            Thread.sleep(500);
            source.getQueues().forEach(q -> names.add(q.getPhysicalName()));
            source.getTopics().forEach(t -> names.add(t.getPhysicalName()));
            source.stop();
        } catch (JMSException e) {
            Logger.debug("destination list: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return names;
    }

    @Override
    public void deleteTopology() {
        for (ActiveMQDestination d : created) {
            destroy(d);
        }
        created.clear();
    }

    private void destroy(ActiveMQDestination d) {
        try {
            admin.destroyDestination(d);
        } catch (JMSException e) {
            Logger.debug("could not destroy {}: {}", d, e.getMessage());
        }
    }

    @Override
    public LiveProducer producer(ProducerSpec spec) throws LiveException {
        return new JmsLiveProducer(factoryFor(spec.service()), spec, (channel, id) -> {
            if (JmsDestination.of(channel.channel()).isTopic()) {
                topicSends
                        .computeIfAbsent(channel.name(), k -> new ConcurrentHashMap<>())
                        .put(id, System.nanoTime());
            }
        });
    }

    /** The queue a group reads a channel from: the channel's queue, or the group's virtual-topic queue. */
    static String source(LiveChannel channel, String group) {
        return JmsDestination.of(channel.channel()).isTopic()
                ? EmbeddedActiveMq.groupQueue(group, channel.name())
                : channel.name();
    }

    @Override
    public LiveConsumer consumer(ConsumerSpec spec, DeliveryHandler handler) {
        String source = source(spec.channel(), spec.group());
        boolean topic = JmsDestination.of(spec.channel().channel()).isTopic();
        boolean durable = Boolean.TRUE.equals(spec.subscription().durable());
        if (topic) {
            created.add(new ActiveMQQueue(source));
            if (!durable) {
                nonDurableGroups.add(source);
            }
        }
        return new JmsLiveConsumer(
                factoryFor(serviceOf(spec.clientId())),
                spec,
                handler,
                source,
                () -> {
                    if (groupInstances.merge(source, 1, Integer::sum) == 1 && topic && !durable) {
                        closeAbsence(source);
                    }
                },
                () -> {
                    if (endedByCrash.remove(source)) {
                        closeAbsence(source);
                    }
                },
                crashed -> {
                    int now = groupInstances.merge(source, -1, Integer::sum);
                    if (topic && !durable && now <= 0) {
                        // The last instance of a non-durable subscription went: the subscription and what it held go.
                        absences.computeIfAbsent(source, k -> new ArrayList<>())
                                .add(new long[] {System.nanoTime(), -1});
                        dropSubscription(source, crashed ? "crash" : "notSubscribed");
                    }
                });
    }

    /** Ends a group queue's absence (its first instance subscribed); the first absence runs from the start. */
    private void closeAbsence(String source) {
        List<long[]> list = absences.computeIfAbsent(source, k -> new ArrayList<>());
        synchronized (list) {
            if (list.isEmpty()) {
                list.add(new long[] {startNanos, System.nanoTime()});
            } else if (list.get(list.size() - 1)[1] < 0) {
                list.get(list.size() - 1)[1] = System.nanoTime();
            }
        }
    }

    /** Notes what the group queue holds, then destroys it. */
    private void dropSubscription(String source, String cause) {
        ActiveMQQueue queue = new ActiveMQQueue(source);
        Map<Long, String> dropped = droppedWithSubscription.computeIfAbsent(source, k -> new ConcurrentHashMap<>());
        try (Session session = admin.createSession(false, Session.AUTO_ACKNOWLEDGE);
                QueueBrowser browser = session.createBrowser(queue)) {
            for (Object o : Collections.list(browser.getEnumeration())) {
                Envelope e = JmsWire.read((Message) o);
                if (e != null) {
                    dropped.put(e.messageId(), cause);
                }
            }
        } catch (JMSException e) {
            Logger.debug("could not browse {}: {}", source, e.getMessage());
        }
        destroyWhenIdle(queue);
    }

    /**
     * Non-durable topic groups: what their subscription held when its last instance went (lost with it: crash, or
     * notSubscribed on a clean leave), and what was published to the topic while the group had no subscription
     * (notSubscribed).
     */
    @Override
    public Map<Long, String> losses(LiveChannel channel, String group) {
        String source = source(channel, group);
        Map<Long, String> out = new java.util.HashMap<>(droppedWithSubscription.getOrDefault(source, Map.of()));
        List<long[]> gaps = absences.getOrDefault(source, List.of());
        synchronized (gaps) {
            topicSends.getOrDefault(channel.name(), Map.of()).forEach((id, at) -> {
                for (long[] gap : gaps) {
                    if (at >= gap[0] && (gap[1] < 0 || at <= gap[1])) {
                        out.putIfAbsent(id, "notSubscribed");
                    }
                }
            });
        }
        return out;
    }

    /** Destroys a queue once the broker has seen its consumers go (a crashed one takes a moment). */
    private void destroyWhenIdle(ActiveMQQueue queue) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                admin.destroyDestination(queue);
                return;
            } catch (JMSException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        Logger.warn("the non-durable subscription queue {} still has consumers: kept", queue.getPhysicalName());
    }

    @Override
    public long depth(LiveChannel channel, String group) {
        return embedded == null ? -1 : Math.max(-1, embedded.storedCount(source(channel, group)));
    }

    @Override
    public Set<Long> pending(LiveChannel channel, String group) throws LiveException {
        Set<Long> ids = new LinkedHashSet<>();
        try (Session session = admin.createSession(false, Session.AUTO_ACKNOWLEDGE);
                QueueBrowser browser = session.createBrowser(session.createQueue(source(channel, group)))) {
            for (Object o : Collections.list(browser.getEnumeration())) {
                Envelope e = JmsWire.read((Message) o);
                if (e != null) {
                    ids.add(e.messageId());
                }
            }
        } catch (JMSException e) {
            throw new LiveException("could not browse '" + source(channel, group) + "': " + e.getMessage(), e);
        }
        return ids;
    }

    @Override
    public List<Envelope> readBack(LiveChannel channel) throws LiveException {
        List<Envelope> out = new ArrayList<>();
        if (JmsDestination.of(channel.channel()).isTopic()) {
            return out;
        }
        try (Session session = admin.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue(channel.name()))) {
            for (Message m = consumer.receive(1000); m != null; m = consumer.receive(300)) {
                Envelope e = JmsWire.read(m);
                if (e != null) {
                    out.add(e);
                    m.acknowledge();
                }
            }
        } catch (JMSException e) {
            throw new LiveException("could not read '" + channel.name() + "': " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            admin.close();
        } catch (JMSException e) {
            JmsLiveConsumer.dropTransport(admin);
        }
        if (embedded != null) {
            embedded.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }
}
