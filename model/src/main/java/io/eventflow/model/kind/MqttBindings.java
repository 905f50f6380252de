package io.eventflow.model.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MqttTopic;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MQTT's AsyncAPI bindings: QoS and retain on operations, and the server binding. That one describes one client's
 * connection (client id, clean session or session expiry, last will); the design keeps those on subscriptions ({@code
 * sessionExpiry}) and publications ({@code will}), so the binding is written only when exactly one exported service
 * connects to the broker, made up from those settings and marked {@link #DERIVED}; the design settings themselves
 * travel in the operations' {@code x-eventflow}, and the import drops a derived binding.
 */
final class MqttBindings implements KindBindings {
    static final String VERSION = "0.2.0";

    @Override
    public List<Protocol> protocols() {
        return List.of(new Protocol(
                "mqtt",
                Set.of("0.2.0"),
                Map.of(
                        "server",
                        List.of(
                                "clientId",
                                "cleanSession",
                                "lastWill",
                                "keepAlive",
                                "sessionExpiryInterval",
                                "maximumPacketSize"),
                        "operation",
                        List.of("qos", "retain", "messageExpiryInterval"),
                        "message",
                        List.of("payloadFormatIndicator", "correlationData", "contentType", "responseTopic"))));
    }

    @Override
    public void writeSend(Service service, Channel c, Design design, ObjectNode bindings) {
        if (MqttTopic.of(c).isEmpty()) {
            return;
        }
        ObjectNode m = bindings.putObject("mqtt");
        Nodes.put(m, "qos", MqttTopic.of(c).qos());
        Nodes.put(m, "retain", MqttTopic.of(c).retained());
        m.put("bindingVersion", VERSION);
    }

    @Override
    public void writeReceive(Service service, Subscription sub, ObjectNode bindings, Set<String> emitted) {
        if (sub.qos() != null) {
            bindings.putObject("mqtt").put("qos", sub.qos()).put("bindingVersion", VERSION);
            emitted.add("qos");
        }
    }

    @Override
    public void readSend(ObjectNode bindings, String service, ObjectNode channel) {
        ObjectNode mqtt = Nodes.obj(bindings.get("mqtt"));
        if (mqtt != null && channel != null) {
            moveIfAbsent(mqtt, "qos", channel, "qos");
            moveIfAbsent(mqtt, "retain", channel, "retained");
            Nodes.dropLoneVersion(mqtt, VERSION);
        }
    }

    private static void moveIfAbsent(ObjectNode from, String key, ObjectNode to, String toKey) {
        JsonNode v = from.get(key);
        if (v != null && (v.isInt() || v.isBoolean())) {
            if (!to.has(toKey)) {
                to.set(toKey, v);
            }
            if (to.get(toKey).equals(v)) {
                from.remove(key);
            }
        }
    }

    @Override
    public void readReceive(ObjectNode bindings, String service, ObjectNode t) {
        ObjectNode mqtt = Nodes.obj(bindings.get("mqtt"));
        if (mqtt != null && mqtt.get("qos") != null && mqtt.get("qos").isInt()) {
            t.put("qos", mqtt.get("qos").intValue());
            mqtt.remove("qos");
            Nodes.dropLoneVersion(mqtt, VERSION);
        }
    }

    @Override
    public String derivedServerBinding() {
        return "mqtt";
    }

    /** The binding for the one service connecting to {@code b}, or null when none or several do. */
    @Override
    public ObjectNode deriveServer(Design design, List<Service> services, Broker b) {
        List<Service> clients = services.stream()
                .filter(s -> s.publishes().stream().anyMatch(p -> on(design, p.channel(), b))
                        || s.subscribes().stream().anyMatch(sub -> on(design, sub.channel(), b)))
                .toList();
        if (clients.size() != 1) {
            return null;
        }
        Service s = clients.get(0);
        ObjectNode m = Nodes.NF.objectNode();
        m.put("clientId", s.id());
        List<Subscription> subs = s.subscribes().stream()
                .filter(sub -> on(design, sub.channel(), b))
                .toList();
        if (!subs.isEmpty()) {
            long expiry = subs.stream()
                    .mapToLong(sub -> sub.sessionExpiry() == null
                            ? 0
                            : sub.sessionExpiry().nanos())
                    .max()
                    .orElse(0);
            m.put("cleanSession", expiry == 0);
            if (expiry > 0) {
                m.put("sessionExpiryInterval", (expiry + 999_999_999L) / 1_000_000_000L);
            }
        }
        for (Publication p : s.publishes()) {
            Channel c = design.channel(p.channel()).orElse(null);
            if (p.isWill() && c != null && b.id().equals(c.broker())) {
                ObjectNode will = m.putObject("lastWill");
                will.put("topic", c.effectiveAddress());
                Nodes.put(will, "qos", MqttTopic.of(c).qos());
                String message = p.message() != null
                        ? p.message()
                        : c.messages().size() == 1 ? c.messages().get(0) : null;
                Nodes.put(will, "message", message);
                Nodes.put(will, "retain", MqttTopic.of(c).retained());
                break;
            }
        }
        m.put(DERIVED, true);
        m.put("bindingVersion", VERSION);
        return m;
    }

    private static boolean on(Design design, String channelId, Broker b) {
        return design.channel(channelId).map(c -> b.id().equals(c.broker())).orElse(false);
    }

    /**
     * The session expiry a document's own server binding gives its application's subscriptions ({@code
     * sessionExpiryInterval} in seconds, when above 0), as a design duration. The binding itself is kept verbatim.
     */
    @Override
    public Map<String, String> subscriptionDefaults(ObjectNode server) {
        ObjectNode mqtt = Nodes.obj(server.path("bindings").get("mqtt"));
        JsonNode n = mqtt == null ? null : mqtt.get("sessionExpiryInterval");
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() <= 0) {
            return Map.of();
        }
        return Map.of("sessionExpiry", TimeSpan.format(Math.min(n.asLong(), 4_294_967_295L) * 1_000_000_000L));
    }

    /** Removes a binding the exporter derived from the server object's remaining fields. */
    @Override
    public void dropDerivedServer(ObjectNode server) {
        ObjectNode bindings = Nodes.obj(server.get("bindings"));
        ObjectNode mqtt = bindings == null ? null : Nodes.obj(bindings.get("mqtt"));
        if (mqtt != null && mqtt.path(DERIVED).asBoolean()) {
            bindings.remove("mqtt");
            if (bindings.isEmpty()) {
                server.remove("bindings");
            }
        }
    }
}
