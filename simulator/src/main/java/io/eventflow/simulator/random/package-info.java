/** Per-component SplitMix64 random streams, delay distributions and retry backoff. */
package io.eventflow.simulator.random;
