/** The discrete-event broker simulator. */
package io.eventflow.simulator;
