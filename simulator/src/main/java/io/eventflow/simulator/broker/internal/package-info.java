/** The Kafka-like and RabbitMQ-like broker runtimes; not API. */
package io.eventflow.simulator.broker.internal;
