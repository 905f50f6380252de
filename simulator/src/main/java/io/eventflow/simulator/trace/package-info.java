/** Trace events (a sealed interface of records), the bounded trace buffer and the JSON Lines writer. */
package io.eventflow.simulator.trace;
