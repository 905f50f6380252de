/**
 * The registry of broker kinds ({@link io.eventflow.simulator.broker.BrokerKinds}, one
 * {@link io.eventflow.simulator.internal.BrokerKindProvider} per kind). The contract a kind implements,
 * {@code BrokerRuntime} seeing the run through {@code BrokerContext}, lives beside the engine in
 * {@code simulator.internal}. Not API for other modules.
 */
package io.eventflow.simulator.broker;
