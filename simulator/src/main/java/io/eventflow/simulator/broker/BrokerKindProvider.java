package io.eventflow.simulator.broker;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.simulator.internal.Plan;
import io.eventflow.simulator.internal.World;

/** Creates the runtime of one broker kind. */
public interface BrokerKindProvider {
    BrokerKind kind();

    BrokerRuntime create(Plan.Broker broker, World world);
}
