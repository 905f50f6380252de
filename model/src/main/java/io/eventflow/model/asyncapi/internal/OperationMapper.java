package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps operations onto publications (send), requests (send with reply) and subscriptions (receive). */
final class OperationMapper {
    private static final Set<String> MAPPED =
            Set.of("action", "channel", "messages", "reply", "traits", Ext.EF, Ext.SERVICE);

    private final ImportState st;
    private final RefResolver refs;
    private final DocMapper dm;
    private final MessageMapper messages;

    OperationMapper(ImportState st, DocMapper dm) {
        this.st = st;
        this.refs = st.refs;
        this.dm = dm;
        this.messages = new MessageMapper(st, dm.doc().isV2());
    }

    void operation(String key, Located site) {
        Located o = refs.deref(site);
        if (o == null || !o.node().isObject()) {
            return;
        }
        String action = Trees.text(o.node(), "action");
        String ck = channelKey(o.child("channel"));
        String channelId = ck == null ? null : dm.channels.get(ck);
        if (channelId == null) {
            refs.error(
                    o.child("channel"),
                    "operation '" + key + "' refers to channel '"
                            + o.child("channel").ref() + "', which this document does not define",
                    "use '#/channels/NAME' with a channel of this document");
            return;
        }
        if (!"send".equals(action) && !"receive".equals(action)) {
            refs.error(o.child("action"), "operation '" + key + "' has action '" + action + "'", "use send or receive");
            return;
        }
        ObjectNode rest = rest(o);
        String service = dm.service(Trees.text(o.node(), Ext.SERVICE));
        JsonNode oef = o.node().get(Ext.EF);
        List<String> ids = messageIds(o.child("messages"), ck);
        ObjectNode svc = st.get("services", service);
        if ("send".equals(action) && oef != null && oef.path("request").asBoolean()) {
            request(o, svc, channelId, ids, oef);
            return;
        }
        ObjectNode t = Trees.NF.objectNode().put("channel", channelId);
        boolean any = oef != null && oef.path("anyMessage").asBoolean();
        if ("send".equals(action)) {
            if (ids != null && ids.size() == 1 && !any) {
                t.put("message", ids.get(0));
            }
            sendBindings(rest, service, st.get("channels", channelId));
            fanOut(rest, channelId, t);
            if (o.node().get("reply") != null) {
                rest.set("reply", refs.inline(o.child("reply")));
            }
        } else {
            receiveBindings(rest, service, t);
            String broker = Trees.text(st.get("channels", channelId), "broker");
            if (broker != null && dm.mqttSessionExpiry.containsKey(broker) && !t.has("sessionExpiry")) {
                t.put("sessionExpiry", dm.mqttSessionExpiry.get(broker));
            }
            reply(o, t, rest, oef);
        }
        boolean oneSent = "send".equals(action) && ids != null && ids.size() == 1 && !any;
        // kept even when it is all of the channel's messages for now: documents merged later may add messages to
        // the channel (the post pass drops lists that end up equal to the channel's)
        if (ids != null && !ids.isEmpty() && !oneSent) {
            t.set(Ext.MESSAGES, Trees.array(ids));
        }
        if (dm.doc().isV2()) {
            BindingCompat.toV3(rest, "operation");
        }
        ImportState.fill(t, oef, "anyMessage", "anyReplyMessage");
        ImportState.userExtensions(o.node(), t);
        ImportState.raw(t, rest);
        String verb = "send".equals(action) ? "send" : "receive";
        String defaultKey = V3Operations.defaultKey(service, verb, dm.exportKey("channels", channelId));
        if (!isDefaultKey(key, defaultKey)) {
            t.put(Ext.KEY, key);
        }
        String list = "send".equals(action) ? "publishes" : "subscribes";
        ArrayNode a = svc.has(list) ? (ArrayNode) svc.get(list) : svc.putArray(list);
        a.add(t);
    }

    /**
     * True for the key the exporter gives: the default, or the default numbered from 2 when the service has several
     * operations of the same kind on the channel (e.g. a status publication and a last will).
     */
    private static boolean isDefaultKey(String key, String defaultKey) {
        return key.equals(defaultKey)
                || (key.startsWith(defaultKey)
                        && key.substring(defaultKey.length()).matches("[2-9]|[1-9][0-9]+"));
    }

    private ObjectNode rest(Located o) {
        ObjectNode rest = Trees.NF.objectNode();
        o.node().fieldNames().forEachRemaining(f -> {
            if (!MAPPED.contains(f)) {
                rest.set(f, refs.inline(o.child(f)));
            }
        });
        Located traits = o.child("traits");
        if (traits.node() != null && traits.node().isArray()) {
            for (int i = 0; i < traits.node().size(); i++) {
                Located t = refs.deref(traits.child(i));
                if (t != null) {
                    Trees.fillFrom(rest, refs.inline(t));
                }
            }
        }
        return rest;
    }

    private String channelKey(Located ref) {
        String r = ref.ref();
        if (r == null || !r.startsWith("#/channels/")) {
            return null;
        }
        return Trees.unescape(r.substring("#/channels/".length()));
    }

    /** Message ids of an operation's (or reply's) message list; null when it lists none (all of the channel's). */
    private List<String> messageIds(Located list, String ck) {
        if (list.node() == null || !list.node().isArray()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        Map<String, String> byKey = dm.channelMessages.getOrDefault(ck, Map.of());
        for (int i = 0; i < list.node().size(); i++) {
            Located entry = list.child(i);
            String r = entry.ref();
            String prefix = "#/channels/" + Trees.escape(ck == null ? "" : ck) + "/messages/";
            String id =
                    r != null && r.startsWith(prefix) ? byKey.get(Trees.unescape(r.substring(prefix.length()))) : null;
            if (id == null) {
                String preferred = r != null ? RefResolver.lastSegment(r) : "message";
                id = messages.register(entry, preferred);
            }
            if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private void sendBindings(ObjectNode rest, String service, ObjectNode channel) {
        ObjectNode b = Trees.obj(rest.get("bindings"));
        if (b == null) {
            return;
        }
        dropGeneratedClientId(Trees.obj(b.get("kafka")), service);
        ObjectNode mqtt = Trees.obj(b.get("mqtt"));
        if (mqtt != null && channel != null) {
            moveIfAbsent(mqtt, "qos", channel, "qos");
            moveIfAbsent(mqtt, "retain", channel, "retained");
            dropVersion(mqtt, V3Operations.MQTT_VERSION);
        }
        cleanBindings(rest);
    }

    /** Queues subscribed to an SNS topic, named by a send operation's bindings: resolved by the post pass. */
    private void fanOut(ObjectNode rest, String channelId, ObjectNode publication) {
        ObjectNode b = Trees.obj(rest.get("bindings"));
        if (b == null) {
            return;
        }
        ObjectNode original = b.deepCopy();
        List<String> queues = SqsBindings.readFanOut(b);
        if (queues != null) {
            st.fanOuts.add(new ImportState.FanOut(channelId, queues, publication, original));
            cleanBindings(rest);
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

    private static void dropGeneratedClientId(ObjectNode kafka, String service) {
        if (kafka == null) {
            return;
        }
        JsonNode id = kafka.get("clientId");
        if (id != null
                && id.path("enum").isArray()
                && id.path("enum").size() == 1
                && service.equals(id.path("enum").get(0).asText())
                && id.size() == 2
                && "string".equals(Trees.text(id, "type"))) {
            kafka.remove("clientId");
        }
        dropVersion(kafka, ChannelBindings.KAFKA_VERSION);
    }

    private static void dropVersion(ObjectNode b, String version) {
        if (b.size() == 1 && version.equals(Trees.text(b, "bindingVersion"))) {
            b.remove("bindingVersion");
        }
    }

    private static void cleanBindings(ObjectNode rest) {
        ObjectNode b = Trees.obj(rest.get("bindings"));
        if (b == null) {
            return;
        }
        List.copyOf(Trees.fieldNames(b)).forEach(k -> {
            if (b.get(k).isObject() && b.get(k).isEmpty()) {
                b.remove(k);
            }
        });
        if (b.isEmpty()) {
            rest.remove("bindings");
        }
    }

    private void receiveBindings(ObjectNode rest, String service, ObjectNode t) {
        ObjectNode b = Trees.obj(rest.get("bindings"));
        if (b == null) {
            return;
        }
        ObjectNode kafka = Trees.obj(b.get("kafka"));
        if (kafka != null && kafka.get("groupId") != null) {
            JsonNode g = kafka.get("groupId");
            String group = g.path("enum").isArray() && g.path("enum").size() >= 1
                    ? g.get("enum").get(0).asText()
                    : Trees.text(g, "const");
            if (group != null) {
                t.put("group", group);
                if (g.path("enum").size() <= 1 && g.size() <= 2) {
                    kafka.remove("groupId");
                }
            }
        }
        dropGeneratedClientId(kafka, service);
        ObjectNode mqtt = Trees.obj(b.get("mqtt"));
        if (mqtt != null && mqtt.get("qos") != null && mqtt.get("qos").isInt()) {
            t.put("qos", mqtt.get("qos").intValue());
            mqtt.remove("qos");
            dropVersion(mqtt, V3Operations.MQTT_VERSION);
        }
        cleanBindings(rest);
    }

    private void reply(Located o, ObjectNode t, ObjectNode rest, JsonNode oef) {
        Located r = refs.deref(o.child("reply"));
        if (r == null || r.node() == null || !r.node().isObject()) {
            return;
        }
        String rck = channelKey(r.child("channel"));
        String replyChannel = rck == null ? null : dm.channels.get(rck);
        ObjectNode replyRest = (ObjectNode) refs.inline(r);
        if (replyChannel == null) {
            rest.set("reply", replyRest);
            return;
        }
        ObjectNode reply = t.putObject("reply").put("channel", replyChannel);
        List<String> ids = messageIds(r.child("messages"), rck);
        if (ids != null
                && ids.size() == 1
                && !(oef != null && oef.path("anyReplyMessage").asBoolean())) {
            reply.put("message", ids.get(0));
        }
        replyRest.remove(List.of("channel", "messages"));
        if (!replyRest.isEmpty()) {
            rest.set("reply", replyRest);
        }
    }

    private void request(Located o, ObjectNode svc, String channelId, List<String> ids, JsonNode oef) {
        ObjectNode t = Trees.NF.objectNode().put("channel", channelId);
        if (ids != null && ids.size() == 1 && !oef.path("anyMessage").asBoolean()) {
            t.put("message", ids.get(0));
        }
        Located r = refs.deref(o.child("reply"));
        String rck = r == null ? null : channelKey(r.child("channel"));
        if (rck != null && dm.channels.get(rck) != null) {
            t.put("replyChannel", dm.channels.get(rck));
            List<String> rids = messageIds(r.child("messages"), rck);
            if (rids != null && rids.size() == 1 && !oef.path("anyReplyMessage").asBoolean()) {
                t.put("replyMessage", rids.get(0));
            }
        }
        ImportState.fill(t, oef, "request", "anyMessage", "anyReplyMessage");
        ArrayNode a = svc.has("requests") ? (ArrayNode) svc.get("requests") : svc.putArray("requests");
        a.add(t);
    }
}
