package io.eventflow.model.kind;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.KindSettings;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What the model knows about one broker kind, in one place: how its channel settings are read from and written to the
 * flat keys of a design file, what the validator checks about them, and where they fit. Found through {@link
 * KindProfiles#of}; the app and the simulator keep their parts of a kind (forms and looks, runtimes) in maps keyed by
 * the same {@link BrokerKind}.
 */
public interface KindProfile {
    BrokerKind kind();

    /** This kind's channel settings read from the channel's keys; {@code null} for a kind that has none. */
    default KindSettings readChannel(SettingsSource in) {
        return null;
    }

    /** Writes this kind's part of {@code channel}'s settings, keys in their fixed order; nothing when it has none. */
    default void writeChannel(Channel channel, SettingsSink out) {}

    /**
     * This kind's settings of {@code channel} by key, typed as {@link #writeChannel} writes them (numbers, texts, lists
     * of texts, durations, sizes, enums), in the file's order; only the keys that are set.
     */
    default Map<String, Object> channelValues(Channel channel) {
        Map<String, Object> out = new LinkedHashMap<>();
        writeChannel(channel, new SettingsSink() {
            @Override
            public void put(String key, Object value) {
                if (value != null) {
                    out.put(key, value);
                }
            }

            @Override
            public void putStrings(String key, List<String> values) {
                if (values != null) {
                    out.put(key, values);
                }
            }
        });
        return out;
    }

    /**
     * {@code channel} with this kind's settings made of {@code values} (typed as {@link #channelValues} gives them; a
     * value of the wrong type is left out); the channel itself for a kind without channel settings.
     */
    default Channel withChannelValues(Channel channel, Map<String, Object> values) {
        KindSettings part = readChannel(new ValueSource(values));
        return part == null ? channel : channel.with(part);
    }

    /** Whether {@code key} is one of this kind's channel keys, taking a value like {@code sample}. */
    default boolean readsChannelKey(String key, Object sample) {
        KindSettings part = readChannel(new ValueSource(Map.of(key, sample)));
        return part != null && !part.isEmpty();
    }

    /**
     * This kind's part of the settings with every reference to another element's id mapped ({@code map} returns null
     * for a reference to drop); the part itself when it refers to nothing.
     */
    default KindSettings mapChannelRefs(KindSettings part, UnaryOperator<String> map) {
        return part;
    }

    /**
     * The rows the HTML documentation shows for this kind's settings of a channel on a broker of kind {@code on}
     * (other if unknown): {@code row} takes a label and a plain-text value (null values are left out).
     */
    default void describeChannel(Design design, Channel channel, BrokerKind on, BiConsumer<String, Object> row) {}

    /**
     * The rows of the HTML documentation whose values are other elements of the design (shown as links) for this kind's
     * settings of {@code channel}, on a broker of any kind: {@code row} takes a label and the ids.
     */
    default void describeChannelLinks(Design design, Channel channel, BiConsumer<String, List<String>> row) {}

    /**
     * What a publication's "When" cell in the HTML documentation adds for its settings of this kind (a last will, a
     * transaction); empty when nothing. The first kind with something to say is shown.
     */
    default String describePublicationWhen(Publication pub) {
        return "";
    }

    /**
     * Adds what the HTML documentation's "Delivery" cell shows of a subscription's settings of this kind (its session,
     * durability) to {@code part}; {@code channel} is its channel if it exists, {@code on} that channel's broker kind
     * (other if unknown).
     */
    default void describeSubscription(
            Subscription sub, Optional<Channel> channel, BrokerKind on, Consumer<String> part) {}

    /** The kind badge drawn on its channels, e.g. the kind's key in capitals. */
    default String badge() {
        return kind().key().toUpperCase(Locale.ROOT);
    }

    /**
     * How a channel of this kind is drawn in a diagram and on the canvas; by default a log with one cell per
     * partition (at most 12).
     */
    default KindShape shape(Design design, Channel channel) {
        int p = channel.settings().partitionCount();
        return new KindShape("log", badge(), p + (p == 1 ? " partition" : " partitions"), Math.min(p, 12));
    }

    /**
     * The note an AsyncAPI export puts on a server of this kind (its {@code x-eventflow.note}) when AsyncAPI has no
     * binding with fields for it: where its settings are. Not read back; null for none.
     */
    default String asyncApiNote() {
        return null;
    }

    /** How this kind's settings map onto AsyncAPI bindings, both ways; {@link KindBindings#NONE} for none. */
    default KindBindings bindings() {
        return KindBindings.NONE;
    }

    /**
     * The channel keys that mark a channel of this kind when an AsyncAPI import has to make up its broker (the channel
     * names none); empty for none.
     */
    default List<String> importKeys() {
        return List.of();
    }

    /** True when other kinds' channels may carry {@link #importKeys} too: they are tried after every other kind's. */
    default boolean importKeysWeak() {
        return false;
    }

    /** The lint rules that only apply to this kind (the linter's catalogue lists them by id). */
    default List<KindRule> lintRules() {
        return List.of();
    }

    /** Lints a channel on a broker of this kind ({@code pointer}: the channel's). */
    default void lintChannel(Channel channel, String pointer, LintContext out) {}

    /** Lints a subscription of an existing channel on a broker of this kind ({@code pointer}: the subscription's). */
    default void lintSubscription(
            Service service, Subscription sub, Channel channel, String pointer, LintContext out) {}

    /** Lints a service's producer settings against its publications on channels of this kind. */
    default void lintProducer(Service service, String pointer, LintContext out) {}

    /** Checks the broker settings that belong to this kind on a broker of any kind. */
    default void checkBroker(Broker broker, String pointer, Checks out) {}

    /** Checks the values of this kind's part of the channel's settings ({@code broker}: its broker, or null). */
    default void checkChannel(Channel channel, Broker broker, String pointer, Checks out) {}

    /**
     * Checks the publication settings that belong to this kind (a last will, a transaction) on a publication
     * of any channel: {@code channel} is empty when it does not exist, {@code on} is its broker's kind or null.
     */
    default void checkPublication(
            Service service, Publication pub, Optional<Channel> channel, BrokerKind on, String pointer, Checks out) {}

    /**
     * Checks the subscription settings that belong to this kind (a durable subscription, a session) on a
     * subscription of the existing {@code channel}; {@code on} is its broker's kind or null.
     */
    default void checkSubscription(
            Service service, Subscription sub, Channel channel, BrokerKind on, String pointer, Checks out) {}

    /**
     * Checks the values of the subscription settings that belong to this kind, whatever its channel (it may not
     * exist): values no broker of the kind accepts.
     */
    default void checkSubscriptionValues(Service service, Subscription sub, String pointer, Checks out) {}

    /**
     * What a replay resets on a channel of this kind, in errors, e.g. {@code a log (foo)}; null when its channels have
     * no read position a group can move (a replay does not apply).
     */
    default String replayTarget() {
        return null;
    }

    /**
     * How long a channel of this kind keeps an unread message (lint compares it with a subscriber's downtime); empty
     * when it keeps messages until they are read (or stores none).
     */
    default Optional<Retention> retention(Channel channel) {
        return Optional.empty();
    }

    /**
     * How a channel of this kind loses an unread message in time, as the description of lint rule EF011 words it, e.g.
     * {@code expire (... ttl)}; null to leave the kind out of that description.
     */
    default String retentionLoss() {
        return null;
    }

    /**
     * Whether each partition of a channel of this kind goes to one member of a consumer group, so that members beyond
     * the channel's partitions sit idle.
     */
    default boolean partitionsBoundGroups() {
        return false;
    }

    /** Whether a group's read position on a channel of this kind can be reset (a log, a stream): a replay applies. */
    default boolean replayable() {
        return replayTarget() != null;
    }

    /**
     * Whether a crash of a broker of this kind names one of several nodes (partition leaders fail over); otherwise a
     * broker is run as one node, 0.
     */
    default boolean crashesPerNode() {
        return false;
    }

    /**
     * Why {@code what} (a fault or action about stored messages, e.g. {@code a redrive}) does not apply to {@code
     * channel} of this kind; empty when its channels store messages.
     */
    default Optional<Refusal> refuseStoredMessages(String channel, String what) {
        return Optional.empty();
    }

    /**
     * Why retention pressure (a disk limit) does not apply to {@code channel} of this kind, with the kind's own way to
     * lose old messages; empty when its channels fill a disk.
     */
    default Optional<Refusal> refuseDiskLimit(String channel) {
        return refuseStoredMessages(channel, "a retention limit");
    }

    /** Whether settings of this kind fit a channel on a broker of kind {@code on} (unknown, this kind or other). */
    default boolean fitsOn(BrokerKind on) {
        return on == null || on == kind() || on == BrokerKind.OTHER;
    }

    /**
     * What a channel's settings of this kind are called in the error when they sit on a broker of another kind, e.g.
     * {@code Streams settings (maxLen)}.
     */
    default String settingsName() {
        return kind().key() + " settings";
    }

    /** The hint of that error. */
    default String misfitHint() {
        return "put the channel on a " + kind().key() + " broker or remove those settings";
    }

    /** Other kinds whose channel settings a channel of this kind also takes (beside its own). */
    default Set<BrokerKind> alsoTakes() {
        return Set.of();
    }
}
