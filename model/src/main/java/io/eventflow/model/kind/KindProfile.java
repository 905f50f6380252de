package io.eventflow.model.kind;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.KindSettings;
import java.util.Set;
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
     * This kind's part of the settings with every reference to another element's id mapped ({@code map} returns null
     * for a reference to drop); the part itself when it refers to nothing.
     */
    default KindSettings mapChannelRefs(KindSettings part, UnaryOperator<String> map) {
        return part;
    }

    /** Checks the values of this kind's part of the channel's settings ({@code broker}: its broker, or null). */
    default void checkChannel(Channel channel, Broker broker, String pointer, ChannelChecks out) {}

    /**
     * What a channel's settings of this kind are called in the error when they sit on a broker of another kind, e.g.
     * {@code Kafka settings (partitions, retention, ...)}.
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
