/**
 * Live mode: runs a design and a scenario on real brokers (embedded in-process by default, the user's when
 * given) with the official clients, and measures the same report as the simulator. No JavaFX here.
 */
package io.eventflow.live;
