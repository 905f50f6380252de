/** The live run's machinery: accounting, instances, publishers, workers, the scenario timeline. Not API. */
package io.eventflow.live.internal;
