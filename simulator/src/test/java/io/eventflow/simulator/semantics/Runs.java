package io.eventflow.simulator.semantics;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.io.StringWriter;

/** Runs small inline designs and scenarios for the known-answer tests. */
final class Runs {
    /** One producer 'p' at 10/s constant (t = 0.1 s, 0.2 s, ...) → channel 'orders' → one consumer 'c' (10 ms). */
    static final String KAFKA =
            """
            eventflow: 1
            name: ka
            brokers: [{id: kafka, kind: kafka, nodes: 3}]
            messages: [{id: M, sizeBytes: 1024}]
            channels:
              - {id: orders, broker: kafka, messages: [M], partitions: 1, replicationFactor: 3, minInSyncReplicas: 2%s}
              - {id: dlq, broker: kafka, messages: [M], partitions: 1}
            services:
              - id: p
                publishes: [{channel: orders, message: M, rate: 10/s, arrival: constant}]
                producer: {acks: %s%s}
              - id: c
                instances: %d
                subscribes:
                  - {channel: orders, group: c, processing: 10ms, %s}
            """;

    static final String AMQP =
            """
            eventflow: 1
            name: aq
            brokers: [{id: rabbit, kind: amqp}]
            messages: [{id: M, sizeBytes: 1024}]
            channels:
              - {id: orders, broker: rabbit, messages: [M]%s}
              - {id: dlq, broker: rabbit, messages: [M]}
            services:
              - id: p
                publishes: [{channel: orders, message: M, rate: 10/s, arrival: constant}]
                producer: {acks: %s}
              - id: c
                subscribes:
                  - {channel: orders, group: c, processing: 10ms, %s}
            """;

    static final String SCENARIO =
            """
            eventflow-scenario: 1
            duration: %s
            faults: [%s]
            actions: [%s]
            """;

    final SimulationReport report;
    final String trace;
    final Simulation sim;

    private Runs(Simulation sim, SimulationReport report, String trace) {
        this.sim = sim;
        this.report = report;
        this.trace = trace;
    }

    static Design design(String yaml) throws Exception {
        DesignFiles.Loaded l = DesignFiles.parse("test.eventflow.yaml", yaml);
        if (l.hasErrors()) {
            throw new IllegalArgumentException(l.problems().toString());
        }
        return l.design();
    }

    static String kafka(String channelExtra, String acks, String producerExtra, int instances, String sub) {
        return KAFKA.formatted(channelExtra, acks, producerExtra, instances, sub);
    }

    static String amqp(String channelExtra, String acks, String sub) {
        return AMQP.formatted(channelExtra, acks, sub);
    }

    static Runs run(String designYaml, String duration, String faults, String actions) throws Exception {
        Design d = design(designYaml);
        Scenario s = ScenarioReader.parse("test.scenario.yaml", SCENARIO.formatted(duration, faults, actions), d);
        StringWriter trace = new StringWriter();
        Simulation sim =
                Simulation.builder(d).scenario(s).seed(7).traceWriter(trace).build();
        sim.runToEnd();
        SimulationReport r = sim.report();
        if (!r.ok()) {
            throw new AssertionError("invariants violated: " + r.violations());
        }
        return new Runs(sim, r, trace.toString());
    }

    SimulationReport.GroupReport group(String name) {
        return report.groups().get(name);
    }

    long lost(String group, String cause) {
        return group(group).lostByCause().get(cause);
    }
}
