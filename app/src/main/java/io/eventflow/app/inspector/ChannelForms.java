package io.eventflow.app.inspector;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.KindSettings;
import io.eventflow.model.design.MessageType;
import java.util.Map;

/** Forms for channels, brokers and the design as a whole. */
final class ChannelForms {
    private ChannelForms() {}

    static void channel(Form f, InspectorViewModel vm, Design d, Channel c) {
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
        var messages = f.text(
                "Message types",
                c.messages(),
                Parsers.ID_LIST,
                v -> vm.editChannel(id, "messages", x -> x.withMessages(v)));
        f.warnUnknown(messages, d.messages().stream().map(MessageType::id).toList(), "message type");
        f.text("Title", c.title(), Parsers.TEXT, v -> vm.editChannel(id, "title", x -> x.withTitle(v)));
        f.text(
                "Description",
                c.description(),
                Parsers.TEXT,
                v -> vm.editChannel(id, "description", x -> x.withDescription(v)));
        f.check("External", c.external(), v -> vm.editChannel(id, "external", x -> x.withExternal(v)));
        SigningRows.rows(f, c.signing(), v -> vm.editChannel(id, "signing", x -> x.withSigning(v)));
        String[] channels = d.channels().stream()
                .map(Channel::id)
                .filter(x -> !x.equals(id))
                .toArray(String[]::new);
        BrokerKind kind = d.kindOf(c).orElse(BrokerKind.OTHER);
        if (!KindForms.of(kind).storesNothing(c) || c.deadLetter() != null) {
            f.reference(
                    "Dead letter",
                    channels,
                    c.deadLetter(),
                    v -> vm.editChannel(id, "deadLetter", x -> x.withDeadLetter(v)));
        }
        KindForms.channel(f, vm, d, c, kind);
        notes(f, vm, d, id);
    }

    /** Replaces the channel's settings of {@code part}'s kind with {@code part}; one undoable edit. */
    static void editSettings(InspectorViewModel vm, String id, KindSettings part) {
        vm.document()
                .getDesign()
                .channel(id)
                .ifPresent(c -> vm.replaceElement(id, part.kind().key(), c.with(part)));
    }

    static void broker(Form f, InspectorViewModel vm, Design d, Broker b) {
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
    }

    static void design(Form f, InspectorViewModel vm, Design d) {
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
                count(d.services().size(), "service") + ", "
                        + count(d.channels().size(), "channel") + ", "
                        + count(d.brokers().size(), "broker") + ", "
                        + count(d.messages().size(), "message type"));
        f.section("Message types");
        d.messages().forEach(m -> f.link(m.id(), () -> vm.select(m.id())));
        LintForm.add(f, vm, d);
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

    /** "1 broker", "3 brokers". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
