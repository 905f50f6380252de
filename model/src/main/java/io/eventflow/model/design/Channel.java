package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A channel: a topic or a queue on a broker. In design files the per-kind settings are written flat on the channel
 * ({@code partitions: 6}, {@code exchange: payments}, {@code qos: 1}).
 *
 * @param id stable id, unique in the design
 * @param broker id of the broker that carries it
 * @param address the topic or queue name on the broker, e.g. {@code orders.placed.v1}
 * @param messages ids of the message types it carries
 * @param title human title
 * @param description free text
 * @param external whether parties outside the organisation publish or read it (signing matters)
 * @param deadLetter id of the channel rejected, expired or overflowing messages go to (a dead-letter exchange or queue)
 * @param settings the settings of the broker kind ({@link ChannelSettings#NONE} when none)
 * @param compatibility the compatibility mode of the payload schemas of the messages it carries, for messages that set
 *     none ({@link Compatibility#DEFAULT} when null), checked by {@code eventflow diff}
 * @param signing how the messages it carries are signed, for messages that say nothing themselves (not signed when
 *     null)
 * @param extensions {@code x-} keys kept verbatim
 */
public record Channel(
        String id,
        String broker,
        String address,
        List<String> messages,
        String title,
        String description,
        Boolean external,
        String deadLetter,
        ChannelSettings settings,
        Compatibility compatibility,
        Signing signing,
        Map<String, JsonNode> extensions)
        implements Element {
    public Channel {
        Objects.requireNonNull(id, "id");
        messages = messages == null ? List.of() : List.copyOf(messages);
        settings = settings == null ? ChannelSettings.NONE : ChannelSettings.of(settings.parts());
        extensions = Extensions.copy(extensions);
    }

    /** A copy with {@code compatibility} set. */
    public Channel withCompatibility(Compatibility newCompatibility) {
        return new Channel(
                id,
                broker,
                address,
                messages,
                title,
                description,
                external,
                deadLetter,
                settings,
                newCompatibility,
                signing,
                extensions);
    }

    public Channel(String id, String broker, String address, List<String> messages) {
        this(id, broker, address, messages, null, null, null, null, null, null, null, Map.of());
    }

    /** A copy with {@code signing} set (null: not signed). */
    public Channel withSigning(Signing newSigning) {
        return new Channel(
                id,
                broker,
                address,
                messages,
                title,
                description,
                external,
                deadLetter,
                settings,
                compatibility,
                newSigning,
                extensions);
    }

    public boolean isExternal() {
        return Boolean.TRUE.equals(external);
    }

    /** The address, or the id where no address is given. */
    public String effectiveAddress() {
        return address != null ? address : id;
    }

    public Channel withId(String newId) {
        return new Channel(
                newId,
                broker,
                address,
                messages,
                title,
                description,
                external,
                deadLetter,
                settings,
                compatibility,
                signing,
                extensions);
    }

    public Channel withMessages(List<String> newMessages) {
        return new Channel(
                id,
                broker,
                address,
                newMessages,
                title,
                description,
                external,
                deadLetter,
                settings,
                compatibility,
                signing,
                extensions);
    }

    public Channel withSettings(ChannelSettings newSettings) {
        return new Channel(
                id,
                broker,
                address,
                messages,
                title,
                description,
                external,
                deadLetter,
                newSettings,
                compatibility,
                signing,
                extensions);
    }

    /** A copy with the settings of {@code part}'s kind replaced by it. */
    public Channel with(KindSettings part) {
        return withSettings(settings.with(part));
    }

    public Channel withAddress(String newAddress) {
        return new Channel(
                id,
                broker,
                newAddress,
                messages,
                title,
                description,
                external,
                deadLetter,
                settings,
                compatibility,
                signing,
                extensions);
    }

    /** A copy with {@code broker} set. */
    public Channel withBroker(String newBroker) {
        return new Channel(
                id,
                newBroker,
                address,
                messages,
                title,
                description,
                external,
                deadLetter,
                settings,
                compatibility,
                signing,
                extensions);
    }

    /** A copy with {@code title} set. */
    public Channel withTitle(String newTitle) {
        return new Channel(
                id,
                broker,
                address,
                messages,
                newTitle,
                description,
                external,
                deadLetter,
                settings,
                compatibility,
                signing,
                extensions);
    }

    /** A copy with {@code description} set. */
    public Channel withDescription(String newDescription) {
        return new Channel(
                id,
                broker,
                address,
                messages,
                title,
                newDescription,
                external,
                deadLetter,
                settings,
                compatibility,
                signing,
                extensions);
    }

    /** A copy with {@code external} set. */
    public Channel withExternal(Boolean newExternal) {
        return new Channel(
                id,
                broker,
                address,
                messages,
                title,
                description,
                newExternal,
                deadLetter,
                settings,
                compatibility,
                signing,
                extensions);
    }

    /** A copy with {@code deadLetter} set. */
    public Channel withDeadLetter(String newDeadLetter) {
        return new Channel(
                id,
                broker,
                address,
                messages,
                title,
                description,
                external,
                newDeadLetter,
                settings,
                compatibility,
                signing,
                extensions);
    }

    @Override
    public <R> R match(
            java.util.function.Function<Broker, R> broker,
            java.util.function.Function<Channel, R> channel,
            java.util.function.Function<Service, R> service,
            java.util.function.Function<MessageType, R> message) {
        return channel.apply(this);
    }
}
