package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.RequestReply;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.kind.KindProfiles;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The operations of a 3.0 document: send for publications and requests, receive for subscriptions. */
final class V3Operations {

    private final ExportContext cx;
    private final Set<String> used = new HashSet<>();
    private final ObjectNode out = Trees.NF.objectNode();

    V3Operations(ExportContext cx) {
        this.cx = cx;
    }

    /** The default key of an operation, e.g. {@code billing.receive.orders}. */
    static String defaultKey(String serviceId, String verb, String channelKey) {
        return serviceId + "." + verb + "." + channelKey;
    }

    ObjectNode operations() {
        for (Service s : cx.services) {
            JsonNode tree = cx.elementTree("services", s.id());
            for (int i = 0; i < s.publishes().size(); i++) {
                publication(s, s.publishes().get(i), (ObjectNode)
                        tree.path("publishes").get(i));
            }
            for (int i = 0; i < s.subscribes().size(); i++) {
                subscription(s, s.subscribes().get(i), (ObjectNode)
                        tree.path("subscribes").get(i));
            }
            for (int i = 0; i < s.requests().size(); i++) {
                request(s, s.requests().get(i), (ObjectNode)
                        tree.path("requests").get(i));
            }
        }
        return out;
    }

    private ObjectNode start(Service s, String verb, String action, String channelId, Map<String, JsonNode> ext) {
        String ck = cx.channelKey(channelId);
        if (ck == null) {
            return null;
        }
        JsonNode k = ext.get(Ext.KEY);
        String key = Trees.unique(k != null && k.isTextual() ? k.asText() : defaultKey(s.id(), verb, ck), used);
        ObjectNode op = out.putObject(key);
        op.put("action", action);
        op.putObject("channel").put("$ref", "#/channels/" + Trees.escape(ck));
        return op;
    }

    private void finish(Service s, ObjectNode op, Map<String, JsonNode> ext, ObjectNode ef) {
        Trees.merge(op, ext.get(Ext.RAW));
        Ext.copyUserExtensions(ext, op);
        if (cx.wholeSystem) {
            op.put(Ext.SERVICE, s.id());
        }
        V3Writer.removeExtensions(ef);
        V3Writer.putIfNotEmpty(op, Ext.EF, ef);
    }

    private ArrayNode messageRefs(Channel c, List<String> messageIds) {
        ArrayNode a = Trees.NF.arrayNode();
        String ck = cx.channelKey(c.id());
        for (String m : messageIds) {
            if (c.messages().contains(m) && cx.messageKey(m) != null) {
                a.addObject()
                        .put(
                                "$ref",
                                "#/channels/" + Trees.escape(ck) + "/messages/"
                                        + Trees.escape(cx.channelMessageKey(c, m)));
            }
        }
        return a;
    }

    private List<String> explicit(Map<String, JsonNode> ext) {
        JsonNode list = ext.get(Ext.MESSAGES);
        if (list == null || !list.isArray()) {
            return null;
        }
        return java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private void publication(Service s, Publication p, ObjectNode tree) {
        ObjectNode op = start(s, "send", "send", p.channel(), p.extensions());
        Channel c = cx.design.channel(p.channel()).orElse(null);
        if (op == null || c == null) {
            return;
        }
        ObjectNode ef = Trees.without(tree, List.of("channel", "message"));
        List<String> listed = explicit(p.extensions());
        if (p.message() != null) {
            op.set("messages", messageRefs(c, List.of(p.message())));
        } else {
            op.set("messages", messageRefs(c, listed != null ? listed : c.messages()));
            if (listed == null) {
                ef.put("anyMessage", true);
            }
        }
        ObjectNode bindings = sendBindings(s, c);
        if (!bindings.isEmpty()) {
            op.set("bindings", bindings);
        }
        finish(s, op, p.extensions(), ef);
    }

    private ObjectNode sendBindings(Service s, Channel c) {
        ObjectNode b = Trees.NF.objectNode();
        BrokerKind kind = cx.design.kindOf(c).orElse(null);
        if (kind != null) {
            KindProfiles.of(kind).bindings().writeSend(s, c, cx.design, b);
        }
        return b;
    }

    private void subscription(Service s, Subscription sub, ObjectNode tree) {
        ObjectNode op = start(s, "receive", "receive", sub.channel(), sub.extensions());
        Channel c = cx.design.channel(sub.channel()).orElse(null);
        if (op == null || c == null) {
            return;
        }
        Set<String> emitted = new LinkedHashSet<>(List.of("channel"));
        List<String> listed = explicit(sub.extensions());
        op.set("messages", messageRefs(c, listed != null ? listed : c.messages()));
        BrokerKind kind = cx.design.kindOf(c).orElse(null);
        ObjectNode b = Trees.NF.objectNode();
        if (kind != null) {
            KindProfiles.of(kind).bindings().writeReceive(s, sub, b, emitted);
        }
        if (!b.isEmpty()) {
            op.set("bindings", b);
        }
        boolean anyReply = false;
        if (sub.reply() != null && reply(op, sub.reply().channel(), sub.reply().message())) {
            emitted.add("reply");
            anyReply = sub.reply().message() == null;
        }
        ObjectNode ef = Trees.without(tree, emitted);
        if (anyReply) {
            ef.put("anyReplyMessage", true);
        }
        finish(s, op, sub.extensions(), ef);
    }

    private boolean reply(ObjectNode op, String channelId, String messageId) {
        Channel rc = channelId == null ? null : cx.design.channel(channelId).orElse(null);
        if (rc == null || cx.channelKey(rc.id()) == null) {
            return false;
        }
        ObjectNode r = op.putObject("reply");
        r.putObject("channel").put("$ref", "#/channels/" + Trees.escape(cx.channelKey(rc.id())));
        r.set("messages", messageRefs(rc, messageId != null ? List.of(messageId) : rc.messages()));
        return true;
    }

    private void request(Service s, RequestReply r, ObjectNode tree) {
        ObjectNode op = start(s, "request", "send", r.channel(), Map.of());
        Channel c = cx.design.channel(r.channel()).orElse(null);
        if (op == null || c == null) {
            return;
        }
        Set<String> emitted = new LinkedHashSet<>(List.of("channel", "message"));
        op.set("messages", messageRefs(c, r.message() != null ? List.of(r.message()) : c.messages()));
        if (r.message() == null) {
            emitted.remove("message");
        }
        if (reply(op, r.replyChannel(), r.replyMessage())) {
            emitted.add("replyChannel");
            if (r.replyMessage() != null) {
                emitted.add("replyMessage");
            }
        }
        ObjectNode ef = Trees.without(tree, emitted);
        ef.put("request", true);
        if (r.message() == null) {
            ef.put("anyMessage", true);
        }
        if (r.replyMessage() == null) {
            ef.put("anyReplyMessage", true);
        }
        finish(s, op, Map.of(), ef);
    }
}
