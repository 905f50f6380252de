package io.eventflow.app.inspector;

import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.ExchangeType;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.MqttTopic;
import io.eventflow.model.design.Overflow;
import io.eventflow.model.design.Partitioner;
import java.util.Map;

/** Forms for channels, brokers and the design as a whole. */
final class ChannelForms {
    private ChannelForms() {}

    static Form channel(InspectorViewModel vm, Design d, Channel c) {
        Form f = new Form();
        String id = c.id();
        f.section("Channel");
        f.text("Id", id, Parsers.uniqueId(d, id), v -> vm.rename(id, v));
        String[] brokers = d.brokers().stream().map(Broker::id).toArray(String[]::new);
        f.reference("Broker", brokers, c.broker(), v -> vm.editChannel(id, "broker", x -> x.withBroker(v)));
        f.text(
                "Address",
                c.address(),
                id + " (the id)",
                Parsers.TEXT,
                v -> vm.editChannel(id, "address", x -> x.withAddress(v)));
        f.text(
                "Message types",
                c.messages(),
                Parsers.ID_LIST,
                v -> vm.editChannel(id, "messages", x -> x.withMessages(v)));
        f.text("Title", c.title(), Parsers.TEXT, v -> vm.editChannel(id, "title", x -> x.withTitle(v)));
        f.text(
                "Description",
                c.description(),
                Parsers.TEXT,
                v -> vm.editChannel(id, "description", x -> x.withDescription(v)));
        f.check("External", c.external(), v -> vm.editChannel(id, "external", x -> x.withExternal(v)));
        String[] channels = d.channels().stream()
                .map(Channel::id)
                .filter(x -> !x.equals(id))
                .toArray(String[]::new);
        BrokerKind kind = d.kindOf(c).orElse(BrokerKind.OTHER);
        // NOTIFY and SNS topics keep nothing, so nothing is dead-lettered from them.
        boolean storesNothing = kind == BrokerKind.POSTGRES
                || (kind == BrokerKind.SQS && c.sqs().isTopic());
        if (!storesNothing || c.deadLetter() != null) {
            f.reference(
                    "Dead letter",
                    channels,
                    c.deadLetter(),
                    v -> vm.editChannel(id, "deadLetter", x -> x.withDeadLetter(v)));
        }
        if (kind == BrokerKind.KAFKA || kind == BrokerKind.OTHER) {
            kafka(f, vm, c);
        }
        if (kind == BrokerKind.AMQP) {
            amqp(f, vm, c);
        }
        if (kind == BrokerKind.MQTT) {
            f.section("MQTT");
            MqttTopic m = c.mqtt();
            f.text("QoS", m.qos(), Parsers.QOS, v -> vm.editElement(id, "mqtt", Records.with(m, "qos", v)));
            f.check("Retained", m.retained(), v -> vm.editElement(id, "mqtt", Records.with(m, "retained", v)));
        }
        KindForms.channel(f, vm, d, c, kind);
        notes(f, vm, d, id);
        return f;
    }

    private static void kafka(Form f, InspectorViewModel vm, Channel c) {
        String id = c.id();
        KafkaTopic k = c.kafka();
        f.section("Kafka topic");
        f.text(
                "Partitions",
                k.partitions(),
                Parsers.POSITIVE_INT,
                v -> vm.editElement(id, "kafka", Records.with(k, "partitions", v)));
        f.text(
                "Replication factor",
                k.replicationFactor(),
                Parsers.POSITIVE_INT,
                v -> vm.editElement(id, "kafka", Records.with(k, "replicationFactor", v)));
        f.text(
                "Min in-sync",
                k.minInSyncReplicas(),
                Parsers.POSITIVE_INT,
                v -> vm.editElement(id, "kafka", Records.with(k, "minInSyncReplicas", v)));
        f.text(
                "Retention",
                k.retention(),
                Parsers.DURATION,
                v -> vm.editElement(id, "kafka", Records.with(k, "retention", v)));
        f.text(
                "Retention size",
                k.retentionBytes(),
                Parsers.SIZE,
                v -> vm.editElement(id, "kafka", Records.with(k, "retentionBytes", v)));
        f.choice(
                "Cleanup policy",
                new String[] {"delete", "compact"},
                k.cleanupPolicy(),
                v -> vm.editElement(id, "kafka", Records.with(k, "cleanupPolicy", v)));
        f.choice(
                "Partitioner",
                Partitioner.values(),
                k.partitioner(),
                v -> vm.editElement(id, "kafka", Records.with(k, "partitioner", v)));
    }

    private static void amqp(Form f, InspectorViewModel vm, Channel c) {
        String id = c.id();
        AmqpQueue a = c.amqp();
        f.section("AMQP queue");
        f.text("Exchange", a.exchange(), Parsers.TEXT, v -> vm.editElement(id, "amqp", Records.with(a, "exchange", v)));
        f.choice(
                "Exchange type",
                ExchangeType.values(),
                a.exchangeType(),
                v -> vm.editElement(id, "amqp", Records.with(a, "exchangeType", v)));
        f.text(
                "Routing key",
                a.routingKey(),
                Parsers.TEXT,
                v -> vm.editElement(id, "amqp", Records.with(a, "routingKey", v)));
        f.text(
                "Bindings",
                a.bindings(),
                s -> java.util.Arrays.stream(s.split(",")).map(String::trim).toList(),
                v -> vm.editElement(id, "amqp", Records.with(a, "bindings", v)));
        queueLimits(f, vm, id, a, false);
        f.check("Durable", a.durable(), v -> vm.editElement(id, "amqp", Records.with(a, "durable", v)));
    }

    /**
     * The message TTL, max length and overflow rows of a queue's {@link AmqpQueue} settings, shared by AMQP queues and
     * JMS queues; {@code prompts} shows "none" and "unbounded" in the empty TTL and length fields (the JMS form).
     */
    static void queueLimits(Form f, InspectorViewModel vm, String id, AmqpQueue a, boolean prompts) {
        var ttl = f.text(
                "Message TTL", a.ttl(), Parsers.DURATION, v -> vm.editElement(id, "amqp", Records.with(a, "ttl", v)));
        var maxLength = f.text(
                "Max length",
                a.maxLength(),
                Parsers.POSITIVE_INT,
                v -> vm.editElement(id, "amqp", Records.with(a, "maxLength", v)));
        if (prompts) {
            ttl.setPromptText("none");
            maxLength.setPromptText("unbounded");
        }
        f.choice(
                "Overflow",
                Overflow.values(),
                a.overflow(),
                v -> vm.editElement(id, "amqp", Records.with(a, "overflow", v)));
    }

    static Form broker(InspectorViewModel vm, Design d, Broker b) {
        Form f = new Form();
        String id = b.id();
        f.section("Broker");
        f.text("Id", id, Parsers.uniqueId(d, id), v -> vm.rename(id, v));
        f.choice("Kind", BrokerKind.values(), b.kind(), v -> {
            if (v != null) {
                vm.editBroker(id, "kind", x -> x.withKind(v));
            }
        });
        f.text("Nodes", b.nodes(), Parsers.POSITIVE_INT, v -> vm.editBroker(id, "nodes", x -> x.withNodes(v)));
        f.text("Host", b.host(), Parsers.TEXT, v -> vm.editBroker(id, "host", x -> x.withHost(v)));
        f.text("Protocol", b.protocol(), Parsers.TEXT, v -> vm.editBroker(id, "protocol", x -> x.withProtocol(v)));
        f.text(
                "Protocol version",
                b.protocolVersion(),
                Parsers.TEXT,
                v -> vm.editBroker(id, "protocolVersion", x -> x.withProtocolVersion(v)));
        f.text(
                "Description",
                b.description(),
                Parsers.TEXT,
                v -> vm.editBroker(id, "description", x -> x.withDescription(v)));
        f.section("Channels");
        d.channels().stream()
                .filter(c -> id.equals(c.broker()))
                .forEach(c -> f.link(c.id() + "  ·  " + c.effectiveAddress(), () -> vm.select(c.id())));
        notes(f, vm, d, id);
        return f;
    }

    static Form design(InspectorViewModel vm, Design d) {
        Form f = new Form();
        f.section("Design");
        f.text("Name", d.name(), Parsers.TEXT, v -> vm.editDesign("name", x -> x.withName(v == null ? "Untitled" : v)));
        f.text("Version", d.version(), Parsers.TEXT, v -> vm.editDesign("version", x -> x.withVersion(v)));
        f.text(
                "Description",
                d.description(),
                Parsers.TEXT,
                v -> vm.editDesign("description", x -> x.withDescription(v)));
        f.info(
                "Elements",
                d.services().size() + " services, " + d.channels().size() + " channels, "
                        + d.brokers().size() + " brokers, " + d.messages().size() + " message types");
        f.section("Message types");
        d.messages().forEach(m -> f.link(m.id(), () -> vm.select(m.id())));
        LintForm.add(f, vm, d);
        return f;
    }

    static void notes(Form f, InspectorViewModel vm, Design d, String id) {
        f.section("Notes");
        f.text(
                "Note",
                d.notes().get(id),
                Parsers.TEXT,
                v -> vm.editDesign("note of " + id, x -> {
                    Map<String, String> notes = new java.util.LinkedHashMap<>(x.notes());
                    if (v == null) {
                        notes.remove(id);
                    } else {
                        notes.put(id, v);
                    }
                    return x.withNotes(notes);
                }));
    }
}
