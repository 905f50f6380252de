/** Runtime internals of the simulator; not API (the app must not depend on them). */
package io.eventflow.simulator.internal;
