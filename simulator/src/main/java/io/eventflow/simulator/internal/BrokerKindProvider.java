package io.eventflow.simulator.internal;

import io.eventflow.model.design.BrokerKind;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Creates the runtime of one broker kind. */
public interface BrokerKindProvider {
    BrokerKind kind();

    /** The runtime of {@code broker}; it sees the run only through {@code sim}. */
    BrokerRuntime create(Plan.Broker broker, BrokerContext sim);

    /**
     * The providers of the kinds a run can use, by kind: the compiler and the engine builder are given one (the
     * simulator's registry, {@code io.eventflow.simulator.broker.BrokerKinds}), so that the engine does not depend on
     * the runtimes.
     */
    @FunctionalInterface
    interface Registry {
        Optional<BrokerKindProvider> find(BrokerKind kind);

        /** The design-file words of the kinds with a provider, sorted. */
        default Set<String> supported() {
            Set<String> keys = new TreeSet<>();
            for (BrokerKind k : BrokerKind.values()) {
                if (find(k).isPresent()) {
                    keys.add(k.key());
                }
            }
            return keys;
        }
    }
}
