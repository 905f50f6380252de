package io.eventflow.model.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations of services: what each publishes and subscribes to, with the delivery guarantees of subscriptions and
 * producers.
 */
final class ServiceDiff {
    /** Delivery guarantees, weakest first for loss. */
    private static final List<String> DELIVERY = List.of("at-most-once", "at-least-once", "exactly-once");
    /** Producer acks, weakest first. */
    private static final List<String> ACKS = List.of("0", "1", "all");

    private final List<Change> out = new ArrayList<>();

    private ServiceDiff() {}

    static List<Change> compare(ObjectNode ot, ObjectNode nt) {
        ServiceDiff d = new ServiceDiff();
        Map<String, ObjectNode> os = Trees.index(ot, "services", n -> Trees.text(n, "id"));
        Map<String, ObjectNode> ns = Trees.index(nt, "services", n -> Trees.text(n, "id"));
        ns.forEach((id, n) -> {
            ObjectNode o = os.get(id);
            if (o == null) {
                d.add(
                        "service-added",
                        id,
                        null,
                        "service '" + id + "' was added",
                        Impact.NON_BREAKING,
                        Impact.NON_BREAKING);
                o = Trees.empty();
            } else {
                d.settings(id, o, n);
            }
            d.publications(id, o, n);
            d.subscriptions(id, o, n);
        });
        os.forEach((id, o) -> {
            if (!ns.containsKey(id)) {
                d.add(
                        "service-removed",
                        id,
                        null,
                        "service '" + id + "' was removed",
                        Impact.NON_BREAKING,
                        Impact.NON_BREAKING);
                d.publications(id, o, Trees.empty());
                d.subscriptions(id, o, Trees.empty());
            }
        });
        return d.out;
    }

    private void settings(String id, ObjectNode o, ObjectNode n) {
        for (String key : Trees.changedKeys(o, n, Set.of("id", "publishes", "subscribes", "producer"))) {
            Impact i = key.equals("requests") ? Impact.UNCLASSIFIED : Impact.NON_BREAKING;
            add(
                    "service-setting-changed",
                    id,
                    key,
                    "service '" + id + "': '" + key + "' changed from " + Trees.show(o.get(key)) + " to "
                            + Trees.show(n.get(key)),
                    i,
                    i);
        }
        JsonNode op = o.path("producer");
        JsonNode np = n.path("producer");
        for (String key : Trees.changedKeys(op, np, Set.of())) {
            Impact consumers = Impact.NON_BREAKING;
            if (key.equals("acks")) {
                // Fewer acknowledgements: a broker failure can lose acknowledged messages.
                consumers = rank(ACKS, np.get(key), "1") < rank(ACKS, op.get(key), "1")
                        ? Impact.BREAKING
                        : Impact.NON_BREAKING;
            } else if (key.equals("idempotent") || key.equals("transactional")) {
                // No longer idempotent: retries may duplicate; no longer transactional: read_committed sees partial
                // work.
                consumers = np.path(key).asBoolean(false) ? Impact.NON_BREAKING : Impact.BREAKING;
            }
            add(
                    "producer-setting-changed",
                    id,
                    key,
                    "service '" + id + "' producer: '" + key + "' changed from " + Trees.show(op.get(key)) + " to "
                            + Trees.show(np.get(key)),
                    Impact.NON_BREAKING,
                    consumers);
        }
    }

    private void publications(String id, ObjectNode o, ObjectNode n) {
        Map<String, ObjectNode> op = Trees.index(o, "publishes", ServiceDiff::publicationKey);
        Map<String, ObjectNode> np = Trees.index(n, "publishes", ServiceDiff::publicationKey);
        np.forEach((key, p) -> {
            ObjectNode before = op.get(key);
            if (before == null) {
                add(
                        "publisher-added",
                        id,
                        key,
                        "service '" + id + "' now publishes on " + key,
                        Impact.NON_BREAKING,
                        Impact.NON_BREAKING);
                return;
            }
            for (String k : Trees.changedKeys(before, p, Set.of("channel", "message"))) {
                // The key decides the partition (the order consumers see); the routing key which queues get it.
                Impact consumers = Set.of("key", "routingKey").contains(k) ? Impact.UNCLASSIFIED : Impact.NON_BREAKING;
                add(
                        "publisher-setting-changed",
                        id,
                        key + ":" + k,
                        "service '" + id + "' publishing on " + key + ": '" + k + "' changed from "
                                + Trees.show(before.get(k)) + " to " + Trees.show(p.get(k)),
                        Impact.NON_BREAKING,
                        consumers);
            }
        });
        op.keySet().stream()
                .filter(key -> !np.containsKey(key))
                .forEach(key -> add(
                        "publisher-removed",
                        id,
                        key,
                        "service '" + id + "' no longer publishes on " + key + " (its consumers get nothing from it)",
                        Impact.NON_BREAKING,
                        Impact.UNCLASSIFIED));
    }

    private void subscriptions(String id, ObjectNode o, ObjectNode n) {
        Map<String, ObjectNode> os = Trees.index(o, "subscribes", s -> Trees.text(s, "channel"));
        Map<String, ObjectNode> ns = Trees.index(n, "subscribes", s -> Trees.text(s, "channel"));
        ns.forEach((key, s) -> {
            ObjectNode before = os.get(key);
            if (before == null) {
                add(
                        "subscriber-added",
                        id,
                        key,
                        "service '" + id + "' now subscribes to " + key,
                        Impact.NON_BREAKING,
                        Impact.NON_BREAKING);
                return;
            }
            for (String k : Trees.changedKeys(before, s, Set.of("channel"))) {
                subscriptionKey(id, key, k, before, s);
            }
        });
        os.keySet().stream()
                .filter(key -> !ns.containsKey(key))
                .forEach(key -> add(
                        "subscriber-removed",
                        id,
                        key,
                        "service '" + id + "' no longer subscribes to " + key,
                        Impact.NON_BREAKING,
                        Impact.NON_BREAKING));
    }

    private void subscriptionKey(String id, String channel, String k, JsonNode o, JsonNode n) {
        String summary = "service '" + id + "' subscribed to " + channel + ": '" + k + "' changed from "
                + Trees.show(o.get(k)) + " to " + Trees.show(n.get(k));
        if (k.equals("delivery")) {
            int before = rank(DELIVERY, o.get(k), "at-least-once");
            int after = rank(DELIVERY, n.get(k), "at-least-once");
            Impact consumers;
            if (after > before && !(before == 0 && after == 1)) {
                consumers = Impact.NON_BREAKING;
            } else if (before == 0 && after == 1) {
                consumers = Impact.UNCLASSIFIED; // no more loss, but duplicates now
            } else {
                consumers = Impact.BREAKING; // loss or duplicates the service did not see before
            }
            add("delivery-changed", id, channel, summary, Impact.NON_BREAKING, consumers);
        } else if (k.equals("group")) {
            // A new group starts where startFrom says: it reads again, or skips what the old group had not read.
            add("subscriber-setting-changed", id, channel + ":" + k, summary, Impact.NON_BREAKING, Impact.UNCLASSIFIED);
        } else {
            Impact i = Set.of("deadLetter", "isolation", "qos").contains(k) ? Impact.UNCLASSIFIED : Impact.NON_BREAKING;
            add("subscriber-setting-changed", id, channel + ":" + k, summary, Impact.NON_BREAKING, i);
        }
    }

    private static int rank(List<String> order, JsonNode v, String dflt) {
        String s = v == null || v.isNull() ? dflt : v.asText();
        int i = order.indexOf(s);
        return i < 0 ? order.indexOf(dflt) : i;
    }

    private static String publicationKey(JsonNode p) {
        String m = Trees.text(p, "message");
        return Trees.text(p, "channel") + (m == null ? "" : "/" + m);
    }

    private void add(String kind, String element, String detail, String summary, Impact producers, Impact consumers) {
        out.add(Change.of(kind, element, detail, summary, producers, consumers));
    }
}
