package io.eventflow.app.inspector;

import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.DataSize;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.ExchangeType;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.KindSettings;
import io.eventflow.model.design.MqttTopic;
import io.eventflow.model.design.Overflow;
import io.eventflow.model.design.Partitioner;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.TimeSpan;
import java.util.List;
import java.util.Map;

/** Forms for channels, brokers and the design as a whole. */
final class ChannelForms {
    private ChannelForms() {}

    static Form channel(InspectorViewModel vm, Design d, Channel c) {
        Form f = new Form();
        String id = c.id();
        f.section("Channel");
        f.text("Id", id, Parsers.uniqueId(d, id), v -> vm.editElement(id, "id", v));
        String[] brokers = d.brokers().stream().map(Broker::id).toArray(String[]::new);
        f.reference("Broker", brokers, c.broker(), v -> vm.editElement(id, "broker", v));
        f.text("Address", c.address(), id + " (the id)", Parsers.TEXT, v -> vm.editElement(id, "address", v));
        f.text("Message types", c.messages(), Parsers.ID_LIST, v -> vm.editElement(id, "messages", v));
        f.text("Title", c.title(), Parsers.TEXT, v -> vm.editElement(id, "title", v));
        f.text("Description", c.description(), Parsers.TEXT, v -> vm.editElement(id, "description", v));
        f.check("External", c.external(), v -> vm.editElement(id, "external", v));
        String[] channels = d.channels().stream()
                .map(Channel::id)
                .filter(x -> !x.equals(id))
                .toArray(String[]::new);
        BrokerKind kind = d.kindOf(c).orElse(BrokerKind.OTHER);
        // NOTIFY and SNS topics keep nothing, so nothing is dead-lettered from them.
        boolean storesNothing = kind == BrokerKind.POSTGRES
                || (kind == BrokerKind.SQS && SqsQueue.of(c).isTopic());
        if (!storesNothing || c.deadLetter() != null) {
            f.reference("Dead letter", channels, c.deadLetter(), v -> vm.editElement(id, "deadLetter", v));
        }
        if (kind == BrokerKind.KAFKA || kind == BrokerKind.OTHER) {
            kafka(f, vm, c);
        }
        if (kind == BrokerKind.AMQP) {
            amqp(f, vm, c);
        }
        if (kind == BrokerKind.MQTT) {
            f.section("MQTT");
            MqttTopic m = MqttTopic.of(c);
            f.text("QoS", m.qos(), Parsers.QOS, v -> ChannelForms.editSettings(vm, id, m.withQos((Integer) v)));
            f.check("Retained", m.retained(), v -> ChannelForms.editSettings(vm, id, m.withRetained(v)));
        }
        KindForms.channel(f, vm, d, c, kind);
        notes(f, vm, d, id);
        return f;
    }

    private static void kafka(Form f, InspectorViewModel vm, Channel c) {
        String id = c.id();
        KafkaTopic k = KafkaTopic.of(c);
        f.section("Kafka topic");
        f.text(
                "Partitions",
                k.partitions(),
                Parsers.POSITIVE_INT,
                v -> ChannelForms.editSettings(vm, id, k.withPartitions((Integer) v)));
        f.text(
                "Replication factor",
                k.replicationFactor(),
                Parsers.POSITIVE_INT,
                v -> ChannelForms.editSettings(vm, id, k.withReplicationFactor((Integer) v)));
        f.text(
                "Min in-sync",
                k.minInSyncReplicas(),
                Parsers.POSITIVE_INT,
                v -> ChannelForms.editSettings(vm, id, k.withMinInSyncReplicas((Integer) v)));
        f.text(
                "Retention",
                k.retention(),
                Parsers.DURATION,
                v -> ChannelForms.editSettings(vm, id, k.withRetention((TimeSpan) v)));
        f.text(
                "Retention size",
                k.retentionBytes(),
                Parsers.SIZE,
                v -> ChannelForms.editSettings(vm, id, k.withRetentionBytes((DataSize) v)));
        f.choice(
                "Cleanup policy",
                new String[] {"delete", "compact"},
                k.cleanupPolicy(),
                v -> ChannelForms.editSettings(vm, id, k.withCleanupPolicy(v)));
        f.choice(
                "Partitioner",
                Partitioner.values(),
                k.partitioner(),
                v -> ChannelForms.editSettings(vm, id, k.withPartitioner(v)));
    }

    private static void amqp(Form f, InspectorViewModel vm, Channel c) {
        String id = c.id();
        AmqpQueue a = AmqpQueue.of(c);
        f.section("AMQP queue");
        f.text(
                "Exchange",
                a.exchange(),
                Parsers.TEXT,
                v -> ChannelForms.editSettings(vm, id, a.withExchange((String) v)));
        f.choice(
                "Exchange type",
                ExchangeType.values(),
                a.exchangeType(),
                v -> ChannelForms.editSettings(vm, id, a.withExchangeType(v)));
        f.text(
                "Routing key",
                a.routingKey(),
                Parsers.TEXT,
                v -> ChannelForms.editSettings(vm, id, a.withRoutingKey((String) v)));
        f.text(
                "Bindings",
                a.bindings(),
                s -> java.util.Arrays.stream(s.split(",")).map(String::trim).toList(),
                v -> ChannelForms.editSettings(vm, id, a.withBindings((List<String>) v)));
        queueLimits(f, vm, id, a, false);
        f.check("Durable", a.durable(), v -> ChannelForms.editSettings(vm, id, a.withDurable(v)));
    }

    /**
     * The message TTL, max length and overflow rows of a queue's {@link AmqpQueue} settings, shared by AMQP queues and
     * JMS queues; {@code prompts} shows "none" and "unbounded" in the empty TTL and length fields (the JMS form).
     */
    static void queueLimits(Form f, InspectorViewModel vm, String id, AmqpQueue a, boolean prompts) {
        var ttl = f.text(
                "Message TTL",
                a.ttl(),
                Parsers.DURATION,
                v -> ChannelForms.editSettings(vm, id, a.withTtl((TimeSpan) v)));
        var maxLength = f.text(
                "Max length",
                a.maxLength(),
                Parsers.POSITIVE_INT,
                v -> ChannelForms.editSettings(vm, id, a.withMaxLength((Integer) v)));
        if (prompts) {
            ttl.setPromptText("none");
            maxLength.setPromptText("unbounded");
        }
        f.choice(
                "Overflow", Overflow.values(), a.overflow(), v -> ChannelForms.editSettings(vm, id, a.withOverflow(v)));
    }

    /** Replaces the channel's settings of {@code part}'s kind with {@code part}; one undoable edit. */
    static void editSettings(InspectorViewModel vm, String id, KindSettings part) {
        vm.document()
                .getDesign()
                .channel(id)
                .ifPresent(c -> vm.replaceElement(id, part.kind().key(), c.with(part)));
    }

    static Form broker(InspectorViewModel vm, Design d, Broker b) {
        Form f = new Form();
        String id = b.id();
        f.section("Broker");
        f.text("Id", id, Parsers.uniqueId(d, id), v -> vm.editElement(id, "id", v));
        f.choice("Kind", BrokerKind.values(), b.kind(), v -> {
            if (v != null) {
                vm.editElement(id, "kind", v);
            }
        });
        f.text("Nodes", b.nodes(), Parsers.POSITIVE_INT, v -> vm.editElement(id, "nodes", v));
        f.text("Host", b.host(), Parsers.TEXT, v -> vm.editElement(id, "host", v));
        f.text("Protocol", b.protocol(), Parsers.TEXT, v -> vm.editElement(id, "protocol", v));
        f.text("Protocol version", b.protocolVersion(), Parsers.TEXT, v -> vm.editElement(id, "protocolVersion", v));
        f.text("Description", b.description(), Parsers.TEXT, v -> vm.editElement(id, "description", v));
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
        f.text(
                "Name",
                d.name(),
                Parsers.TEXT,
                v -> vm.editDesign("name", x -> x.withName(v == null ? "Untitled" : (String) v)));
        f.text("Version", d.version(), Parsers.TEXT, v -> vm.editDesign("version", x -> Records.with(x, "version", v)));
        f.text(
                "Description",
                d.description(),
                Parsers.TEXT,
                v -> vm.editDesign("description", x -> Records.with(x, "description", v)));
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
                        notes.put(id, (String) v);
                    }
                    return x.withNotes(notes);
                }));
    }
}
