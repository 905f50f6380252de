package io.eventflow.simulator.broker;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.simulator.broker.internal.AmqpBroker;
import io.eventflow.simulator.broker.internal.JmsBroker;
import io.eventflow.simulator.broker.internal.KafkaBroker;
import io.eventflow.simulator.broker.internal.MqttBroker;
import io.eventflow.simulator.broker.internal.PostgresBroker;
import io.eventflow.simulator.broker.internal.RedisBroker;
import io.eventflow.simulator.broker.internal.SqsBroker;
import io.eventflow.simulator.internal.BrokerKindProvider;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The broker kinds the simulator can run, by {@link BrokerKind}. Add a kind by adding a provider here. */
public final class BrokerKinds {
    private static final Map<BrokerKind, BrokerKindProvider> PROVIDERS = new EnumMap<>(BrokerKind.class);

    static {
        register(KafkaBroker.PROVIDER);
        register(AmqpBroker.PROVIDER);
        register(MqttBroker.PROVIDER);
        register(PostgresBroker.PROVIDER);
        register(JmsBroker.PROVIDER);
        register(RedisBroker.PROVIDER);
        register(SqsBroker.PROVIDER);
    }

    private BrokerKinds() {}

    public static synchronized void register(BrokerKindProvider p) {
        PROVIDERS.put(p.kind(), p);
    }

    public static synchronized Optional<BrokerKindProvider> find(BrokerKind kind) {
        return Optional.ofNullable(PROVIDERS.get(kind));
    }

    /** The design-file words of the kinds the simulator runs, sorted. */
    public static synchronized Set<String> supported() {
        Set<String> keys = new TreeSet<>();
        PROVIDERS.keySet().forEach(k -> keys.add(k.key()));
        return keys;
    }
}
