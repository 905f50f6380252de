/** The reference model M1 of shared/bench as an ordinary design (eventflow bench m1). */
package io.eventflow.simulator.bench;
