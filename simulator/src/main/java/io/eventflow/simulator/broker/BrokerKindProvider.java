package io.eventflow.simulator.broker;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.simulator.internal.BrokerContext;
import io.eventflow.simulator.internal.BrokerRuntime;
import io.eventflow.simulator.internal.Plan;

/** Creates the runtime of one broker kind. */
public interface BrokerKindProvider {
    BrokerKind kind();

    /** The runtime of {@code broker}; it sees the run only through {@code sim}. */
    BrokerRuntime create(Plan.Broker broker, BrokerContext sim);
}
