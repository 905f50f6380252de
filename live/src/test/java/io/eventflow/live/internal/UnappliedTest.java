package io.eventflow.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.server.SampleRuns;
import io.eventflow.model.design.Design;
import org.junit.jupiter.api.Test;

class UnappliedTest {

    @Test
    void producerSettingsOnlyKafkaAppliesAndModelParametersAreNamed() throws Exception {
        Design d = SampleRuns.design(
                """
                eventflow: 1
                name: Settings
                brokers:
                  - {id: rabbit, kind: amqp}
                  - {id: kafka, kind: kafka}
                messages:
                  - id: M
                    payload: {type: object, properties: {id: {type: string}}}
                channels:
                  - {id: q, broker: rabbit, address: q, messages: [M]}
                  - {id: t, broker: kafka, address: t, messages: [M]}
                services:
                  - id: a
                    producer: {acks: 0, idempotent: true, transactional: true, retry: {maxAttempts: 3}}
                    publishes:
                      - {channel: q, message: M, rate: 1/s}
                  - id: k
                    producer: {acks: 0, idempotent: true, retry: {maxAttempts: 3}}
                    publishes:
                      - {channel: t, message: M, rate: 1/s}
                  - id: c
                    subscribes:
                      - {channel: t, group: c, rebalancePause: 2s}
                      - {channel: q, group: c}
                """);
        assertThat(Unapplied.of(d))
                .containsExactly(
                        "service 'a': acks 0 is not applied live on amqp: the producer waits for the broker's answer,"
                                + " so a refused send is lost as 'network', not 'qos0'",
                        "service 'a': idempotent is a Kafka producer setting, not applied live on amqp",
                        "service 'a': transactional is run live on Kafka only; its sends on amqp are not in"
                                + " transactions",
                        "service 'k': idempotent needs acks all on Kafka; with acks 0 its Kafka producer runs without"
                                + " idempotence",
                        "service 'c' on channel 't': rebalancePause 2s is the simulator's model; live, the group"
                                + " rebalances as long as the real coordinator takes");
    }
}
