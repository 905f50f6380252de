package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.validate.Problem;
import io.eventflow.model.validate.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Completes an imported design so that it validates: brokers for channels without a server, publication rates. */
final class PostPass {
    private PostPass() {}

    static void apply(ImportState st, List<Problem> warnings) {
        implicitBrokers(st);
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
            String kind = ch.has("partitions") || ch.has("replicationFactor") || ch.has("retention")
                    ? "kafka"
                    : ch.has("exchange") || ch.has("durable") ? "amqp" : ch.has("qos") ? "mqtt" : "other";
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

    private static void rates(ImportState st, List<Problem> warnings) {
        for (JsonNode s : st.services) {
            boolean subscribes = s.path("subscribes").size() > 0;
            for (JsonNode p : s.path("publishes")) {
                if (!p.has("rate") && !p.has("per")) {
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
