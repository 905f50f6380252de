/** The plug-in point for broker kinds: implement BrokerRuntime and register a BrokerKindProvider. */
package io.eventflow.simulator.broker;
