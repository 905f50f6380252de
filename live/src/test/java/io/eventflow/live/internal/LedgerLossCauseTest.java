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

    @Test
    void anIdProcessedBeforeItIsOwedIsOwedOnceWhicheverComesFirst() {
        Ledger l = ledger();
        GroupLedger g = l.groups().get("g");
        l.newId(); // 4: processed by the group (a replay or re-drive to it) before its send is acknowledged
        l.newId(); // 5: processed and never sent on the group's channel
        assertThat(g.processed(4, 1_000_000, 0)).isEqualTo(GroupLedger.Processing.FIRST);
        assertThat(g.processed(5, 1_000_000, 0)).isEqualTo(GroupLedger.Processing.FIRST);
        l.sent("c", 4, true, null);
        assertThat(g.processed(2, 1_000_000, 0)).isEqualTo(GroupLedger.Processing.FIRST);
        SimulationReport r = l.report("d", 1, 1, 1, Map.of(), Map.of("g", Set.of(3L)));
        var gr = r.groups().get("g");
        // owed: 0, 1, 2, 3 and 4 sent, 5 processed = 6; processed 2, 4, 5; 3 in flight; 0 and 1 lost
        assertThat(gr.owed()).isEqualTo(6);
        assertThat(gr.processed()).isEqualTo(3);
        assertThat(gr.inFlight()).isEqualTo(1);
        assertThat(gr.lost()).isEqualTo(2);
        assertThat(r.violations()).isEmpty();
        // a second report counts the same
        assertThat(l.report("d", 1, 1, 1, Map.of(), Map.of("g", Set.of(3L)))
                        .groups()
                        .get("g")
                        .owed())
                .isEqualTo(6);
    }
}
