package io.eventflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The Postgres LISTEN/NOTIFY and JMS samples run under their scenarios, conserve and repeat for a seed. */
class PostgresJmsSampleTest {
    private static SimulationReport run(String name, StringWriter trace) throws Exception {
        Design d = DesignFiles.open(SampleRunTest.samples().resolve(name + ".eventflow.yaml"));
        Scenario s = ScenarioReader.read(SampleRunTest.samples().resolve(name + ".scenario.yaml"), d);
        Simulation sim = Simulation.builder(d).scenario(s).traceWriter(trace).build();
        sim.runToEnd();
        SimulationReport r = sim.report();
        assertThat(r.invariants().get("conservation"))
                .as(r.violations().toString())
                .isTrue();
        return r;
    }

    @Test
    void jobsOnListenNotifyConserveAndShowWhatListenLoses() throws Exception {
        StringWriter t1 = new StringWriter();
        SimulationReport r = run("jobs-postgres-notify", t1);
        assertThat(r.groups().get("job-worker").lostByCause().get("notListening"))
                .isPositive();
        assertThat(r.groups().get("job-worker").lostByCause().get("rollback")).isPositive();
        // three catalog sessions each get every price change
        assertThat(r.groups().get("catalog").duplicates())
                .isGreaterThan(r.groups().get("catalog").processed());
        StringWriter t2 = new StringWriter();
        run("jobs-postgres-notify", t2);
        assertThat(t2.toString()).isEqualTo(t1.toString());
    }

    @Test
    void tradingOnJmsConservesAndKeepsDurableSubscriptions() throws Exception {
        StringWriter t1 = new StringWriter();
        SimulationReport r = run("trading-jms", t1);
        assertThat(r.groups().get("dashboard@trades").lostByCause().get("notSubscribed"))
                .isPositive();
        assertThat(r.groups().get("risk").lost()).isZero();
        assertThat(r.groups().get("matching-engine").deadLettered()).isPositive();
        StringWriter t2 = new StringWriter();
        run("trading-jms", t2);
        assertThat(t2.toString()).isEqualTo(t1.toString());
    }
}
