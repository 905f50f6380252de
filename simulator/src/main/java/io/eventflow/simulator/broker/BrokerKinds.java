package io.eventflow.simulator.broker;

import io.eventflow.simulator.broker.internal.AmqpBroker;
import io.eventflow.simulator.broker.internal.JmsBroker;
import io.eventflow.simulator.broker.internal.KafkaBroker;
import io.eventflow.simulator.broker.internal.MqttBroker;
import io.eventflow.simulator.broker.internal.PostgresBroker;
import io.eventflow.simulator.broker.internal.RedisBroker;
import io.eventflow.simulator.broker.internal.SqsBroker;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The broker kinds the simulator can run. Add a kind by adding a provider here. */
public final class BrokerKinds {
    private static final Map<String, BrokerKindProvider> PROVIDERS = new TreeMap<>();

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

    public static synchronized Optional<BrokerKindProvider> find(String kind) {
        return Optional.ofNullable(PROVIDERS.get(kind));
    }

    public static synchronized java.util.Set<String> supported() {
        return java.util.Set.copyOf(PROVIDERS.keySet());
    }
}
