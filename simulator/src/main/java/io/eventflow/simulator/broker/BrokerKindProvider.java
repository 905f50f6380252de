package io.eventflow.simulator.broker;

import io.eventflow.simulator.internal.BrokerRuntime;
import io.eventflow.simulator.internal.Plan;
import io.eventflow.simulator.internal.World;

/** Creates the runtime of one broker kind ("kafka", "amqp", ...). */
public interface BrokerKindProvider {
    String kind();

    BrokerRuntime create(Plan.Broker broker, World world);
}
