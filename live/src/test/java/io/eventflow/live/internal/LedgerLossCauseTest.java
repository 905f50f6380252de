package io.eventflow.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.simulator.report.SimulationReport;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Losses the clients saw keep their cause; losses nobody saw are a violation, or "unknown" under broker faults. */
class LedgerLossCauseTest {
    /** Four messages to one group: id 0 sent and failed by a crashed producer, 1 failed on the network, 2 and 3 acked. */
    private static Ledger ledger() {
        Ledger l = new Ledger();
        l.channel("c");
        l.group("g", "g", "c");
        for (int i = 0; i < 4; i++) {
            l.newId();
        }
        l.sent("c", 0, true, "crash");
        l.sent("c", 1, true, "network");
        l.sent("c", 2, true, null);
        l.sent("c", 3, true, null);
        return l;
    }

    @Test
    void aLossNoClientSawBreaksConservationWithoutBrokerFaults() {
        // 2 is on the broker at the end, 3 is nowhere: no cause seen, no broker fault
        SimulationReport r = ledger().report("d", 1, 1, 1, Map.of(), Map.of("g", Set.of(2L)));
        var g = r.groups().get("g");
        assertThat(g.lostByCause())
                .containsEntry("crash", 1L)
                .containsEntry("network", 1L)
                .containsEntry("unknown", 1L);
        assertThat(g.lost()).isEqualTo(3); // 1 crash + 1 network + 1 unknown
        assertThat(r.violations()).singleElement().asString().contains("ids [3]");
    }

    @Test
    void underABrokerFaultItIsLostWithCauseUnknownAndANote() {
        Ledger l = ledger();
        l.brokerFault("the crash of 'kafka' node 0");
        SimulationReport r = l.report("d", 1, 1, 1, Map.of(), Map.of("g", Set.of(2L)));
        var g = r.groups().get("g");
        assertThat(r.violations()).isEmpty();
        assertThat(g.lostByCause())
                .containsEntry("crash", 1L)
                .containsEntry("network", 1L)
                .containsEntry("unknown", 1L);
        assertThat(g.owed()).isEqualTo(g.lost() + g.inFlight()); // 4 = 3 + 1
        assertThat(l.notes())
                .singleElement()
                .asString()
                .contains("g: 1 owed messages were lost with no failed send")
                .contains("the crash of 'kafka' node 0 may explain them")
                .contains("cause 'unknown'");
    }
}
