/** The discrete-event kernel: a nanosecond clock and an event list ordered by (time, priority, sequence). */
package io.eventflow.simulator.kernel;
