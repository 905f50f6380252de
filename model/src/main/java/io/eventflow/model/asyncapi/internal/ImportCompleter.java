package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.kind.KindBindings;
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
        KindBindings.Imported view = view(st, warnings);
        for (BrokerKind kind : BrokerKind.values()) {
            KindProfiles.of(kind).bindings().completeChannels(view);
        }
        st.later.forEach(step -> step.accept(view));
        implicitBrokers(st);
        for (BrokerKind kind : BrokerKind.values()) {
            KindProfiles.of(kind).bindings().completeBrokers(view);
        }
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

    /** The design being imported, as the kinds' bindings see it when they complete it. */
    private static KindBindings.Imported view(ImportState st, List<Problem> warnings) {
        return new KindBindings.Imported() {
            @Override
            public List<ObjectNode> channels() {
                return objects(st.channels);
            }

            @Override
            public List<ObjectNode> brokers() {
                return objects(st.brokers);
            }

            @Override
            public ObjectNode channel(String id) {
                return st.get("channels", id);
            }

            @Override
            public ObjectNode channelByAddress(String name) {
                return byAddress(st, name);
            }

            @Override
            public void keepRaw(ObjectNode element, ObjectNode asyncApi) {
                Trees.merge(objectAt(element, Ext.RAW), asyncApi);
            }

            @Override
            public void keepRawBindings(ObjectNode element, ObjectNode bindings) {
                objectAt(objectAt(element, Ext.RAW), "bindings").setAll(bindings);
            }

            @Override
            public void info(String id, String message, String hint) {
                warnings.add(new Problem(RefResolver.RULE, Severity.INFO, id, message, hint, null, null, 0, 0));
            }
        };
    }

    private static List<ObjectNode> objects(ArrayNode nodes) {
        List<ObjectNode> out = new ArrayList<>(nodes.size());
        nodes.forEach(n -> out.add((ObjectNode) n));
        return out;
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
