package io.eventflow.model.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.TimeSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * SQS and SNS bindings, both ways. A queue channel gets the {@code sqs} channel binding (its {@code queue}, with the
 * redrive policy towards the channel's {@code deadLetter}); a topic channel ({@code snsTopic: true}) the {@code sns}
 * channel binding; a send operation on a topic lists the queues subscribed to it ({@code sns} consumers and
 * {@code sqs} queues). Durations that are not whole seconds, or outside what SQS accepts, stay in {@code x-eventflow}.
 */
final class SqsBindings implements KindBindings {
    static final String SQS_VERSION = "0.2.0";
    static final String SNS_VERSION = "0.1.0";

    /** Design channel key → SQS queue attribute in seconds, with the range the binding schema accepts. */
    private static final List<String[]> SECONDS = List.of(
            new String[] {"visibilityTimeout", "visibilityTimeout", "0", "43200"},
            new String[] {"receiveWait", "receiveMessageWaitTime", "0", "20"},
            new String[] {"messageRetention", "messageRetentionPeriod", "60", "1209600"});

    /** On a channel's tree until the import completes: the name of its redrive policy's dead-letter queue. */
    private static final String PENDING_DLQ = "x-eventflow-pending-dlq";

    @Override
    public List<Protocol> protocols() {
        return List.of(
                new Protocol(
                        "sns",
                        Set.of("0.1.0"),
                        Map.of(
                                "channel",
                                List.of("name", "ordering", "policy", "tags"),
                                "operation",
                                List.of("topic", "consumers", "deliveryPolicy"))),
                new Protocol(
                        "sqs",
                        Set.of("0.2.0"),
                        Map.of("channel", List.of("queue", "deadLetterQueue"), "operation", List.of("queues"))));
    }

    /** The design keys whose AsyncAPI form is in seconds: the import keeps the design's text when it agrees. */
    @Override
    public long nativeTimeUnit(String designKey) {
        return SECONDS.stream().anyMatch(s -> s[0].equals(designKey)) ? 1_000_000_000 : 0;
    }

    /** Writes the sqs or sns binding of a channel on an sqs broker. */
    @Override
    public void writeChannel(Channel c, Design design, ObjectNode bindings, Set<String> emitted) {
        SqsQueue q = SqsQueue.of(c);
        if (q.isTopic()) {
            ObjectNode sns = bindings.putObject("sns");
            sns.put("name", c.effectiveAddress());
            emitted.add("snsTopic");
            if (q.fifo() != null) {
                sns.putObject("ordering").put("type", q.isFifo() ? "FIFO" : "standard");
                emitted.add("fifo");
            }
            sns.put("bindingVersion", SNS_VERSION);
            return;
        }
        ObjectNode sqs = bindings.putObject("sqs");
        ObjectNode queue = sqs.putObject("queue");
        queue.put("name", c.effectiveAddress());
        queue.put("fifoQueue", q.isFifo());
        if (q.isFifo()) {
            emitted.add("fifo");
        }
        seconds(queue, "visibilityTimeout", q.visibilityTimeout(), emitted);
        seconds(queue, "receiveWait", q.receiveWait(), emitted);
        seconds(queue, "messageRetention", q.messageRetention(), emitted);
        Channel dl =
                c.deadLetter() == null ? null : design.channel(c.deadLetter()).orElse(null);
        if (dl != null) {
            ObjectNode redrive = queue.putObject("redrivePolicy");
            redrive.putObject("deadLetterQueue").put("name", dl.effectiveAddress());
            if (q.maxReceiveCount() != null && q.maxReceiveCount() >= 1) {
                redrive.put("maxReceiveCount", q.maxReceiveCount());
                emitted.add("maxReceiveCount");
            }
            ObjectNode dlq = sqs.putObject("deadLetterQueue");
            dlq.put("name", dl.effectiveAddress());
            dlq.put("fifoQueue", SqsQueue.of(dl).isFifo());
        }
        sqs.put("bindingVersion", SQS_VERSION);
    }

    private static void seconds(ObjectNode queue, String designKey, TimeSpan t, Set<String> emitted) {
        String[] spec =
                SECONDS.stream().filter(s -> s[0].equals(designKey)).findFirst().orElseThrow();
        if (t == null || t.nanos() % 1_000_000_000L != 0) {
            return;
        }
        long s = t.nanos() / 1_000_000_000L;
        if (s < Long.parseLong(spec[2]) || s > Long.parseLong(spec[3])) {
            return;
        }
        queue.put(spec[1], s);
        if (TimeSpan.format(t.nanos()).equals(t.text())) {
            emitted.add(designKey);
        }
    }

    /** For a send operation on an SNS topic: the queues subscribed to it, as sns consumers and sqs queues. */
    @Override
    public void writeSend(Service service, Channel topic, Design design, ObjectNode bindings) {
        if (!SqsQueue.of(topic).isTopic()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (Channel q : design.queuesOf(topic.id())) {
            if (!SqsQueue.of(q).isTopic()) {
                names.add(q.effectiveAddress());
            }
        }
        if (names.isEmpty()) {
            return;
        }
        ObjectNode sns = bindings.putObject("sns");
        ArrayNode consumers = sns.putArray("consumers");
        ObjectNode sqs = bindings.putObject("sqs");
        ArrayNode queues = sqs.putArray("queues");
        for (String n : names) {
            ObjectNode consumer = consumers.addObject();
            consumer.put("protocol", "sqs");
            consumer.putObject("endpoint").put("name", n);
            consumer.put("rawMessageDelivery", true);
            queues.addObject().put("name", n);
        }
        sns.put("bindingVersion", SNS_VERSION);
        sqs.put("bindingVersion", SQS_VERSION);
    }

    /**
     * Reads the sqs and sns channel bindings into the design channel, removing what it took; {@code own} is the
     * channel's address, or its id when it has none.
     */
    @Override
    public void readChannel(ObjectNode rest, ObjectNode ch, String address, String own) {
        if (rest.get("sns") instanceof ObjectNode sns) {
            ch.put("snsTopic", true);
            if (own != null && own.equals(Nodes.text(sns, "name"))) {
                sns.remove("name");
            }
            if (sns.get("ordering") instanceof ObjectNode o) {
                String type = Nodes.text(o, "type");
                if ("FIFO".equals(type) || "standard".equals(type)) {
                    ch.put("fifo", "FIFO".equals(type));
                    o.remove("type");
                }
                if (o.isEmpty()) {
                    sns.remove("ordering");
                }
            }
            Nodes.dropVersion(sns, SNS_VERSION);
            if (sns.isEmpty()) {
                rest.remove("sns");
            }
        }
        if (rest.get("sqs") instanceof ObjectNode sqs) {
            String dlqName = null;
            if (sqs.get("queue") instanceof ObjectNode q) {
                dlqName = readQueue(q, ch, own);
                if (q.isEmpty()) {
                    sqs.remove("queue");
                }
            }
            if (dlqName != null
                    && sqs.get("deadLetterQueue") instanceof ObjectNode dlq
                    && dlqName.equals(Nodes.text(dlq, "name"))
                    && Set.of("name", "fifoQueue").containsAll(Nodes.fieldNames(dlq))) {
                sqs.remove("deadLetterQueue");
            }
            Nodes.dropVersion(sqs, SQS_VERSION);
            if (sqs.isEmpty()) {
                rest.remove("sqs");
            }
        }
    }

    /** Reads a queue; returns the name of its redrive dead-letter queue, left on the channel for the post pass. */
    private static String readQueue(ObjectNode q, ObjectNode ch, String own) {
        if (own != null && own.equals(Nodes.text(q, "name"))) {
            q.remove("name");
        }
        JsonNode fifo = q.get("fifoQueue");
        if (fifo != null && fifo.isBoolean()) {
            if (fifo.booleanValue()) {
                ch.put("fifo", true);
            }
            q.remove("fifoQueue");
        }
        for (String[] spec : SECONDS) {
            JsonNode v = q.get(spec[1]);
            if (v != null && v.canConvertToLong() && v.isIntegralNumber() && v.asLong() >= 0) {
                ch.put(spec[0], TimeSpan.format(v.asLong() * 1_000_000_000L));
                q.remove(spec[1]);
            }
        }
        String dlqName = null;
        if (q.get("redrivePolicy") instanceof ObjectNode rp) {
            JsonNode n = rp.get("maxReceiveCount");
            if (n != null && n.isIntegralNumber() && n.canConvertToInt() && n.intValue() >= 1) {
                ch.put("maxReceiveCount", n.intValue());
                rp.remove("maxReceiveCount");
            }
            if (rp.get("deadLetterQueue") instanceof ObjectNode dl
                    && dl.size() == 1
                    && Nodes.text(dl, "name") != null) {
                dlqName = Nodes.text(dl, "name");
                ch.put(PENDING_DLQ, dlqName);
                rp.remove("deadLetterQueue");
            }
            if (rp.isEmpty()) {
                q.remove("redrivePolicy");
            }
        }
        return dlqName;
    }

    /**
     * The queues a send operation on an SNS topic names, once every channel is read, list that topic in their {@code
     * snsTopics}; when one is not found, the publication keeps the bindings as the document had them.
     */
    @Override
    public Consumer<Imported> readSendLater(ObjectNode bindings, String topic, ObjectNode publication) {
        ObjectNode original = bindings.deepCopy();
        List<String> queues = readFanOut(bindings);
        return queues == null ? null : d -> fanOut(d, topic, queues, publication, original);
    }

    private static void fanOut(
            Imported d, String topic, List<String> names, ObjectNode publication, ObjectNode original) {
        List<ObjectNode> queues = new ArrayList<>();
        for (String name : names) {
            queues.add(d.channelByAddress(name));
        }
        if (queues.contains(null)) {
            d.keepRawBindings(publication, original);
            return;
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
                listed |= t.asText().equals(topic);
            }
            if (!listed) {
                topics.add(topic);
            }
        }
    }

    /** Redrive policies: the dead-letter queue named by the binding becomes the channel's deadLetter. */
    @Override
    public void completeChannels(Imported d) {
        for (ObjectNode ch : d.channels()) {
            String name = Nodes.text(ch, PENDING_DLQ);
            if (name == null) {
                continue;
            }
            ch.remove(PENDING_DLQ);
            String current = Nodes.text(ch, "deadLetter");
            ObjectNode named = d.channelByAddress(name);
            ObjectNode target = current == null ? null : d.channel(current);
            if (target != null && target == named) {
                continue;
            }
            if (named != null) {
                ch.put("deadLetter", named.get("id").asText());
            } else {
                ObjectNode queue = Nodes.NF.objectNode();
                queue.putObject("redrivePolicy").putObject("deadLetterQueue").put("name", name);
                ObjectNode wrap = Nodes.NF.objectNode();
                wrap.putObject("bindings").putObject("sqs").set("queue", queue);
                d.keepRaw(ch, wrap);
            }
        }
    }

    /**
     * Takes the queue names of a send operation's fan-out bindings when they have the exporter's shape; returns null
     * (and leaves them) otherwise.
     */
    private static List<String> readFanOut(ObjectNode bindings) {
        if (!(bindings.get("sns") instanceof ObjectNode sns) || !(sns.get("consumers") instanceof ArrayNode cs)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode c : cs) {
            String name = Nodes.text(c.path("endpoint"), "name");
            if (name == null
                    || c.size() != 3
                    || !"sqs".equals(Nodes.text(c, "protocol"))
                    || c.path("endpoint").size() != 1
                    || !c.path("rawMessageDelivery").asBoolean()) {
                return null;
            }
            names.add(name);
        }
        if (!plain(sns, "consumers", SNS_VERSION)) {
            return null;
        }
        ObjectNode sqs = Nodes.obj(bindings.get("sqs"));
        if (sqs != null) {
            List<String> queues = new ArrayList<>();
            sqs.path("queues").forEach(q -> queues.add(q.size() == 1 ? Nodes.text(q, "name") : null));
            if (!queues.equals(names) || !plain(sqs, "queues", SQS_VERSION)) {
                return null;
            }
            bindings.remove("sqs");
        }
        bindings.remove("sns");
        return names;
    }

    /** True when the binding has only {@code key} and, if any, the version we write. */
    private static boolean plain(ObjectNode b, String key, String version) {
        String v = Nodes.text(b, "bindingVersion");
        return (v == null || v.equals(version)) && b.size() == (v == null ? 1 : 2) && b.has(key);
    }
}
