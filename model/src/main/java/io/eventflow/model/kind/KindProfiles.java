package io.eventflow.model.kind;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.ChannelSettings;
import io.eventflow.model.design.KindSettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The profile of every broker kind, by kind. Adding a kind: one profile class, one line here. */
public final class KindProfiles {
    private static final Map<BrokerKind, KindProfile> PROFILES = new EnumMap<>(BrokerKind.class);

    static {
        add(new KafkaProfile());
        add(new AmqpProfile());
        add(new MqttProfile());
        add(new SqsProfile());
        add(new RedisProfile());
        add(new PostgresProfile());
        add(new JmsProfile());
        add(new OtherProfile());
        for (BrokerKind k : BrokerKind.values()) {
            if (!PROFILES.containsKey(k)) {
                throw new IllegalStateException("no profile for broker kind " + k);
            }
        }
    }

    private KindProfiles() {}

    private static void add(KindProfile p) {
        PROFILES.put(p.kind(), p);
    }

    public static KindProfile of(BrokerKind kind) {
        return PROFILES.get(kind);
    }

    /** The settings with every reference to another element's id mapped ({@code map} returns null to drop one). */
    public static ChannelSettings mapChannelRefs(ChannelSettings settings, UnaryOperator<String> map) {
        List<KindSettings> parts = new ArrayList<>();
        for (KindSettings part : settings.parts()) {
            parts.add(of(part.kind()).mapChannelRefs(part, map));
        }
        return ChannelSettings.of(parts);
    }

    /**
     * Whether a channel on a broker of {@code brokerKind} may carry these settings: its own kind's, those its kind also
     * takes, and any on an {@code other} broker.
     */
    public static boolean fits(KindSettings settings, BrokerKind brokerKind) {
        return settings.kind() == brokerKind
                || brokerKind == BrokerKind.OTHER
                || of(brokerKind).alsoTakes().contains(settings.kind());
    }
}
