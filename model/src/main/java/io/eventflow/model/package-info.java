/** The design of an event-driven system: brokers, channels, messages and services. */
package io.eventflow.model;
