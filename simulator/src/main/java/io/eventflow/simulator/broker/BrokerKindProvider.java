package io.eventflow.simulator.broker;

import io.eventflow.simulator.internal.BrokerContext;
import io.eventflow.simulator.internal.BrokerRuntime;
import io.eventflow.simulator.internal.Plan;

/** Creates the runtime of one broker kind ("kafka", "amqp", ...). */
public interface BrokerKindProvider {
    String kind();

    /** The runtime of {@code broker}; it sees the run only through {@code sim}. */
    BrokerRuntime create(Plan.Broker broker, BrokerContext sim);
}
