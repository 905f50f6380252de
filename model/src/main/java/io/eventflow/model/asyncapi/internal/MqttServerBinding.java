package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.MqttTopic;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import java.util.List;

/**
 * The MQTT server binding describes one client's connection: client id, clean session or session expiry, last will.
 * The design keeps those on subscriptions ({@code sessionExpiry}) and publications ({@code will}), so the binding is
 * written only when exactly one exported service connects to the broker, made up from those settings and marked
 * {@link Ext#DERIVED}; the design settings themselves travel in the operations' {@code x-eventflow}, and the import
 * drops a derived binding.
 */
final class MqttServerBinding {
    private MqttServerBinding() {}

    /** The binding for the one service connecting to {@code b}, or null when none or several do. */
    static ObjectNode derive(ExportContext cx, Broker b) {
        List<Service> clients = cx.services.stream()
                .filter(s -> s.publishes().stream().anyMatch(p -> on(cx, p.channel(), b))
                        || s.subscribes().stream().anyMatch(sub -> on(cx, sub.channel(), b)))
                .toList();
        if (clients.size() != 1) {
            return null;
        }
        Service s = clients.get(0);
        ObjectNode m = Trees.NF.objectNode();
        m.put("clientId", s.id());
        List<Subscription> subs =
                s.subscribes().stream().filter(sub -> on(cx, sub.channel(), b)).toList();
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
            Channel c = cx.design.channel(p.channel()).orElse(null);
            if (p.isWill() && c != null && b.id().equals(c.broker())) {
                ObjectNode will = m.putObject("lastWill");
                will.put("topic", c.effectiveAddress());
                Trees.put(will, "qos", MqttTopic.of(c).qos());
                String message = p.message() != null
                        ? p.message()
                        : c.messages().size() == 1 ? c.messages().get(0) : null;
                Trees.put(will, "message", message);
                Trees.put(will, "retain", MqttTopic.of(c).retained());
                break;
            }
        }
        m.put(Ext.DERIVED, true);
        m.put("bindingVersion", V3Operations.MQTT_VERSION);
        return m;
    }

    private static boolean on(ExportContext cx, String channelId, Broker b) {
        return cx.design.channel(channelId).map(c -> b.id().equals(c.broker())).orElse(false);
    }

    /**
     * The session expiry a document's own MQTT server binding gives its application's subscriptions ({@code
     * sessionExpiryInterval} in seconds, when above 0), as a design duration; null when none. The binding itself is
     * kept verbatim.
     */
    static String sessionExpiry(ObjectNode server) {
        ObjectNode mqtt = Trees.obj(server.path("bindings").get("mqtt"));
        JsonNode n = mqtt == null ? null : mqtt.get("sessionExpiryInterval");
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() <= 0) {
            return null;
        }
        return TimeSpan.format(Math.min(n.asLong(), 4_294_967_295L) * 1_000_000_000L);
    }

    /** Removes a binding the exporter derived from the server object's remaining fields. */
    static void dropDerived(ObjectNode server) {
        ObjectNode bindings = Trees.obj(server.get("bindings"));
        ObjectNode mqtt = bindings == null ? null : Trees.obj(bindings.get("mqtt"));
        if (mqtt != null && mqtt.path(Ext.DERIVED).asBoolean()) {
            bindings.remove("mqtt");
            if (bindings.isEmpty()) {
                server.remove("bindings");
            }
        }
    }
}
