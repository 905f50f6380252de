package io.eventflow.live.mqtt;

import io.eventflow.live.Endpoint;
import io.eventflow.live.LiveConnector;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveOptions;
import io.eventflow.live.LiveServer;
import io.eventflow.live.server.LocalServer;
import io.eventflow.live.server.ServerUnavailableException;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.ExactlyOnceMechanism;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * MQTT in live mode with the HiveMQ MQTT client (MQTT 5, or 3.1.1 where the design's {@code protocolVersion} says
 * 3.x). Without an endpoint: the in-process Moquette (MQTT 3.1.1) where it can run the design, else a private
 * mosquitto ({@link MqttServers}). Endpoint: {@code tcp://HOST:PORT} (also {@code mqtt://}, or {@code ssl://} /
 * {@code mqtts://} for TLS, or {@code HOST:PORT}); settings {@code username}, {@code password} (a secret).
 */
public final class MqttConnector implements LiveConnector {
    @Override
    public BrokerKind kind() {
        return BrokerKind.MQTT;
    }

    /** True: Moquette in-process, or a private mosquitto where the design needs MQTT 5 ({@link #unsupported}). */
    @Override
    public boolean embeddable() {
        return true;
    }

    @Override
    public List<String> unsupported(Design design, Broker broker, boolean embedded) {
        List<String> out = new ArrayList<>();
        if (embedded) {
            List<String> features = MqttServers.mqtt5Features(design, broker);
            if (!features.isEmpty() && LocalMosquittoServer.program().isEmpty()) {
                out.add(MqttServers.refusal(broker, features));
            }
        }
        for (Service s : design.services()) {
            boolean onBroker = s.publishes().stream().anyMatch(p -> on(design, p.channel(), broker))
                    || s.subscribes().stream().anyMatch(p -> on(design, p.channel(), broker));
            if (!onBroker) {
                continue;
            }
            for (Subscription sub : s.subscribes()) {
                if (on(design, sub.channel(), broker) && sub.mechanism() == ExactlyOnceMechanism.TRANSACTIONAL) {
                    out.add("service '" + s.id() + "' on channel '" + sub.channel()
                            + "': exactly-once with mechanism transactional has no MQTT form (use dedup)");
                }
            }
            if (!s.requests().isEmpty()) {
                out.add("service '" + s.id() + "': request/reply is not run live yet");
            }
        }
        return out;
    }

    private static boolean on(Design d, String channelId, Broker broker) {
        return d.channel(channelId)
                .map(Channel::broker)
                .map(broker.id()::equals)
                .orElse(false);
    }

    /** The design is needed to pick the server and protocol version: see {@link #start(Design, Broker, ...)}. */
    @Override
    public LiveServer start(Broker broker, Endpoint endpoint, LiveOptions options) throws LiveException {
        return start(Design.empty(broker.id()).withBrokers(List.of(broker)), broker, endpoint, options);
    }

    /** True: a server the run started (Moquette or mosquitto) has a fault proxy link per routed service in front. */
    @Override
    public boolean routesThroughProxy() {
        return true;
    }

    /** True: a server the run started crashes (Moquette stops at once, mosquitto gets kill -9) and restarts. */
    @Override
    public boolean crashesNodes() {
        return true;
    }

    @Override
    public LiveServer start(Broker broker, Endpoint endpoint, LiveOptions options, List<String> routed)
            throws LiveException {
        return start(Design.empty(broker.id()).withBrokers(List.of(broker)), broker, endpoint, options, routed);
    }

    @Override
    public LiveServer start(Design design, Broker broker, Endpoint endpoint, LiveOptions options) throws LiveException {
        return start(design, broker, endpoint, options, List.of());
    }

    @Override
    public LiveServer start(Design design, Broker broker, Endpoint endpoint, LiveOptions options, List<String> routed)
            throws LiveException {
        boolean asks3 = broker.protocolVersion() != null
                && broker.protocolVersion().trim().startsWith("3");
        if (endpoint == null) {
            MqttLocalBroker local;
            try {
                local = new MqttLocalBroker(MqttServers.start(design, broker), routed);
            } catch (ServerUnavailableException e) {
                throw new LiveException("broker '" + broker.id() + "': " + e.getMessage(), e);
            }
            LocalServer server = local.server();
            boolean v5 = !local.moquette() && !asks3;
            MqttTarget target = new MqttTarget(
                    "127.0.0.1",
                    server.port(),
                    v5,
                    false,
                    null,
                    null,
                    options.connectTimeout(),
                    "broker '" + broker.id() + "' at " + server.endpoint(),
                    local.moquette() ? local : null);
            String what = (local.moquette() ? "embedded " : "local ") + server.description() + " at "
                    + server.endpoint() + ", started in " + server.startTime().toMillis() + " ms, clients MQTT "
                    + (v5 ? "5" : "3.1.1")
                    + (routed.isEmpty()
                            ? ""
                            : ", clients of " + String.join(", ", routed) + " through the fault proxy");
            return started(design, broker, target, what, local, options);
        }
        URI uri;
        try {
            uri = URI.create(endpoint.address().contains("://") ? endpoint.address() : "tcp://" + endpoint.address());
        } catch (IllegalArgumentException e) {
            throw new LiveException(endpoint.describe() + ": not an MQTT address (tcp://HOST:PORT): " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "tcp" : uri.getScheme();
        boolean tls = scheme.equals("ssl") || scheme.equals("mqtts") || scheme.equals("tls");
        if (!tls && !scheme.equals("tcp") && !scheme.equals("mqtt")) {
            throw new LiveException(endpoint.describe() + ": scheme '" + scheme
                    + "' is not an MQTT one (tcp://, mqtt://, ssl://, mqtts://)");
        }
        if (uri.getHost() == null) {
            throw new LiveException(endpoint.describe() + ": no host in the address (tcp://HOST:PORT)");
        }
        MqttTarget target = new MqttTarget(
                uri.getHost(),
                uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883,
                !asks3,
                tls,
                endpoint.properties().get("username"),
                endpoint.properties().get("password"),
                options.connectTimeout(),
                endpoint.describe());
        return started(
                design,
                broker,
                target,
                endpoint.describe() + ", clients MQTT " + (asks3 ? "3.1.1" : "5"),
                null,
                options);
    }

    /**
     * What the report cannot show for an MQTT broker, for the run's notes: queue depths (MQTT has no way to ask
     * them), and the design's last wills (not set live).
     */
    static String limits(Design design, Broker broker) {
        StringBuilder b =
                new StringBuilder("; queue depths are not readable over MQTT, so maxLag and maxDepth are not measured");
        List<String> wills = new ArrayList<>();
        for (Service s : design.services()) {
            s.publishes().stream()
                    .filter(p -> p.isWill() && on(design, p.channel(), broker))
                    .forEach(p -> wills.add(s.id() + " on " + p.channel()));
        }
        if (!wills.isEmpty()) {
            b.append("; last wills are not set live (")
                    .append(String.join(", ", wills))
                    .append(")");
        }
        return b.toString();
    }

    /** The server, once a first client could connect (unreachable, refused and unauthenticated endpoints fail here). */
    private static LiveServer started(
            Design design,
            Broker broker,
            MqttTarget target,
            String description,
            MqttLocalBroker local,
            LiveOptions options)
            throws LiveException {
        MqttLink probe = new MqttLink(target, MqttTopics.clientId(options.runPrefix() + "probe"));
        try {
            probe.connect(true, 0, 65535);
            probe.disconnect();
            return new MqttLiveServer(
                    design, broker.id(), target, description + limits(design, broker), local, options.runPrefix());
        } catch (LiveException | RuntimeException e) {
            if (local != null) {
                local.close();
            }
            throw e;
        }
    }
}
