package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.kind.KindBindings;
import io.eventflow.model.kind.KindProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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
            sendBindingsLater(rest, channelId, t);
            if (o.node().get("reply") != null) {
                rest.set("reply", refs.inline(o.child("reply")));
            }
        } else {
            receiveBindings(rest, service, t);
            String broker = Trees.text(st.get("channels", channelId), "broker");
            if (broker != null && dm.subscriptionDefaults.containsKey(broker)) {
                dm.subscriptionDefaults.get(broker).forEach((k, v) -> {
                    if (!t.has(k)) {
                        t.put(k, v);
                    }
                });
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
        for (BrokerKind kind : BrokerKind.values()) {
            KindProfiles.of(kind).bindings().readSend(b, service, channel);
        }
        cleanBindings(rest);
    }

    /** What a send operation's bindings say that needs every channel (the queues a topic feeds): for the post pass. */
    private void sendBindingsLater(ObjectNode rest, String channelId, ObjectNode publication) {
        for (BrokerKind kind : BrokerKind.values()) {
            ObjectNode b = Trees.obj(rest.get("bindings"));
            if (b == null) {
                return;
            }
            Consumer<KindBindings.Imported> step =
                    KindProfiles.of(kind).bindings().readSendLater(b, channelId, publication);
            if (step != null) {
                st.later.add(step);
                cleanBindings(rest);
            }
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
        for (BrokerKind kind : BrokerKind.values()) {
            KindProfiles.of(kind).bindings().readReceive(b, service, t);
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
