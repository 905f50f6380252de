/** Scenario files: timed faults and actions, their reader and checker. */
package io.eventflow.simulator.scenario;
