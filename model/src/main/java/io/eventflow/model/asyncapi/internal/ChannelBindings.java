package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.TimeSpan;
import java.util.List;
import java.util.Set;

/**
 * Kafka, AMQP and JMS channel bindings, both ways (SQS and SNS in {@link SqsBindings}). Settings that do not map
 * exactly stay in {@code x-eventflow}.
 */
final class ChannelBindings {
    static final String KAFKA_VERSION = "0.5.0";
    static final String AMQP_VERSION = "0.3.0";
    static final String JMS_VERSION = "0.0.1";

    private ChannelBindings() {}

    /** The channel's bindings; adds the design keys written exactly to {@code emitted}. */
    static ObjectNode write(Channel c, BrokerKind kind, Design design, Set<String> emitted) {
        ObjectNode b = Trees.NF.objectNode();
        if (kind == BrokerKind.KAFKA && !KafkaTopic.of(c).isEmpty()) {
            b.set("kafka", kafka(KafkaTopic.of(c), emitted));
        } else if (kind == BrokerKind.AMQP) {
            b.set("amqp", amqp(c, AmqpQueue.of(c), emitted));
        } else if (kind == BrokerKind.SQS) {
            SqsBindings.writeChannel(c, design, b, emitted);
        } else if (kind == BrokerKind.JMS && !JmsDestination.of(c).isTopic()) {
            b.set("jms", jms(c, emitted));
        }
        return b;
    }

    /**
     * The JMS binding knows queues and FIFO queues only: topics get no binding (their {@code destination: topic}
     * stays in {@code x-eventflow}), a queue whose type is not set gets none either (the binding's default is queue).
     */
    private static ObjectNode jms(Channel c, Set<String> emitted) {
        ObjectNode o = Trees.NF.objectNode();
        o.put("destination", c.effectiveAddress());
        if (JmsDestination.of(c).type() == JmsDestination.Type.QUEUE) {
            o.put("destinationType", "queue");
            emitted.add("destination");
        }
        o.put("bindingVersion", JMS_VERSION);
        return o;
    }

    private static ObjectNode kafka(KafkaTopic k, Set<String> emitted) {
        ObjectNode o = Trees.NF.objectNode();
        if (k.partitions() != null && k.partitions() >= 1) {
            o.put("partitions", k.partitions());
            emitted.add("partitions");
        }
        if (k.replicationFactor() != null && k.replicationFactor() >= 1) {
            o.put("replicas", k.replicationFactor());
            emitted.add("replicationFactor");
        }
        ObjectNode conf = Trees.NF.objectNode();
        if (k.cleanupPolicy() != null) {
            List<String> parts = List.of(k.cleanupPolicy().trim().split("[,\\s]+"));
            if (parts.stream().allMatch(p -> p.equals("compact") || p.equals("delete"))) {
                conf.set("cleanup.policy", Trees.array(parts));
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
        o.put("bindingVersion", KAFKA_VERSION);
        return o;
    }

    private static ObjectNode amqp(Channel c, AmqpQueue q, Set<String> emitted) {
        ObjectNode o = Trees.NF.objectNode();
        if (q.exchange() != null) {
            o.put("is", "routingKey");
            ObjectNode ex = o.putObject("exchange");
            ex.put("name", q.exchange());
            emitted.add("exchange");
            if (q.exchangeType() != null) {
                ex.put("type", q.exchangeType().key());
                emitted.add("exchangeType");
            }
        } else {
            o.put("is", "queue");
            ObjectNode queue = o.putObject("queue");
            queue.put("name", c.effectiveAddress());
            if (q.durable() != null) {
                queue.put("durable", q.durable());
                emitted.add("durable");
            }
        }
        o.put("bindingVersion", AMQP_VERSION);
        return o;
    }

    /**
     * Reads the Kafka and AMQP bindings of a channel into the design channel tree; returns what is left to keep
     * verbatim (or null when nothing is).
     */
    static ObjectNode read(JsonNode bindings, ObjectNode channel, String address) {
        if (bindings == null || !bindings.isObject()) {
            return null;
        }
        ObjectNode rest = bindings.deepCopy();
        String own = address != null ? address : Trees.text(channel, "id");
        if (rest.get("kafka") instanceof ObjectNode k) {
            readKafka(k, channel);
            dropIfEmpty(rest, "kafka");
        }
        if (rest.get("amqp") instanceof ObjectNode a) {
            readAmqp(a, channel, address);
            dropIfEmpty(rest, "amqp");
        }
        if (rest.get("jms") instanceof ObjectNode j) {
            readJms(j, channel, own);
            dropIfEmpty(rest, "jms");
        }
        SqsBindings.readChannel(rest, channel, own);
        return rest.isEmpty() ? null : rest;
    }

    private static void dropIfEmpty(ObjectNode o, String key) {
        JsonNode v = o.get(key);
        if (v instanceof ObjectNode b) {
            // a bindingVersion other than the one the export writes stays, so that the export keeps it
            if (b.isEmpty()) {
                o.remove(key);
            }
        }
    }

    private static void readKafka(ObjectNode k, ObjectNode ch) {
        move(k, "partitions", ch, "partitions");
        move(k, "replicas", ch, "replicationFactor");
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
            move(conf, "min.insync.replicas", ch, "minInSyncReplicas");
            if (conf.isEmpty()) {
                k.remove("topicConfiguration");
            }
        }
        dropVersion(k, KAFKA_VERSION);
    }

    private static void readAmqp(ObjectNode a, ObjectNode ch, String address) {
        String is = Trees.text(a, "is");
        if (a.get("exchange") instanceof ObjectNode ex && Trees.text(ex, "name") != null) {
            ch.put("exchange", Trees.text(ex, "name"));
            ex.remove("name");
            String type = Trees.text(ex, "type");
            if (type != null && List.of("direct", "topic", "fanout", "headers").contains(type)) {
                ch.put("exchangeType", type);
                ex.remove("type");
            }
            if (ex.isEmpty()) {
                a.remove("exchange");
            }
            if ("routingKey".equals(is)) {
                a.remove("is");
            }
        } else if (a.get("queue") instanceof ObjectNode q && !a.has("exchange")) {
            if (q.get("durable") != null && q.get("durable").isBoolean()) {
                ch.put("durable", q.get("durable").booleanValue());
                q.remove("durable");
            }
            if (address != null && address.equals(Trees.text(q, "name"))) {
                q.remove("name");
            }
            if (q.isEmpty()) {
                a.remove("queue");
            }
            if ("queue".equals(is)) {
                a.remove("is");
            }
        }
        dropVersion(a, AMQP_VERSION);
    }

    /** {@code own}: the channel's address, or its id when it has none. */
    private static void readJms(ObjectNode j, ObjectNode ch, String own) {
        if (own != null && own.equals(Trees.text(j, "destination"))) {
            j.remove("destination");
        }
        if ("queue".equals(Trees.text(j, "destinationType"))) {
            ch.put("destination", "queue");
            j.remove("destinationType");
        }
        dropVersion(j, JMS_VERSION);
    }

    /** Removes a binding's {@code bindingVersion} when it is the version this code writes. */
    static void dropVersion(ObjectNode b, String version) {
        if (version.equals(Trees.text(b, "bindingVersion"))) {
            b.remove("bindingVersion");
        }
    }

    private static void move(ObjectNode from, String key, ObjectNode to, String toKey) {
        JsonNode v = from.get(key);
        if (v != null && v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 1) {
            to.put(toKey, v.intValue());
            from.remove(key);
        }
    }
}
