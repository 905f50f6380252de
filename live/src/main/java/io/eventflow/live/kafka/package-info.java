/**
 * Kafka in live mode: {@link io.eventflow.live.kafka.KafkaConnector} (registered for {@code kind: kafka}), an
 * embedded KRaft cluster ({@link io.eventflow.live.kafka.EmbeddedKafka}), and the kafka-clients producer, consumer
 * and admin read-back behind the {@code io.eventflow.live} contract.
 */
package io.eventflow.live.kafka;
