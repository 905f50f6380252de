package io.eventflow.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.broker.BrokerKinds;
import io.eventflow.simulator.report.SimulationReport;
import org.junit.jupiter.api.Test;

class MessageReuseTest {
    private static final long N = 20_000;

    /**
     * The reference model M1 of shared/bench ({@code eventflow bench m1}, with its defaults): 4 Poisson producers at
     * 0.2/s, one channel, one consumer with exponential processing of mean 1 s. {@code %s} is the broker kind and,
     * for kafka, the channel's settings.
     */
    private static final String M1 =
            """
            eventflow: 1
            name: M1
            brokers:
              - id: broker
                kind: %s
            messages:
              - id: Msg
            channels:
              - id: topic
                broker: broker
                address: m1
                messages:
                  - Msg
            %s
            services:
              - id: producers
                instances: 4
                publishes:
                  - channel: topic
                    message: Msg
                    rate: 0.2/s
                    arrival: poisson
              - id: consumers
                instances: 1
                subscribes:
                  - channel: topic
                    group: consumers
                    processing:
                      distribution: exponential
                      mean: 1s
                    concurrency: 1
                    prefetch: 1
                    delivery: at-least-once
                    commit:
                      mode: after-processing
            """;

    private static final String ROUND_ROBIN_PARTITION =
            "    partitions: 1\n    replicationFactor: 1\n    minInSyncReplicas: 1\n    partitioner: round-robin";

    private static Design m1(String dispatch) throws Exception {
        String yaml =
                dispatch.equals("shared") ? M1.formatted("amqp", "") : M1.formatted("kafka", ROUND_ROBIN_PARTITION);
        DesignFiles.Loaded l = DesignFiles.parse("m1.eventflow.yaml", yaml);
        assertThat(l.hasErrors()).as(l.problems().toString()).isFalse();
        return l.design();
    }

    private static Engine run(String dispatch, long linkDelay) throws Exception {
        Engine w = EngineBuilder.build(DesignCompiler.compile(m1(dispatch), BrokerKinds::find), 1, BrokerKinds::find);
        w.keepConsumed = false;
        if (linkDelay > 0) {
            Link l = w.link("producers", "broker");
            l.delay = linkDelay;
            l.changed();
        }
        w.limitPublishing(N, Long.MAX_VALUE);
        EngineBuilder.start(w);
        w.kernel.runToEnd();
        return w;
    }

    private static void assertAllProcessed(Engine w) {
        SimulationReport r = Accounting.report(w, "m1", 1, 0);
        assertThat(r.violations()).isEmpty();
        assertThat(r.totals().processed()).isEqualTo(N);
    }

    @Test
    void amqpReusesAckedMessages() throws Exception {
        Engine w = run("shared", 0);
        assertAllProcessed(w);
        assertThat(w.published()).isEqualTo(N);
        // one object per message in the system at once (queue + consumer), not one per publication
        assertThat(w.messagesAllocated()).isLessThan(N / 50);
    }

    @Test
    void messagesThatCrossedTheNetworkAreNotReused() throws Exception {
        Engine w = run("shared", 1_000_000);
        assertAllProcessed(w);
        assertThat(w.messagesAllocated()).isEqualTo(N);
    }

    @Test
    void kafkaLogsDoNotReuse() throws Exception {
        Engine w = run("rr", 0);
        assertAllProcessed(w);
        assertThat(w.messagesAllocated()).isEqualTo(N);
    }
}
