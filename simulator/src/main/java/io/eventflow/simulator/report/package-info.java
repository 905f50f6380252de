/** The run report of eventflow simulate. */
package io.eventflow.simulator.report;
