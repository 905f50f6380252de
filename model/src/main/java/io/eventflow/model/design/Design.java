package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole design of an event-driven system: an immutable value. Edits make a new design (see
 * {@code io.eventflow.model.edit}).
 *
 * @param name the system's name
 * @param version the design's version (AsyncAPI {@code info.version})
 * @param description free text
 * @param brokers brokers
 * @param messages message types
 * @param channels channels
 * @param services services
 * @param layout element id → canvas position
 * @param notes element id → free-form note
 * @param lint lint configuration
 * @param extensions {@code x-} keys kept verbatim
 */
public record Design(
        String name,
        String version,
        String description,
        List<Broker> brokers,
        List<MessageType> messages,
        List<Channel> channels,
        List<Service> services,
        Map<String, Position> layout,
        Map<String, String> notes,
        LintSettings lint,
        Map<String, JsonNode> extensions) {
    /** The file format version this code writes. */
    public static final int FORMAT_VERSION = 1;

    public Design {
        name = name == null ? "Untitled" : name;
        brokers = brokers == null ? List.of() : List.copyOf(brokers);
        messages = messages == null ? List.of() : List.copyOf(messages);
        channels = channels == null ? List.of() : List.copyOf(channels);
        services = services == null ? List.of() : List.copyOf(services);
        layout = layout == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(layout));
        notes = notes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(notes));
        lint = lint == null ? LintSettings.DEFAULT : lint;
        extensions = Extensions.copy(extensions);
    }

    /** An empty design with the given name. */
    public static Design empty(String name) {
        return new Design(name, null, null, null, null, null, null, null, null, null, null);
    }

    public Optional<Broker> broker(String id) {
        return brokers.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    public Optional<MessageType> message(String id) {
        return messages.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Optional<Channel> channel(String id) {
        return channels.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<Service> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The broker kind of a channel, if the channel and its broker exist. */
    public Optional<BrokerKind> kindOf(Channel channel) {
        return Optional.ofNullable(channel.broker()).flatMap(this::broker).map(Broker::kind);
    }

    /**
     * The channels subscribed to a fan-out topic: those whose settings list {@code topicId} among the topics feeding
     * them ({@link ChannelSettings#fedBy}), in design order.
     */
    public List<Channel> queuesOf(String topicId) {
        return channels.stream()
                .filter(q -> q.settings().fedBy().contains(topicId))
                .toList();
    }

    /** Every element id in the design: brokers, messages, channels and services. */
    public Stream<String> elementIds() {
        return Stream.of(
                        brokers.stream().map(Broker::id),
                        messages.stream().map(MessageType::id),
                        channels.stream().map(Channel::id),
                        services.stream().map(Service::id))
                .flatMap(s -> s);
    }

    public Design withName(String newName) {
        return new Design(
                newName, version, description, brokers, messages, channels, services, layout, notes, lint, extensions);
    }

    public Design withBrokers(List<Broker> newBrokers) {
        return new Design(
                name, version, description, newBrokers, messages, channels, services, layout, notes, lint, extensions);
    }

    public Design withMessages(List<MessageType> newMessages) {
        return new Design(
                name, version, description, brokers, newMessages, channels, services, layout, notes, lint, extensions);
    }

    public Design withChannels(List<Channel> newChannels) {
        return new Design(
                name, version, description, brokers, messages, newChannels, services, layout, notes, lint, extensions);
    }

    public Design withServices(List<Service> newServices) {
        return new Design(
                name, version, description, brokers, messages, channels, newServices, layout, notes, lint, extensions);
    }

    public Design withLayout(Map<String, Position> newLayout) {
        return new Design(
                name, version, description, brokers, messages, channels, services, newLayout, notes, lint, extensions);
    }

    public Design withNotes(Map<String, String> newNotes) {
        return new Design(
                name, version, description, brokers, messages, channels, services, layout, newNotes, lint, extensions);
    }

    public Design withLint(LintSettings newLint) {
        return new Design(
                name, version, description, brokers, messages, channels, services, layout, notes, newLint, extensions);
    }

    public Design withExtensions(Map<String, JsonNode> newExtensions) {
        return new Design(
                name, version, description, brokers, messages, channels, services, layout, notes, lint, newExtensions);
    }

    /** A copy with {@code version} set. */
    public Design withVersion(String newVersion) {
        return new Design(
                name, newVersion, description, brokers, messages, channels, services, layout, notes, lint, extensions);
    }

    /** A copy with {@code description} set. */
    public Design withDescription(String newDescription) {
        return new Design(
                name, version, newDescription, brokers, messages, channels, services, layout, notes, lint, extensions);
    }
}
