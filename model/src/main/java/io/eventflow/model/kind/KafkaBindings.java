package io.eventflow.model.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kafka's AsyncAPI bindings: a topic's partitions, replicas and topic configuration on the channel, the client id
 * (the service) and consumer group on operations; an import gives a broker as many nodes as its topics ask replicas.
 */
final class KafkaBindings implements KindBindings {
    static final String VERSION = "0.5.0";

    @Override
    public List<Protocol> protocols() {
        return List.of(new Protocol(
                "kafka",
                Set.of("0.3.0", "0.4.0", "0.5.0"),
                Map.of(
                        "server",
                        List.of("schemaRegistryUrl", "schemaRegistryVendor"),
                        "channel",
                        List.of("topic", "partitions", "replicas", "topicConfiguration"),
                        "operation",
                        List.of("groupId", "clientId"),
                        "message",
                        List.of("key", "schemaIdLocation", "schemaIdPayloadEncoding", "schemaLookupStrategy"))));
    }

    @Override
    public void writeChannel(Channel c, Design design, ObjectNode bindings, Set<String> emitted) {
        KafkaTopic k = KafkaTopic.of(c);
        if (k.isEmpty()) {
            return;
        }
        ObjectNode o = Nodes.NF.objectNode();
        if (k.partitions() != null && k.partitions() >= 1) {
            o.put("partitions", k.partitions());
            emitted.add("partitions");
        }
        if (k.replicationFactor() != null && k.replicationFactor() >= 1) {
            o.put("replicas", k.replicationFactor());
            emitted.add("replicationFactor");
        }
        ObjectNode conf = Nodes.NF.objectNode();
        if (k.cleanupPolicy() != null) {
            List<String> parts = List.of(k.cleanupPolicy().trim().split("[,\\s]+"));
            if (parts.stream().allMatch(p -> p.equals("compact") || p.equals("delete"))) {
                conf.set("cleanup.policy", Nodes.array(parts));
                emitted.add("cleanupPolicy");
            }
        }
        if (k.retention() != null) {
            long ms = Math.round(k.retention().nanos() / 1e6);
            conf.put("retention.ms", ms);
            if (TimeSpan.format(ms * 1_000_000L).equals(k.retention().text())) {
                emitted.add("retention");
            }
        }
        if (k.retentionBytes() != null) {
            conf.put("retention.bytes", k.retentionBytes().bytes());
            if (k.retentionBytes().isPlainNumber()) {
                emitted.add("retentionBytes");
            }
        }
        if (k.minInSyncReplicas() != null) {
            conf.put("min.insync.replicas", k.minInSyncReplicas());
            emitted.add("minInSyncReplicas");
        }
        if (!conf.isEmpty()) {
            o.set("topicConfiguration", conf);
        }
        o.put("bindingVersion", VERSION);
        bindings.set("kafka", o);
    }

    @Override
    public void readChannel(ObjectNode rest, ObjectNode ch, String address, String own) {
        if (!(rest.get("kafka") instanceof ObjectNode k)) {
            return;
        }
        Nodes.moveCount(k, "partitions", ch, "partitions");
        Nodes.moveCount(k, "replicas", ch, "replicationFactor");
        if (k.get("topicConfiguration") instanceof ObjectNode conf) {
            JsonNode ms = conf.get("retention.ms");
            if (ms != null && ms.canConvertToLong() && ms.asLong() >= 0) {
                ch.put("retention", TimeSpan.format(ms.asLong() * 1_000_000L));
                conf.remove("retention.ms");
            }
            JsonNode bytes = conf.get("retention.bytes");
            if (bytes != null && bytes.canConvertToLong() && bytes.asLong() >= 0) {
                ch.put("retentionBytes", bytes.asLong());
                conf.remove("retention.bytes");
            }
            JsonNode policy = conf.get("cleanup.policy");
            if (policy instanceof ArrayNode a && !a.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                a.forEach(p -> sb.append(sb.length() == 0 ? "" : ",").append(p.asText()));
                ch.put("cleanupPolicy", sb.toString());
                conf.remove("cleanup.policy");
            }
            Nodes.moveCount(conf, "min.insync.replicas", ch, "minInSyncReplicas");
            if (conf.isEmpty()) {
                k.remove("topicConfiguration");
            }
        }
        Nodes.dropVersion(k, VERSION);
        // a bindingVersion other than the one the export writes stays, so that the export keeps it
        Nodes.dropIfEmpty(rest, "kafka");
    }

    @Override
    public void writeSend(Service service, Channel channel, Design design, ObjectNode bindings) {
        ObjectNode k = bindings.putObject("kafka");
        clientId(k, service.id());
        k.put("bindingVersion", VERSION);
    }

    @Override
    public void writeReceive(Service service, Subscription sub, ObjectNode bindings, Set<String> emitted) {
        ObjectNode k = bindings.putObject("kafka");
        if (sub.group() != null) {
            ObjectNode g = k.putObject("groupId");
            g.put("type", "string");
            g.putArray("enum").add(sub.group());
            emitted.add("group");
        }
        clientId(k, service.id());
        k.put("bindingVersion", VERSION);
    }

    private static void clientId(ObjectNode kafka, String serviceId) {
        ObjectNode id = kafka.putObject("clientId");
        id.put("type", "string");
        id.putArray("enum").add(serviceId);
    }

    @Override
    public void readSend(ObjectNode bindings, String service, ObjectNode channel) {
        dropGeneratedClientId(Nodes.obj(bindings.get("kafka")), service);
    }

    @Override
    public void readReceive(ObjectNode bindings, String service, ObjectNode t) {
        ObjectNode kafka = Nodes.obj(bindings.get("kafka"));
        if (kafka != null && kafka.get("groupId") != null) {
            JsonNode g = kafka.get("groupId");
            String group = g.path("enum").isArray() && g.path("enum").size() >= 1
                    ? g.get("enum").get(0).asText()
                    : Nodes.text(g, "const");
            if (group != null) {
                t.put("group", group);
                if (g.path("enum").size() <= 1 && g.size() <= 2) {
                    kafka.remove("groupId");
                }
            }
        }
        dropGeneratedClientId(kafka, service);
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
                && "string".equals(Nodes.text(id, "type"))) {
            kafka.remove("clientId");
        }
        Nodes.dropLoneVersion(kafka, VERSION);
    }

    /**
     * A broker gets as many nodes as its channels' bindings ask replicas for (AsyncAPI says nothing of nodes):
     * otherwise the design the import accepts would not validate, export or simulate.
     */
    @Override
    public void completeBrokers(Imported d) {
        for (ObjectNode b : d.brokers()) {
            if (!BrokerKind.KAFKA.key().equals(Nodes.text(b, "kind"))) {
                continue;
            }
            String id = Nodes.text(b, "id");
            int nodes = b.path("nodes").isInt() ? b.get("nodes").intValue() : 1;
            int replicas = 0;
            for (ObjectNode c : d.channels()) {
                if (id.equals(Nodes.text(c, "broker"))
                        && c.path("replicationFactor").isInt()) {
                    replicas = Math.max(replicas, c.get("replicationFactor").intValue());
                }
            }
            if (replicas > nodes) {
                b.put("nodes", replicas);
                d.info(
                        id,
                        "broker '" + id + "' is given " + replicas + " nodes: its channels' Kafka bindings ask for "
                                + replicas + " replicas (AsyncAPI does not say how many brokers a cluster has)",
                        "set the real number of nodes before simulating");
            }
        }
    }

    @Override
    public long nativeTimeUnit(String designKey) {
        return designKey.equals("retention") ? 1_000_000 : 0;
    }
}
