package io.eventflow.live.sqs;

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
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.TimeSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * An SQS broker for a live run (the embedded ElasticMQ or the user's). Topology: one queue per channel with the
 * design's visibility timeout, retention, long-polling wait and FIFO flag, and its dead-letter channel as the queue's
 * redrive policy (maxReceiveCount). Admin read-back: approximate counts for depth; receive (then visible again) for
 * pending, which cannot see messages a crashed consumer still holds invisible and, SQS having no peek, counts as a
 * receive towards maxReceiveCount (the run reads pending only at the end); receive and delete for read-back.
 */
final class SqsLiveServer implements LiveServer {
    private final Supplier<SqsClient> clients;
    private final SqsClient admin;
    private final String description;
    private final EmbeddedElasticMq embedded;
    /** The fault proxy in front of the embedded server (null: none): every design client goes through it. */
    private final FaultProxy proxy;
    /** Per routed design service, its own link; {@link #front} for every other client of the design. */
    private final Map<String, ProxyLink> links;

    private final ProxyLink front;
    private final String runPrefix;
    private final Map<String, String> urls = new ConcurrentHashMap<>();
    /** SQS queue name -> channel name, for the run's channels (a redrive-moved message names its source queue). */
    private final Map<String, String> channelOfQueue = new ConcurrentHashMap<>();

    private final Set<String> created = new LinkedHashSet<>();
    /** Messages crashed consumers received and left invisible (until the visibility timeout), by queue url. */
    private final Map<String, Set<Long>> invisible = new ConcurrentHashMap<>();

    SqsLiveServer(Supplier<SqsClient> clients, String description, EmbeddedElasticMq embedded) {
        this(clients, description, embedded, null, Map.of(), null, "");
    }

    /**
     * @param clients the run's own clients (admin: depth, read-back), connecting directly
     * @param proxy the fault proxy in front of the embedded server, closed with this server (null: none)
     * @param links per routed design service, its link of {@code proxy}
     * @param front the link of {@code proxy} every other client of the design connects through (null: direct)
     * @param runPrefix the run's prefix of client ids (to tell a consumer's service)
     */
    SqsLiveServer(
            Supplier<SqsClient> clients,
            String description,
            EmbeddedElasticMq embedded,
            FaultProxy proxy,
            Map<String, ProxyLink> links,
            ProxyLink front,
            String runPrefix) {
        this.clients = clients;
        this.admin = clients.get();
        this.description = description;
        this.embedded = embedded;
        this.proxy = proxy;
        this.links = Map.copyOf(links);
        this.front = front;
        this.runPrefix = runPrefix;
    }

    /** A client for design service {@code service} (null: unknown): through its link, the front link, or direct. */
    private SqsClient clientFor(String service) {
        ProxyLink link = service == null ? null : links.get(service);
        if (link == null) {
            link = front;
        }
        return link == null ? clients.get() : EmbeddedElasticMq.client(link.port());
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
     * A {@code broker-crash} on SQS is an outage of the endpoint (SQS has no nodes; the simulator models a regional
     * outage): every connection of the design's clients to it is reset (each request fails once the SDK's retries
     * are spent), while ElasticMQ keeps running with what its queues store, as SQS keeps stored messages.
     */
    @Override
    public void crashNode(int node) throws LiveException {
        outage(node, true);
    }

    /** The end of the outage: the clients' requests go through again. */
    @Override
    public void restartNode(int node) throws LiveException {
        outage(node, false);
    }

    private void outage(int node, boolean on) throws LiveException {
        if (front == null) {
            throw new LiveException(description + " is not one this run started: its outage is not run live");
        }
        if (node != 0) {
            throw new LiveException("SQS has no nodes: a broker-crash names node 0 (an outage), not " + node);
        }
        double percent = on ? 100 : 0;
        for (ProxyLink l : proxy.links()) {
            l.drop(ProxyLink.Direction.UP, percent);
            l.drop(ProxyLink.Direction.DOWN, percent);
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

    String url(LiveChannel channel) {
        return urls.computeIfAbsent(SqsWire.queueName(channel), name -> admin.getQueueUrl(b -> b.queueName(name))
                .queueUrl());
    }

    @Override
    public synchronized void createTopology(List<LiveChannel> channels) throws LiveException {
        Map<String, LiveChannel> byId = new HashMap<>();
        channels.forEach(c -> byId.put(c.id(), c));
        channels.forEach(c -> channelOfQueue.put(SqsWire.queueName(c), c.name()));
        for (LiveChannel c : channels) {
            boolean exists = exists(SqsWire.queueName(c));
            if (c.existing() && !exists) {
                throw new LiveException("channel '" + c.id() + "' is mapped to queue '" + SqsWire.queueName(c)
                        + "', which does not exist on " + description);
            }
            if (!c.existing() && exists) {
                throw new LiveException("channel '" + c.id() + "': queue '" + SqsWire.queueName(c)
                        + "' exists already on " + description + " and was not made by this run");
            }
        }
        // Dead-letter queues first: a redrive policy names its target's ARN.
        List<LiveChannel> ordered = new ArrayList<>(channels);
        ordered.sort((a, b) -> Boolean.compare(isSource(a), isSource(b)));
        try {
            for (LiveChannel c : ordered) {
                if (c.existing()) {
                    continue;
                }
                LiveChannel dlq = c.channel().deadLetter() == null
                        ? null
                        : byId.get(c.channel().deadLetter());
                Map<QueueAttributeName, String> attrs = attributes(c, dlq);
                String name = SqsWire.queueName(c);
                String url = admin.createQueue(b -> b.queueName(name).attributes(attrs))
                        .queueUrl();
                urls.put(name, url);
                created.add(url);
            }
        } catch (SqsException e) {
            throw new LiveException(
                    "SQS refused the topology: " + e.awsErrorDetails().errorMessage(), e);
        }
    }

    private static boolean isSource(LiveChannel c) {
        return c.channel().deadLetter() != null;
    }

    private boolean exists(String name) {
        try {
            admin.getQueueUrl(b -> b.queueName(name));
            return true;
        } catch (QueueDoesNotExistException e) {
            return false;
        }
    }

    private Map<QueueAttributeName, String> attributes(LiveChannel c, LiveChannel dlq) {
        SqsQueue sqs = SqsQueue.of(c.channel());
        Map<QueueAttributeName, String> attrs = new HashMap<>();
        attrs.put(QueueAttributeName.VISIBILITY_TIMEOUT, seconds(sqs.visibilityTimeoutOrDefault()));
        attrs.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, seconds(sqs.messageRetentionOrDefault()));
        if (sqs.receiveWait() != null) {
            attrs.put(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, seconds(sqs.receiveWait()));
        }
        if (sqs.isFifo()) {
            attrs.put(QueueAttributeName.FIFO_QUEUE, "true");
        }
        if (dlq != null && sqs.maxReceiveCount() != null) {
            String arn = admin.getQueueAttributes(
                            b -> b.queueUrl(url(dlq)).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            attrs.put(
                    QueueAttributeName.REDRIVE_POLICY,
                    "{\"maxReceiveCount\":\"" + sqs.maxReceiveCount() + "\",\"deadLetterTargetArn\":\"" + arn + "\"}");
        }
        return attrs;
    }

    private static String seconds(TimeSpan t) {
        return Long.toString(Math.max(0, Math.round(t.seconds())));
    }

    @Override
    public synchronized void deleteTopology() throws LiveException {
        try {
            for (String url : created) {
                admin.deleteQueue(b -> b.queueUrl(url));
            }
        } catch (SqsException e) {
            throw new LiveException("could not delete the run's SQS queues: " + e.getMessage(), e);
        }
        created.clear();
    }

    @Override
    public LiveProducer producer(ProducerSpec spec) {
        return new SqsLiveProducer(clientFor(spec.service()), this::url);
    }

    @Override
    public LiveConsumer consumer(ConsumerSpec spec, DeliveryHandler handler) {
        String url = url(spec.channel());
        return new SqsLiveConsumer(
                clientFor(serviceOf(spec.clientId())), url, spec, handler, channelOfQueue::get, id -> invisible
                        .computeIfAbsent(url, k -> ConcurrentHashMap.newKeySet())
                        .add(id));
    }

    @Override
    public long depth(LiveChannel channel, String group) {
        try {
            Map<QueueAttributeName, String> a = admin.getQueueAttributes(b -> b.queueUrl(url(channel))
                            .attributeNames(
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributes();
            return Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    + Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public Set<Long> pending(LiveChannel channel, String group) throws LiveException {
        Set<Long> ids = new LinkedHashSet<>();
        List<String> handles = new ArrayList<>();
        try {
            for (int round = 0; round < 10_000; round++) {
                List<Message> got = admin.receiveMessage(b -> b.queueUrl(url(channel))
                                .maxNumberOfMessages(10)
                                .visibilityTimeout(60)
                                .messageAttributeNames("All")
                                .attributeNamesWithStrings(SqsWire.SOURCE_ARN))
                        .messages();
                if (got.isEmpty()) {
                    break;
                }
                for (Message m : got) {
                    handles.add(m.receiptHandle());
                    Envelope e = SqsWire.read(m, channelOfQueue::get);
                    if (e != null) {
                        ids.add(e.messageId());
                    }
                }
            }
        } catch (SqsException e) {
            throw new LiveException("could not read queue '" + SqsWire.queueName(channel) + "': " + e.getMessage(), e);
        } finally {
            // Visible again, as they were.
            for (String h : handles) {
                try {
                    admin.changeMessageVisibility(
                            b -> b.queueUrl(url(channel)).receiptHandle(h).visibilityTimeout(0));
                } catch (RuntimeException e) {
                    org.tinylog.Logger.debug("visibility change failed: {}", e.getMessage());
                }
            }
        }
        // Received by a crashed consumer and not handed over: still on the queue while some are invisible.
        if (notVisible(channel) > 0) {
            ids.addAll(invisible.getOrDefault(url(channel), Set.of()));
        }
        return ids;
    }

    private long notVisible(LiveChannel channel) {
        try {
            return Long.parseLong(admin.getQueueAttributes(b -> b.queueUrl(url(channel))
                            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** SQS deletes a message its retention period expired without telling any client. */
    @Override
    public List<String> unmeasured(List<LiveChannel> channels) {
        List<String> out = new ArrayList<>();
        for (LiveChannel c : channels) {
            var retention = io.eventflow.model.design.SqsQueue.of(c.channel()).messageRetention();
            if (retention != null) {
                out.add("channel '" + c.id() + "': messages its messageRetention (" + retention + ") deletes are not"
                        + " measured live (SQS tells no client): expired stays 0 and such a message is reported lost"
                        + " without a cause (a conservation violation)");
            }
        }
        return out;
    }

    @Override
    public List<Envelope> readBack(LiveChannel channel) throws LiveException {
        List<Envelope> out = new ArrayList<>();
        try {
            for (int round = 0; round < 10_000; round++) {
                List<Message> got = admin.receiveMessage(b -> b.queueUrl(url(channel))
                                .maxNumberOfMessages(10)
                                .messageAttributeNames("All")
                                .attributeNamesWithStrings(SqsWire.SOURCE_ARN))
                        .messages();
                if (got.isEmpty()) {
                    break;
                }
                for (Message m : got) {
                    Envelope e = SqsWire.read(m, channelOfQueue::get);
                    if (e != null) {
                        out.add(e);
                        admin.deleteMessage(b -> b.queueUrl(url(channel)).receiptHandle(m.receiptHandle()));
                    }
                }
            }
        } catch (SqsException e) {
            throw new LiveException("could not read queue '" + SqsWire.queueName(channel) + "': " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() {
        admin.close();
        if (proxy != null) {
            proxy.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
