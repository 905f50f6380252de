package io.eventflow.simulator.sweep;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;

/** A small design for sweep tests: 1000 jobs/s on 8 partitions; each worker instance handles 250/s (4 ms each). */
final class TinyDesign {
    static final String YAML =
            """
            eventflow: 1
            name: Tiny
            brokers:
              - {id: kafka, kind: kafka}
            messages:
              - {id: Job}
            channels:
              - {id: jobs, broker: kafka, messages: [Job], partitions: 8}
            services:
              - id: source
                publishes:
                  - {channel: jobs, message: Job, rate: 1000/s, arrival: poisson}
              - id: worker
                instances: 1
                subscribes:
                  - {channel: jobs, group: worker, processing: 4ms}
            """;

    private TinyDesign() {}

    static Design design() {
        try {
            var loaded = DesignFiles.parse("tiny.eventflow.yaml", YAML);
            if (loaded.problems().stream().anyMatch(p -> p.isError())) {
                throw new IllegalStateException(loaded.problems().toString());
            }
            return loaded.design();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
