package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.kind.KindProfile;
import io.eventflow.model.kind.KindProfiles;
import io.eventflow.model.validate.Problem;
import io.eventflow.model.validate.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Completes an imported design so that it validates: brokers for channels without a server, publication rates. */
final class ImportCompleter {
    private ImportCompleter() {}

    static void apply(ImportState st, List<Problem> warnings) {
        deadLetterQueues(st);
        fanOuts(st);
        implicitBrokers(st);
        brokerNodes(st, warnings);
        messageLists(st);
        rates(st, warnings);
        notes(st);
    }

    private static void implicitBrokers(ImportState st) {
        Map<String, String> byKind = new HashMap<>();
        for (JsonNode c : st.channels) {
            ObjectNode ch = (ObjectNode) c;
            if (ch.has("broker")) {
                continue;
            }
            String kind = implicitKind(ch);
            String id = byKind.computeIfAbsent(kind, k -> {
                String b = st.claim(k.equals("other") ? "broker" : k, "broker");
                ObjectNode broker = Trees.NF.objectNode().put("id", b).put("kind", k);
                broker.put(Ext.IMPLICIT, true);
                broker.put("description", "Made up by the import: the AsyncAPI document names no server");
                st.add(
                        st.brokers,
                        "brokers",
                        broker,
                        st.origin.values().iterator().next());
                return b;
            });
            ch.put("broker", id);
        }
    }

    /**
     * A Kafka broker gets as many nodes as its channels' bindings ask replicas for (AsyncAPI says nothing of nodes):
     * otherwise the design the import accepts would not validate, export or simulate.
     */
    private static void brokerNodes(ImportState st, List<Problem> warnings) {
        for (JsonNode b : st.brokers) {
            if (!"kafka".equals(Trees.text(b, "kind"))) {
                continue;
            }
            String id = Trees.text(b, "id");
            int nodes = b.path("nodes").isInt() ? b.get("nodes").intValue() : 1;
            int replicas = 0;
            for (JsonNode c : st.channels) {
                if (id.equals(Trees.text(c, "broker"))
                        && c.path("replicationFactor").isInt()) {
                    replicas = Math.max(replicas, c.get("replicationFactor").intValue());
                }
            }
            if (replicas > nodes) {
                ((ObjectNode) b).put("nodes", replicas);
                warnings.add(new Problem(
                        RefResolver.RULE,
                        Severity.INFO,
                        id,
                        "broker '" + id + "' is given " + replicas + " nodes: its channels' Kafka bindings ask for "
                                + replicas + " replicas (AsyncAPI does not say how many brokers a cluster has)",
                        "set the real number of nodes before simulating",
                        null,
                        null,
                        0,
                        0));
            }
        }
    }

    /** An operation's message list that is all of its channel's messages (once every document is read) is implied. */
    private static void messageLists(ImportState st) {
        for (JsonNode svc : st.services) {
            for (String list : List.of("publishes", "subscribes")) {
                for (JsonNode op : svc.path(list)) {
                    JsonNode listed = op.get(Ext.MESSAGES);
                    ObjectNode channel = st.get("channels", Trees.text(op, "channel"));
                    if (listed != null && channel != null && listed.equals(channel.get("messages"))) {
                        ((ObjectNode) op).remove(Ext.MESSAGES);
                    }
                }
            }
        }
    }

    /**
     * The kind of a channel's implicit broker, from the settings keys the channel carries: the first kind (in enum
     * order) whose profile's {@code importKeys} it has, the kinds with weak keys last; {@code other} when none.
     */
    private static String implicitKind(ObjectNode ch) {
        for (boolean weak : new boolean[] {false, true}) {
            for (BrokerKind kind : BrokerKind.values()) {
                KindProfile p = KindProfiles.of(kind);
                if (p.importKeysWeak() == weak && p.importKeys().stream().anyMatch(ch::has)) {
                    return kind.key();
                }
            }
        }
        return BrokerKind.OTHER.key();
    }

    /** The channel whose address (or id, without one) is {@code name}; null when none. */
    private static ObjectNode byAddress(ImportState st, String name) {
        for (JsonNode c : st.channels) {
            String own = c.has("address") ? Trees.text(c, "address") : Trees.text(c, "id");
            if (name.equals(own)) {
                return (ObjectNode) c;
            }
        }
        return null;
    }

    /** The object under {@code key}, made (or replacing what is not an object) when needed. */
    private static ObjectNode objectAt(ObjectNode o, String key) {
        return o.get(key) instanceof ObjectNode existing ? existing : o.putObject(key);
    }

    /** SQS redrive policies: the dead-letter queue named by the binding becomes the channel's deadLetter. */
    private static void deadLetterQueues(ImportState st) {
        for (JsonNode c : st.channels) {
            ObjectNode ch = (ObjectNode) c;
            String name = Trees.text(ch, Ext.PENDING_DLQ);
            if (name == null) {
                continue;
            }
            ch.remove(Ext.PENDING_DLQ);
            String current = Trees.text(ch, "deadLetter");
            ObjectNode named = byAddress(st, name);
            ObjectNode target = current == null ? null : st.get("channels", current);
            if (target != null && target == named) {
                continue;
            }
            if (named != null) {
                ch.put("deadLetter", named.get("id").asText());
            } else {
                ObjectNode raw = objectAt(ch, Ext.RAW);
                ObjectNode queue = Trees.NF.objectNode();
                queue.putObject("redrivePolicy").putObject("deadLetterQueue").put("name", name);
                ObjectNode wrap = Trees.NF.objectNode();
                wrap.putObject("bindings").putObject("sqs").set("queue", queue);
                Trees.merge(raw, wrap);
            }
        }
    }

    /** Queues named by a send operation on an SNS topic list that topic in their snsTopics. */
    private static void fanOuts(ImportState st) {
        for (ImportState.FanOut f : st.fanOuts) {
            List<ObjectNode> queues = new ArrayList<>();
            for (String name : f.queues()) {
                queues.add(byAddress(st, name));
            }
            if (queues.contains(null)) {
                ObjectNode p = f.publication();
                ObjectNode b = objectAt(objectAt(p, Ext.RAW), "bindings");
                b.setAll(f.bindings());
                continue;
            }
            for (ObjectNode q : queues) {
                JsonNode given = q.get("snsTopics");
                if (given != null && given.isTextual()) {
                    q.putArray("snsTopics").add(given.asText());
                } else if (given != null && !given.isArray()) {
                    continue; // not a list: the validator names it
                }
                ArrayNode topics = q.has("snsTopics") ? (ArrayNode) q.get("snsTopics") : q.putArray("snsTopics");
                boolean listed = false;
                for (JsonNode t : topics) {
                    listed |= t.asText().equals(f.topic());
                }
                if (!listed) {
                    topics.add(f.topic());
                }
            }
        }
    }

    private static void rates(ImportState st, List<Problem> warnings) {
        for (JsonNode s : st.services) {
            boolean subscribes = s.path("subscribes").size() > 0;
            for (JsonNode p : s.path("publishes")) {
                if (!p.has("rate") && !p.has("per") && !p.path("will").asBoolean()) {
                    String id = s.get("id").asText();
                    String assumed = subscribes ? "one message per message it processes" : "1/s";
                    ((ObjectNode) p).put(subscribes ? "per" : "rate", subscribes ? "processed" : "1/s");
                    warnings.add(new Problem(
                            RefResolver.RULE,
                            Severity.INFO,
                            id,
                            "'" + id + "' sends on '" + p.path("channel").asText()
                                    + "' at no stated rate (AsyncAPI has none): assumed " + assumed,
                            "set the real rate before simulating",
                            null,
                            null,
                            0,
                            0));
                }
            }
            for (JsonNode r : s.path("requests")) {
                if (!r.has("rate")) {
                    ((ObjectNode) r).put("rate", "1/s");
                }
            }
        }
    }

    private static void notes(ImportState st) {
        JsonNode notes = st.rootEf.get("notes");
        if (notes == null) {
            return;
        }
        for (var list : List.of(st.brokers, st.channels, st.messages)) {
            for (JsonNode e : list) {
                String note = Trees.text(notes, e.path("id").asText());
                if (note != null && note.equals(Trees.text(e, "description"))) {
                    ((ObjectNode) e).remove("description");
                }
            }
        }
    }
}
