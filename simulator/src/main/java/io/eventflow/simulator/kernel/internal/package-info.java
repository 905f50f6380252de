/** The kernel's event heap; not API. */
package io.eventflow.simulator.kernel.internal;
