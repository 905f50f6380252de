/**
 * The engine of a run ({@code Engine}, {@code Processing}, {@code InTransit}, ...), the simulated elements, and the
 * broker contract ({@code BrokerContext}, {@code BrokerRuntime}); not API (other modules must not depend on them).
 */
package io.eventflow.simulator.internal;
