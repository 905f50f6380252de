/** One runtime per broker kind; each sees the run only through {@code BrokerContext}. Not API. */
package io.eventflow.simulator.broker.internal;
