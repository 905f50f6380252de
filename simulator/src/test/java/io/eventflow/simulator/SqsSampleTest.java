package io.eventflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The SNS/SQS sample under its scenario: conservation, the consequences it is there to show, determinism. */
class SqsSampleTest {
    private static Simulation run(StringWriter trace) throws Exception {
        Design d = DesignFiles.open(SampleRunTest.samples().resolve("orders-sqs-sns.eventflow.yaml"));
        Scenario s = ScenarioReader.read(SampleRunTest.samples().resolve("orders-sqs-sns.scenario.yaml"), d);
        Simulation sim = Simulation.builder(d).scenario(s).traceWriter(trace).build();
        sim.runToEnd();
        return sim;
    }

    private static long count(String trace, String kind, String with) {
        return trace.lines()
                .filter(l -> l.startsWith("{\"kind\":\"" + kind + "\"") && l.contains(with))
                .count();
    }

    @Test
    void scenarioConservesShowsTheSqsConsequencesAndIsDeterministic() throws Exception {
        StringWriter t1 = new StringWriter();
        SimulationReport r = run(t1).report();
        assertThat(r.invariants().get("conservation"))
                .as(r.violations().toString())
                .isTrue();
        var billing = r.groups().get("billing");
        var analytics = r.groups().get("analytics");
        // SNS fan-out: every order is owed to both queues' groups
        assertThat(billing.owed()).isEqualTo(analytics.owed()).isGreaterThan(20_000);
        // poison orders are received maxReceiveCount (5) times, then redriven to billing-dlq
        assertThat(r.channels().get("billing-dlq").published()).isPositive();
        // analytics slower than its visibility timeout: the same orders are received and processed again
        assertThat(analytics.duplicates()).isPositive();
        // duplicated sends to the FIFO queue are deduplicated; the warehouse's only duplicates come from the deletes
        // that failed during the outage (each such message is received and processed again 60 s later)
        String trace = t1.toString();
        assertThat(count(trace, "deduplicated", "\"element\":\"shipments\"")).isPositive();
        long failedDeletes = count(trace, "delete-ignored", "\"group\":\"warehouse\"");
        assertThat(failedDeletes).isPositive();
        assertThat(r.groups().get("warehouse").duplicates()).isEqualTo(failedDeletes);
        assertThat(r.groups().get("warehouse").redelivered()).isPositive();
        assertThat(r.lostByCause()).containsEntry("noSubscriber", 0L);
        StringWriter t2 = new StringWriter();
        run(t2).report();
        assertThat(t2.toString()).isEqualTo(t1.toString());
    }
}
