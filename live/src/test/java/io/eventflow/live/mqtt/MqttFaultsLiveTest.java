package io.eventflow.live.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.server.FaultRun;
import io.eventflow.live.server.LocalServerTests;
import io.eventflow.live.server.SampleRuns;
import io.eventflow.model.design.Design;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import org.junit.jupiter.api.Test;

/**
 * Network faults (through the fault proxy) and broker crashes on the MQTT servers a run starts: the embedded Moquette
 * and a private mosquitto. One publisher at a constant 50 readings/s, stopped at 4 s by a {@code rate} action so that
 * the count owed does not depend on when the run ends; one subscriber processing each reading in 2 ms.
 */
class MqttFaultsLiveTest {
    private static final String DESIGN =
            """
            eventflow: 1
            name: MQTT faults
            brokers:
              - {id: mqtt, kind: mqtt%s}
            messages:
              - id: Reading
                payload: {type: object, properties: {sensorId: {type: string}}}
            channels:
              - {id: readings, broker: mqtt, address: plant/readings, messages: [Reading], qos: %d}
            services:
              - id: sensors
                publishes:
                  - {channel: readings, message: Reading, rate: 50/s, arrival: constant}
              - id: store
                subscribes:
                  - {channel: readings, group: store, processing: 2ms, delivery: at-least-once%s}
            """;

    /** A 5 s run (seed 7) with {@code fault}, the publisher stopped at 4 s, drained for up to {@code drainSeconds}. */
    private static LiveResult run(Design d, String fault, int drainSeconds) throws Exception {
        return FaultRun.of(d)
                .scenarioYaml("eventflow-scenario: 1\nfaults:\n  - " + fault
                        + "\nactions:\n  - {at: 4s, kind: rate, target: sensors, channel: readings, rate: 0/s}\n")
                .seed(7)
                .seconds(5)
                .drainSeconds(drainSeconds)
                .run();
    }

    private static GroupReport store(LiveResult r) {
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        GroupReport g = rep.groups().get("store");
        System.err.println("store: owed " + g.owed() + ", processed " + g.processed() + ", lost by cause "
                + g.lostByCause() + ", redelivered " + g.redelivered() + ", duplicates " + g.duplicates()
                + ", in flight " + g.inFlight());
        assertThat(g.owed()).isEqualTo(g.processed() + g.lost() + g.inFlight());
        return g;
    }

    @Test
    void brokerCrashOnMoquetteFailsTheSendsWhileItIsDownAndTheClientsComeBack() throws Exception {
        // 50/s from 0 to 4 s (about 200 sends), the broker down from 1 s to 3 s: the sends of those 2 s (100) fail at
        // once (the publisher is not connected: lost by crash), and the reconnects every 250 ms add at most 2 x 13
        // (publisher and subscriber, 250 ms each plus Moquette's start). QoS 0: what the subscriber holds at the crash
        // is gone with it (qos0); after the restart both clients reconnect and the readings of 3-4 s are processed.
        Design d = SampleRuns.design(String.format(DESIGN, "", 0, ""));
        LiveResult r = run(d, "{at: 1s, kind: broker-crash, target: mqtt, node: 0, restartAfter: 2s}", 2);
        GroupReport g = store(r);
        long crash = g.lostByCause().getOrDefault("crash", 0L);
        assertThat(crash).isBetween(95L, 100L + 2 * 13 + 25);
        // the failed sends between the restart and the publisher's reconnect count as crash too (no network loss)
        assertThat(g.lost()).isEqualTo(crash + g.lostByCause().getOrDefault("qos0", 0L));
        assertThat(g.lostByCause().getOrDefault("qos0", 0L)).isLessThanOrEqualTo(25);
        // before the crash (about 50) and after the clients came back (at least 25 of the last second)
        assertThat(g.processed()).isGreaterThanOrEqualTo(40 + 25);
    }

    @Test
    void brokerCrashOfMosquittoLosesItsSessionsAndTheClientsSubscribeAgain() throws Exception {
        LocalServerTests.requireProgram("mosquitto", LocalMosquittoServer.program());
        // QoS 1 with a persistent session (expiry 60 s) on mosquitto, killed (kill -9) at 1 s and started again at
        // 3 s on the same port: it kept nothing (persistence false), so the session is gone; the subscriber finds
        // none and subscribes again. The sends of the 2 s downtime (100) fail at once: lost by crash, with the few
        // between the restart and the reconnect (the clients retry at once then: up to 25 on a loaded machine).
        // The readings of 3-4 s are processed.
        Design d = SampleRuns.design(String.format(DESIGN, ", protocolVersion: \"5.0\"", 1, ", sessionExpiry: 60s"));
        LiveResult r = run(d, "{at: 1s, kind: broker-crash, target: mqtt, node: 0, restartAfter: 2s}", 2);
        GroupReport g = store(r);
        long crash = g.lostByCause().getOrDefault("crash", 0L);
        assertThat(crash).isBetween(95L, 100L + 25 + 25);
        // a reading the broker had acknowledged (PUBACK) but not yet delivered when it was killed goes with it, and
        // no client sees it go: 'unknown', with the note naming the crash (one such in a CI run: 20 ms between
        // readings, the kill can fall between the acknowledgement and the delivery)
        long unknown = g.lostByCause().getOrDefault("unknown", 0L);
        assertThat(unknown).isLessThanOrEqualTo(2);
        if (unknown > 0) {
            assertThat(r.notes()).anyMatch(n -> n.contains("crash of 'mqtt'"));
        }
        assertThat(g.lost()).isEqualTo(crash + unknown);
        assertThat(g.processed()).isGreaterThanOrEqualTo(40 + 25);
        assertThat(r.notes()).anyMatch(n -> n.contains("mosquitto"));
    }

    @Test
    void dropOnTheDeliveriesResetsTheConnectionAndAPersistentSessionResendsWhatWasDropped() throws Exception {
        LocalServerTests.requireProgram("mosquitto", LocalMosquittoServer.program());
        // Every chunk from the broker to store is dropped from 1 s for 100 ms: a delivery crosses every 20 ms, so the
        // first of them resets the connection, and the client's reconnect comes 250 ms later, after the window: one
        // reset. The session (expiry 60 s) resumes and the broker re-sends what was not acknowledged (the dropped
        // delivery, and what the client held, which it processes too: a redelivery) and what came meanwhile:
        // nothing is lost.
        Design d = SampleRuns.design(String.format(DESIGN, ", protocolVersion: \"5.0\"", 1, ", sessionExpiry: 60s"));
        LiveResult r = run(d, "{at: 1s, kind: drop, link: [mqtt, store], percent: 100, for: 100ms}", 3);
        GroupReport g = store(r);
        assertThat(g.lost()).isZero();
        assertThat(g.processed()).isEqualTo(g.owed());
        assertThat(g.redelivered()).isLessThanOrEqualTo(5);
        assertThat(g.duplicates()).isLessThanOrEqualTo(g.redelivered());
    }

    @Test
    void dropOnTheDeliveriesWithACleanSessionLosesWhatCameUntilTheReconnect() throws Exception {
        // The same single reset (1 s, a 100 ms window) with a clean session at QoS 1 on Moquette: the session goes
        // with the connection, so the dropped delivery and the readings published until the client is back and
        // subscribed again (the 250 ms wait and the connect: 12-13 readings at 50/s, up to 25 on a loaded machine)
        // are lost with it, as cleanSession; the rest is processed.
        Design d = SampleRuns.design(String.format(DESIGN, "", 1, ""));
        LiveResult r = run(d, "{at: 1s, kind: drop, link: [mqtt, store], percent: 100, for: 100ms}", 2);
        GroupReport g = store(r);
        long cleanSession = g.lostByCause().getOrDefault("cleanSession", 0L);
        assertThat(cleanSession).isBetween(10L, 30L);
        assertThat(g.lost()).isEqualTo(cleanSession);
        assertThat(g.processed()).isEqualTo(g.owed() - cleanSession);
    }

    @Test
    void partitionOfTheSubscriberHoldsItsDeliveriesAndLosesNothing() throws Exception {
        // A 1.5 s partition is shorter than the keep-alive (30 s): the connection stays, the proxy holds the
        // deliveries and the acknowledgements, and lets them go in order when it ends: nothing is lost or processed
        // twice, and the readings published during the partition wait for its end (the slowest waits about 1.5 s).
        Design d = SampleRuns.design(String.format(DESIGN, "", 1, ""));
        LiveResult r = run(d, "{at: 1s, kind: partition, between: [store, mqtt], for: 1500ms}", 2);
        GroupReport g = store(r);
        assertThat(g.lost()).isZero();
        assertThat(g.duplicates()).isZero();
        assertThat(g.latencyMs().max()).isGreaterThanOrEqualTo(1200);
        assertThat(r.notes()).anyMatch(n -> n.contains("store through the fault proxy"));
    }
}
