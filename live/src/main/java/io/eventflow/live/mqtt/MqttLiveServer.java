package io.eventflow.live.mqtt;

import io.eventflow.live.ConsumerSpec;
import io.eventflow.live.DeliveryHandler;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveProducer;
import io.eventflow.live.LiveServer;
import io.eventflow.live.ProducerSpec;
import io.eventflow.live.proxy.ProxyLink;
import io.eventflow.live.proxy.RoutedServices;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MqttTopic;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.tinylog.Logger;

/**
 * An MQTT broker for a live run: the embedded Moquette (MQTT 3.1.1), a private mosquitto, or the user's. Topics need
 * no creating; what the run leaves behind on the broker (retained messages, persistent sessions) is removed at the end.
 * MQTT has no admin API: queue depths cannot be read ({@link #depth} is -1), and what a group is owed but never got is
 * explained from what the clients saw (QoS 0, sessions that ended).
 */
final class MqttLiveServer implements LiveServer {
    private final MqttTarget target;
    private final String description;
    private final MqttLocalBroker local;
    private final boolean sharedSubscriptions;
    private final String prefix;
    /** Per channel id: the key fields of the publications on it (address parameters so named take the key). */
    private final Map<String, Set<String>> keyFields = new HashMap<>();
    /** Dead-letter channels (design ids): a collector reads them from the start. */
    private final Set<String> deadLetterChannels = new HashSet<>();

    private final List<LiveChannel> channels = new ArrayList<>();
    private final Set<String> retainedTopics = ConcurrentHashMap.newKeySet();
    /** Per channel name: message id -> when the broker took it (nanoTime). */
    private final Map<String, Map<Long, Long>> sends = new ConcurrentHashMap<>();
    /** Per group (broker name) and channel: what its clients saw. */
    private final Map<String, MqttGroupState> groups = new ConcurrentHashMap<>();
    /** Dead-letter channel name -> messages the collector holds. */
    private final Map<String, ConcurrentLinkedQueue<Envelope>> collected = new ConcurrentHashMap<>();

    private final AtomicLong lastCollected = new AtomicLong();
    /** The run's producers: a restart after a broker crash ends when they are connected again. */
    final Set<MqttLiveProducer> producers = ConcurrentHashMap.newKeySet();

    private MqttLink collector;

    MqttLiveServer(
            Design design,
            String brokerId,
            MqttTarget target,
            String description,
            MqttLocalBroker local,
            String prefix) {
        this.target = target;
        this.description = description;
        this.local = local;
        this.sharedSubscriptions = local == null || !local.moquette();
        this.prefix = prefix;
        for (Service s : design.services()) {
            for (Publication p : s.publishes()) {
                if (p.key() != null) {
                    keyFields.computeIfAbsent(p.channel(), k -> new HashSet<>()).add(p.key());
                }
            }
            for (Subscription sub : s.subscribes()) {
                if (sub.deadLetter() != null) {
                    deadLetterChannels.add(sub.deadLetter());
                }
                design.channel(sub.channel()).map(Channel::deadLetter).ifPresent(deadLetterChannels::add);
            }
        }
        deadLetterChannels.removeIf(
                id -> design.channel(id).map(c -> !brokerId.equals(c.broker())).orElse(true));
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean embedded() {
        return local != null;
    }

    MqttTarget target() {
        return target;
    }

    /**
     * Where a client of the design's service {@code service} connects: through its fault proxy link when the run
     * routes it, else to the server.
     */
    MqttTarget target(String service) {
        int port = local == null ? target.port() : local.port(service);
        return port == target.port()
                ? target
                : new MqttTarget(
                        target.host(),
                        port,
                        target.v5(),
                        target.tls(),
                        target.username(),
                        target.password(),
                        target.timeout(),
                        target.where() + " through the fault proxy",
                        target.setUp());
    }

    /**
     * The design service of a consumer's client id ({@code prefix + service#n@channel}): the routed service whose id
     * it starts with (the longest), or null.
     */
    String serviceOf(String clientId) {
        return local == null ? null : RoutedServices.serviceOf(clientId, prefix, local.routed());
    }

    /** Waits before a client's next reconnect attempt: {@code millis}, or until the crashed server is back. */
    void reconnectPause(long millis) throws InterruptedException {
        if (local == null) {
            Thread.sleep(millis);
        } else {
            local.pause(millis);
        }
    }

    /** True while the server this run started is crashed (between a broker-crash and its restart). */
    boolean down() {
        return local != null && local.down();
    }

    @Override
    public List<ProxyLink> links(String service) {
        return local == null ? List.of() : local.links(service);
    }

    @Override
    public void crashNode(int node) throws LiveException {
        if (local == null || node != 0) {
            throw new LiveException(
                    description + ": " + (local == null ? "not started by this run" : "has one node, 0"));
        }
        local.crash();
    }

    @Override
    public void restartNode(int node) throws LiveException {
        if (local == null || node != 0) {
            throw new LiveException(
                    description + ": " + (local == null ? "not started by this run" : "has one node, 0"));
        }
        local.restart();
        // For the clients the crash lasts until they are back: sends that fail before the producers reconnected
        // (every 250 ms) count as lost by the crash, not as network failures.
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < deadline && !producers.stream().allMatch(MqttLiveProducer::settled)) {
            sleep(20);
        }
    }

    /** True when groups read through shared subscriptions ({@code $share/GROUP/...}); Moquette has none. */
    boolean sharedSubscriptions() {
        return sharedSubscriptions;
    }

    Set<String> keyFields(String channelId) {
        return keyFields.getOrDefault(channelId, Set.of());
    }

    /**
     * MQTT topics exist when used: nothing to create. Dead-letter channels get a collector (a client subscribed at
     * QoS 2 from now on) that keeps what is sent to them for {@link #readBack}, as a queue would.
     */
    @Override
    public void createTopology(List<LiveChannel> list) throws LiveException {
        channels.addAll(list);
        List<LiveChannel> dlqs =
                list.stream().filter(c -> deadLetterChannels.contains(c.id())).toList();
        if (dlqs.isEmpty()) {
            return;
        }
        collector = new MqttLink(target, MqttTopics.clientId(prefix + "dead-letters"));
        Map<String, String> byFilter = new LinkedHashMap<>();
        dlqs.forEach(c -> {
            collected.put(c.name(), new ConcurrentLinkedQueue<>());
            byFilter.put(MqttTopics.filter(c.name()), c.name());
        });
        collector.onMessage(in -> {
            in.ack().run();
            if (in.message() == null) {
                return;
            }
            for (LiveChannel c : dlqs) {
                if (matches(MqttTopics.filter(c.name()), in.topic())) {
                    collected.get(c.name()).add(in.message());
                    lastCollected.set(System.nanoTime());
                    return;
                }
            }
        });
        collector.connect(true, 0, 65535);
        for (String filter : byFilter.keySet()) {
            collector.subscribe(filter, 2);
        }
    }

    /** MQTT topic matching of {@code topic} against {@code filter} ({@code +} one level, {@code #} the rest). */
    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }

    /** Clears the retained messages the run published and ends the persistent sessions its clients left. */
    @Override
    public void deleteTopology() {
        if (!retainedTopics.isEmpty()) {
            MqttLink cleaner = new MqttLink(target, MqttTopics.clientId(prefix + "cleanup"));
            try {
                cleaner.connect(true, 0, 65535);
                retainedTopics.forEach(cleaner::clearRetained);
                cleaner.disconnect();
            } catch (LiveException e) {
                Logger.warn("could not clear the run's retained messages on {}: {}", description, e.getMessage());
            }
            retainedTopics.clear();
        }
        for (MqttGroupState g : groups.values()) {
            if (!g.persistent) {
                continue;
            }
            for (String id : g.clientIds()) {
                MqttLink end = new MqttLink(target, id);
                try {
                    end.connect(true, 0, 65535);
                    end.disconnect();
                } catch (LiveException e) {
                    Logger.debug("ending session {}: {}", id, e.getMessage());
                }
            }
        }
    }

    @Override
    public LiveProducer producer(ProducerSpec spec) throws LiveException {
        return new MqttLiveProducer(this, spec);
    }

    /** A send the broker took (acknowledged, or written at QoS 0). */
    void sent(LiveChannel channel, String topic, long id, boolean retained) {
        sends.computeIfAbsent(channel.name(), k -> new ConcurrentHashMap<>()).put(id, System.nanoTime());
        if (retained) {
            retainedTopics.add(topic);
        }
    }

    MqttGroupState group(ConsumerSpec spec) {
        return groups.computeIfAbsent(spec.group() + "\u0000" + spec.channel().name(), k -> new MqttGroupState(spec));
    }

    @Override
    public LiveConsumer consumer(ConsumerSpec spec, DeliveryHandler handler) throws LiveException {
        return new MqttLiveConsumer(this, spec, handler, group(spec));
    }

    /** MQTT brokers do not tell queue depths over the protocol (mosquitto, Moquette): -1. */
    @Override
    public long depth(LiveChannel channel, String group) {
        return -1;
    }

    /**
     * What the group's persistent sessions still hold at the end: each of its clients (all closed by now) reconnects
     * with its session, and what the broker delivers in a second, unacknowledged, is still on the broker. Clean
     * sessions hold nothing once closed. Also what a client had received and not handed to processing when it closed
     * (in its hands, like a worker's unfinished delivery).
     */
    @Override
    public Set<Long> pending(LiveChannel channel, String group) throws LiveException {
        MqttGroupState g = groups.get(group + "\u0000" + channel.name());
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        if (g == null) {
            return ids;
        }
        synchronized (g) {
            ids.addAll(g.inHand);
        }
        if (!g.persistent || g.grantedQos == 0) {
            return new LinkedHashSet<>(ids);
        }
        for (String clientId : g.clientIds()) {
            MqttLink probe = new MqttLink(target, clientId);
            AtomicLong last = new AtomicLong(System.nanoTime());
            probe.onMessage(in -> {
                if (in.message() != null) {
                    ids.add(in.message().messageId());
                }
                last.set(System.nanoTime());
            });
            boolean resumed = probe.connect(false, g.sessionExpirySeconds, 65535);
            if (resumed) {
                long deadline = System.nanoTime() + 3_000_000_000L;
                while (System.nanoTime() < deadline && System.nanoTime() - last.get() < 700_000_000L) {
                    sleep(50);
                }
            }
            // no ack was sent: the messages stay in the session (ended by deleteTopology)
            probe.abort();
        }
        return new LinkedHashSet<>(ids);
    }

    /**
     * Owed messages the group never received, explained by what MQTT does: at QoS 0 (granted: the lower of the
     * channel's and the subscription's) nothing is queued or re-sent, so every one not received is lost ({@code qos0});
     * at QoS 1/2 a session that ended (a clean session's client crashed or left; a persistent one expired before its
     * client came back) takes what was queued for it ({@code cleanSession}, {@code sessionExpired}); messages a crashed
     * client had received but not handed to processing are lost with it ({@code crash}).
     */
    @Override
    public Map<Long, String> losses(LiveChannel channel, String group) {
        MqttGroupState g = groups.get(group + "\u0000" + channel.name());
        Map<Long, String> out = new HashMap<>();
        if (g == null) {
            return out;
        }
        Map<Long, Long> sent = sends.getOrDefault(channel.name(), Map.of());
        synchronized (g) {
            out.putAll(g.droppedInHand);
            sent.forEach((id, at) -> {
                if (id < 0 || id > Integer.MAX_VALUE || g.received.get((int) (long) id)) {
                    return;
                }
                if (g.grantedQos == 0) {
                    out.putIfAbsent(id, "qos0");
                    return;
                }
                for (MqttGroupState.Window w : g.windows) {
                    if (at >= w.from() && (w.to() < 0 || at <= w.to())) {
                        out.putIfAbsent(id, w.cause());
                        return;
                    }
                }
            });
        }
        return out;
    }

    /** Takes what the collector holds for a dead-letter channel (once nothing new came for a moment). */
    @Override
    public List<Envelope> readBack(LiveChannel channel) {
        ConcurrentLinkedQueue<Envelope> q = collected.get(channel.name());
        List<Envelope> out = new ArrayList<>();
        if (q == null) {
            return out;
        }
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline && System.nanoTime() - lastCollected.get() < 300_000_000L) {
            sleep(50);
        }
        for (Envelope e = q.poll(); e != null; e = q.poll()) {
            out.add(e);
        }
        return out;
    }

    static int grantedQos(ConsumerSpec spec) {
        int channelQos = MqttTopic.of(spec.channel().channel()).qosOrDefault();
        Integer subQos = spec.subscription().qos();
        return subQos == null ? channelQos : Math.min(channelQos, subQos);
    }

    @Override
    public void close() {
        if (collector != null) {
            collector.disconnect();
        }
        if (local != null) {
            local.close();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
