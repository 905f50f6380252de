package io.eventflow.live.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.live.LiveException;
import io.eventflow.live.LiveResult;
import io.eventflow.live.run.LiveRun;
import io.eventflow.live.server.LocalServerTests;
import io.eventflow.live.server.SampleRuns;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Publication;
import io.eventflow.simulator.report.SimulationReport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The jobs sample live on the embedded PostgreSQL (LISTEN/NOTIFY). */
class PostgresLiveRunTest {

    @Test
    void jobsSampleWithoutTransactionsLosesOnlyWhatNobodyListenedFor() throws Exception {
        Design sample = LocalServerTests.sample("jobs-postgres-notify");
        // As designed, jobs-api notifies inside transactions that sometimes roll back: not run live yet, named.
        assertThatThrownBy(() -> LiveRun.builder(sample)
                        .duration(Duration.ofSeconds(1))
                        .build()
                        .run())
                .isInstanceOf(LiveException.class)
                .hasMessageContaining("service 'jobs-api' on channel 'job-created': NOTIFY inside transactions");
        Design design = sample.withServices(sample.services().stream()
                .map(s -> s.withPublishes(s.publishes().stream()
                        .map(PostgresLiveRunTest::withoutTransaction)
                        .toList()))
                .toList());
        // The job worker (one instance) is down for 1 s: what is sent meanwhile is lost for it (notListening).
        String scenario =
                """
                eventflow-scenario: 1
                design: jobs-postgres-notify.eventflow.yaml
                faults:
                  - {at: 1s, kind: crash, target: job-worker, restartAfter: 1s}
                """;
        LiveResult r = SampleRuns.run(design, scenario, 3, 3);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        SimulationReport.GroupReport worker = rep.groups().get("job-worker");
        assertThat(worker.processed()).isPositive();
        assertThat(worker.lostByCause().get("notListening")).isPositive();
        // Three catalog instances each get every price change: one processed, two duplicates.
        SimulationReport.GroupReport catalog = rep.groups().get("catalog");
        assertThat(catalog.duplicates()).isGreaterThanOrEqualTo(catalog.processed());
        LocalServerTests.assertNoChildNamed("bin/postgres");
    }

    private static Publication withoutTransaction(Publication p) {
        return new Publication(
                p.channel(),
                p.message(),
                p.rate(),
                p.arrival(),
                p.key(),
                p.keys(),
                p.per(),
                p.from(),
                p.routingKey(),
                p.will(),
                null,
                null,
                p.extensions());
    }
}
