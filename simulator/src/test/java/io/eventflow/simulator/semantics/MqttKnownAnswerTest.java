package io.eventflow.simulator.semantics;

import static io.eventflow.simulator.semantics.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Known answers for the MQTT broker. p publishes one message every 100 ms (at 0.1, 0.2, ... s) on topic 't'; c
 * subscribes. Scenario faults fire before other events at the same instant.
 */
class MqttKnownAnswerTest {
    /** Channel QoS, channel extras, c's subscription settings, extra services. */
    static final String DESIGN =
            """
            eventflow: 1
            name: mq
            brokers: [{id: mqtt, kind: mqtt}]
            messages: [{id: M, sizeBytes: 100}]
            channels:
              - {id: t, broker: mqtt, messages: [M], qos: %d%s}
            services:
              - id: p
                publishes: [{channel: t, message: M, rate: 10/s, arrival: constant}]
              - id: c
                subscribes:
                  - {channel: t, group: c, processing: 10ms, %s}
            %s""";

    static String mqtt(int qos, String channelExtra, String sub) {
        return DESIGN.formatted(qos, channelExtra, sub, "");
    }

    static final String CRASH = "{at: 2.005s, kind: crash, target: c, instance: 0, restartAfter: 1s}";
    static final String PERSISTENT = "qos: 2, sessionExpiry: 1h";

    @Test
    void qos0LosesTheMessageInFlightAndEverythingSentWhileAway() throws Exception {
        // crash at 2.005 s while the 2.0 s message is processed (2.0..2.01): lost (qos0). Nothing is queued for a
        // QoS 0 subscription while c is away: 2.1..3.0 s = 10 more lost. 100 published by 10.05 s: 100 - 11 = 89.
        Runs r = run(mqtt(0, "", PERSISTENT), "10.05s", CRASH, "");
        assertThat(r.lost("c", "qos0")).isEqualTo(11);
        assertThat(r.group("c").processed()).isEqualTo(89);
        assertThat(r.group("c").duplicates()).isZero();
    }

    @Test
    void grantedQosIsTheLowerOfPublisherAndSubscriber() throws Exception {
        // publishers use QoS 2, c subscribes at QoS 0: granted 0, so the crash loses as for QoS 0 (1 + 10)
        Runs r = run(mqtt(2, "", "qos: 0, sessionExpiry: 1h"), "10.05s", CRASH, "");
        assertThat(r.lost("c", "qos0")).isEqualTo(11);
        // publishers use QoS 0, c subscribes at QoS 2: still 0
        Runs r2 = run(mqtt(0, "", PERSISTENT), "10.05s", CRASH, "");
        assertThat(r2.lost("c", "qos0")).isEqualTo(11);
    }

    @Test
    void cleanSessionLosesWhatWasSentWhileAway() throws Exception {
        // QoS 1, clean session (no sessionExpiry): the unacknowledged 2.0 s message and 2.1..3.0 s (10) are lost
        Runs r = run(mqtt(1, "", "qos: 1"), "10.05s", CRASH, "");
        assertThat(r.lost("c", "cleanSession")).isEqualTo(11);
        assertThat(r.group("c").processed()).isEqualTo(89);
    }

    @Test
    void persistentSessionDeliversOnReturn() throws Exception {
        // sessionExpiry 1 h > 1 s downtime: the 2.0 s message (never acknowledged) is re-sent with DUP at 3.005 s,
        // 2.1..3.0 s were queued: nothing lost, all 100 processed, one redelivery, no duplicate (2.0 s was not done)
        Runs r = run(mqtt(1, "", "qos: 1, sessionExpiry: 1h"), "10.05s", CRASH, "");
        assertThat(r.group("c").lost()).isZero();
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").redelivered()).isEqualTo(1);
        assertThat(r.group("c").duplicates()).isZero();
        // the queue held 2.1..3.0 s: 10 queued + the unacknowledged one = lag 11 at most
        assertThat(r.group("c").maxLag()).isEqualTo(11);
        assertThat(r.report.channels().get("t").maxDepth()).isEqualTo(10);
    }

    @Test
    void atMostOnceAcknowledgesOnReceiptSoACrashLosesWorkInProgress() throws Exception {
        // QoS 1, persistent session, but c acknowledges on receipt: the 2.0 s message is gone with the crash
        // (crash: 1); 2.1..3.0 s wait in the session and are delivered on return: 99 processed, no redelivery
        Runs r = run(mqtt(1, "", "qos: 1, sessionExpiry: 1h, delivery: at-most-once"), "10.05s", CRASH, "");
        assertThat(r.lost("c", "crash")).isEqualTo(1);
        assertThat(r.group("c").lost()).isEqualTo(1);
        assertThat(r.group("c").processed()).isEqualTo(99);
        assertThat(r.group("c").redelivered()).isZero();
    }

    @Test
    void qos2PersistentSessionAfterACrashProcessesEachMessageOnce() throws Exception {
        // as persistentSessionDeliversOnReturn at QoS 2: the 2.0 s message was not completed, so it is re-sent
        // (redelivered 1) and processed for the first time; nothing lost, no duplicate
        Runs r = run(mqtt(2, "", "qos: 2, sessionExpiry: 1h"), "10.05s", CRASH, "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").redelivered()).isEqualTo(1);
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(r.group("c").lost()).isZero();
    }

    @Test
    void sessionExpiryShorterThanTheDowntimeLosesTheSession() throws Exception {
        // away 2.005..3.005 s, expiry 500 ms: at 2.505 s the session (2.0 s unacked + 2.1..2.5 s queued = 6) is
        // discarded; 2.6..3.0 s (5) find no session. 11 lost (sessionExpired), 89 processed.
        Runs r = run(mqtt(1, "", "qos: 1, sessionExpiry: 500ms"), "10.05s", CRASH, "");
        assertThat(r.lost("c", "sessionExpired")).isEqualTo(11);
        assertThat(r.group("c").processed()).isEqualTo(89);
    }

    /**
     * c takes 300 ms per message, 4 at a time. Partition mqtt|c from 2.05 s for 1 s. In processing at 2.05 s: the
     * messages of 1.8 s (done 2.1), 1.9 s (2.2) and 2.0 s (2.3): their acknowledgements are lost and the broker drops
     * the connection (noticed at 2.1 s at the latest). c reconnects on its next attempt (1 s later, 3.1 s, after the
     * heal at 3.05 s) with its persistent session: the broker re-sends the 3 with DUP.
     */
    static final String SLOW = "processing: 300ms, concurrency: 4, sessionExpiry: 1h, ";

    static final String PARTITION = "{at: 2.05s, kind: partition, between: [mqtt, c], for: 1s}";

    @Test
    void qos1LostPubackGivesOneDuplicatePerMessageAfterReconnect() throws Exception {
        Runs r = run(mqtt(1, "", SLOW + "qos: 1").replace("processing: 10ms, ", ""), "12s", PARTITION, "");
        assertThat(r.group("c").duplicates()).isEqualTo(3);
        assertThat(r.group("c").redelivered()).isEqualTo(3);
        assertThat(r.group("c").lost()).isZero();
    }

    @Test
    void qos2KeepsPacketIdStateSoNoDuplicate() throws Exception {
        // the same scenario at QoS 2: the client already sent PUBREC for the 3, so only PUBREL/PUBCOMP follow
        Runs r = run(mqtt(2, "", SLOW + "qos: 2").replace("processing: 10ms, ", ""), "12s", PARTITION, "");
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(r.group("c").redelivered()).isZero();
        assertThat(r.group("c").lost()).isZero();
    }

    @Test
    void qos2PublishedButSubscribedAtQos1DuplicatesAsQos1() throws Exception {
        Runs r = run(mqtt(2, "", SLOW + "qos: 1").replace("processing: 10ms, ", ""), "12s", PARTITION, "");
        assertThat(r.group("c").duplicates()).isEqualTo(3);
    }

    /**
     * A {@code drop} resets the connection, as on a real network and through the live fault proxy (docs/simulator.md,
     * "MQTT"). c takes 1.02 s per message, 30 at a time, so it holds about 10 (10/s × 1.02 s) unacknowledged: message
     * t is processed t..t+1.02 s and acknowledged then. Dropping everything on mqtt -> c during 2.05..2.15 s loses the
     * delivery of the 2.1 s message (the only one in the window) and resets c's connection at 2.1 s; c connects again
     * 250 ms later, at 2.35 s (the window has ended, so its CONNECT and CONNACK pass). At 2.1 s c holds 1.1..2.0 s (10;
     * 1.0 s was done and acknowledged at 2.02 s) and goes on processing them; the PUBACKs of 1.1, 1.2 and 1.3 s (done
     * 2.12, 2.22, 2.32 s) go nowhere. 2.2 and 2.3 s are published while c is away. By 10.05 s 100 are published and
     * 9.1..10.0 s (10) are still being processed (t + 1.02 > 10.05).
     */
    static final String HOLDING = "processing: 1020ms, concurrency: 30, ";

    static final String DROP_DELIVERY = "{at: 2.05s, kind: drop, link: [mqtt, c], percent: 100, for: 100ms}";

    static String holding(int qos, String sub) {
        return mqtt(qos, "", HOLDING + sub).replace("processing: 10ms, ", "");
    }

    @Test
    void resetAtQos1DuplicatesEverythingTheClientHadNotAcknowledged() throws Exception {
        // Persistent session: at 2.35 s the broker re-sends the 11 unacknowledged with DUP: 1.1..1.3 s (done, not
        // acknowledged), 1.4..2.0 s (c still processes the first copy and takes the second as well) and 2.1 s (never
        // arrived). 1.1..2.0 s are processed twice: 10 duplicates; 2.1 s once. 2.2, 2.3 s were queued. Nothing lost:
        // 100 - 10 in processing = 90 processed.
        Runs r = run(holding(1, "qos: 1, sessionExpiry: 1h"), "10.05s", DROP_DELIVERY, "");
        assertThat(r.group("c").duplicates()).isEqualTo(10);
        assertThat(r.group("c").redelivered()).isEqualTo(11);
        assertThat(r.group("c").lost()).isZero();
        assertThat(r.group("c").processed()).isEqualTo(90);
        // the 2.1 s message: published 2.1 s, re-sent 2.35 s, done 3.37 s: 1 270 ms, the highest latency (the
        // others take 1 020 ms); the report keeps 2 significant digits
        assertThat(r.report.latencyMs().max()).isBetween(1_250.0, 1_290.0);
    }

    @Test
    void resetWithACleanSessionLosesTheDroppedDeliveryAndWhatCameMeanwhile() throws Exception {
        // Clean session: it ends with the connection at 2.1 s. The dropped 2.1 s message and 2.2, 2.3 s (no
        // subscription until 2.35 s) are lost as cleanSession; what c held (1.1..2.0 s) it still processes, once.
        // 100 - 3 lost - 10 in processing = 87 processed.
        Runs r = run(holding(1, "qos: 1"), "10.05s", DROP_DELIVERY, "");
        assertThat(r.lost("c", "cleanSession")).isEqualTo(3);
        assertThat(r.group("c").lost()).isEqualTo(3);
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(r.group("c").redelivered()).isZero();
        assertThat(r.group("c").processed()).isEqualTo(87);
    }

    @Test
    void resetAtQos0LosesWhatWasOnItsWayAndWhatCameMeanwhile() throws Exception {
        // QoS 0: the dropped 2.1 s message and 2.2, 2.3 s (nobody connected) are lost as qos0, the rest processed
        Runs r = run(holding(0, "qos: 1, sessionExpiry: 1h"), "10.05s", DROP_DELIVERY, "");
        assertThat(r.lost("c", "qos0")).isEqualTo(3);
        assertThat(r.group("c").lost()).isEqualTo(3);
        assertThat(r.group("c").processed()).isEqualTo(87);
        assertThat(r.group("c").duplicates()).isZero();
    }

    @Test
    void resetAtQos2ResendsOnlyWhatTheClientNeverGot() throws Exception {
        // QoS 2: for 1.1..1.3 s (processed, PUBREC lost) the client knows the packet ids, so PUBREL/PUBCOMP complete
        // them; 1.4..2.0 s it still holds under known packet ids (completed when done). Only 2.1 s is sent again:
        // redelivered 1, no duplicate, nothing lost, 90 processed.
        Runs r = run(holding(2, "qos: 2, sessionExpiry: 1h"), "10.05s", DROP_DELIVERY, "");
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(r.group("c").redelivered()).isEqualTo(1);
        assertThat(r.group("c").lost()).isZero();
        assertThat(r.group("c").processed()).isEqualTo(90);
    }

    @Test
    void droppedPubackResetsTheConnectionToo() throws Exception {
        // Dropping c -> mqtt during 2.11..2.13 s loses the PUBACK of 1.1 s (sent at 2.12 s) and resets the
        // connection then. c holds 1.2..2.1 s (10); 1.2, 1.3 s are done before it is back at 2.37 s (acks nowhere).
        // The broker re-sends the 11 unacknowledged (1.1..2.1 s), each already processed or in c's hands: 11
        // duplicates, nothing lost. 2.2, 2.3 s were queued.
        String drop = "{at: 2.11s, kind: drop, link: [c, mqtt], percent: 100, for: 20ms}";
        Runs r = run(holding(1, "qos: 1, sessionExpiry: 1h"), "10.05s", drop, "");
        assertThat(r.group("c").duplicates()).isEqualTo(11);
        assertThat(r.group("c").redelivered()).isEqualTo(11);
        assertThat(r.group("c").lost()).isZero();
        assertThat(r.group("c").processed()).isEqualTo(90);
    }

    @Test
    void resetClientRetriesItsConnectEvery250msWhileTheDropLasts() throws Exception {
        // A 100 % drop on mqtt -> c during 2.05..3.15 s: reset at 2.1 s, then the CONNACK of each attempt at 2.35,
        // 2.6, 2.85 and 3.1 s is dropped; the attempt at 3.35 s connects. Clean session: 2.1..3.3 s (13) are lost as
        // cleanSession; 100 - 13 - 10 in processing = 77 processed, none twice.
        String drop = "{at: 2.05s, kind: drop, link: [mqtt, c], percent: 100, for: 1.1s}";
        Runs r = run(holding(1, "qos: 1"), "10.05s", drop, "");
        assertThat(r.lost("c", "cleanSession")).isEqualTo(13);
        assertThat(r.group("c").processed()).isEqualTo(77);
        assertThat(r.group("c").duplicates()).isZero();
    }

    @Test
    void retainedMessageIsDeliveredToANewSubscriberAtOnce() throws Exception {
        // clean session, QoS 1, retained: 2.0 s in flight + 2.1..3.0 s are lost while c is away (11). On its return
        // at 3.005 s c subscribes afresh and receives the retained 3.0 s message at once: 10 lost, 90 processed.
        Runs r = run(mqtt(1, ", retained: true", "qos: 1"), "10.05s", CRASH, "");
        assertThat(r.lost("c", "cleanSession")).isEqualTo(10);
        assertThat(r.group("c").processed()).isEqualTo(90);
        assertThat(r.group("c").latencyMs().max()).isCloseTo(15.0, org.assertj.core.api.Assertions.within(0.5));
    }

    @Test
    void retainedMessageReachesAGroupThatStartsLater() throws Exception {
        // late: 0 instances until it is scaled to 1 at 5.05 s. Published before: 50, lost (cleanSession) for it.
        // At 5.05 s it gets the retained 5.0 s message, then 5.1..10.0 s (50): 51 processed, 49 lost.
        String late = "  - id: late\n    instances: 0\n    subscribes: [{channel: t, group: late, qos: 1}]\n";
        Runs r = run(
                DESIGN.formatted(1, ", retained: true", "qos: 1", late),
                "10.05s",
                "",
                "{at: 5.05s, kind: scale, target: late, instances: 1}");
        assertThat(r.group("late").processed()).isEqualTo(51);
        assertThat(r.lost("late", "cleanSession")).isEqualTo(49);
        assertThat(r.group("c").processed()).isEqualTo(100);
    }

    @Test
    void lastWillIsPublishedOncePerCrashNotOnScaleIn() throws Exception {
        // gw (2 instances) has a will on 'status'; crashes at 2 s (instance 0) and 5 s (instance 1), then a scale-in
        // to 1 at 8 s stops instance 1 cleanly: 2 wills, each processed once by dash
        String gw = "  - id: gw\n    instances: 2\n    publishes: [{channel: status, message: M, will: true}]\n"
                + "  - id: dash\n    subscribes: [{channel: status, group: dash, qos: 1}]\n";
        String design = DESIGN.formatted(1, "}\n  - {id: status, broker: mqtt, messages: [M], qos: 1", "qos: 1", gw);
        Runs r = run(
                design,
                "10.05s",
                "{at: 2s, kind: crash, target: gw, instance: 0, restartAfter: 1s},"
                        + " {at: 5s, kind: crash, target: gw, instance: 1, restartAfter: 1s}",
                "{at: 8s, kind: scale, target: gw, instances: 1}");
        assertThat(r.report.channels().get("status").published()).isEqualTo(2);
        assertThat(r.group("dash").processed()).isEqualTo(2);
        assertThat(r.trace).contains("\"kind\":\"published\"");
    }

    @Test
    void receiveMaximumLimitsMessagesInFlight() throws Exception {
        // 300 ms each, 4 workers, but at most 2 unacknowledged QoS 1 messages: two servers. Server A takes 0.1 s and
        // finishes at 0.4, 0.7, ..., 0.1 + 0.3k <= 10.05: k = 1..33; B starts 0.2 s: 0.2 + 0.3k <= 10.05: k = 1..32.
        // 65 processed, 35 of the 100 still owed (queued or in flight).
        String sub = "processing: 300ms, concurrency: 4, qos: 1, receiveMaximum: 2";
        Runs r = run(mqtt(1, "", sub).replace("processing: 10ms, ", ""), "10.05s", "", "");
        assertThat(r.group("c").processed()).isEqualTo(65);
        assertThat(r.group("c").inFlight()).isEqualTo(35);
        assertThat(r.group("c").maxLag()).isEqualTo(35);
        // without the limit the 4 workers keep up: in flight at 10.05 s only 9.8, 9.9 and 10.0 s
        Runs free = run(
                mqtt(1, "", "processing: 300ms, concurrency: 4, qos: 1").replace("processing: 10ms, ", ""),
                "10.05s",
                "",
                "");
        assertThat(free.group("c").processed()).isEqualTo(97);
    }

    @Test
    void brokerCrashLosesPublishesWhileDownAndTheSessions() throws Exception {
        // down 3.05..4.05 s: the QoS 1 publishes of 3.1..4.0 s fail (no producer retries): 10 lost (crash).
        // Sessions are in memory: c reconnects with a new one and gets everything after.
        Runs r = run(
                mqtt(1, "", "qos: 1, sessionExpiry: 1h"),
                "10.05s",
                "{at: 3.05s, kind: broker-crash, target: mqtt, node: 0, restartAfter: 1s}",
                "");
        assertThat(r.lost("c", "crash")).isEqualTo(10);
        assertThat(r.group("c").processed()).isEqualTo(90);
        // QoS 0 publishers never learn: the same 10 are lost as qos0
        Runs q0 = run(
                mqtt(0, "", "qos: 1"),
                "10.05s",
                "{at: 3.05s, kind: broker-crash, target: mqtt, node: 0, restartAfter: 1s}",
                "");
        assertThat(q0.lost("c", "qos0")).isEqualTo(10);
    }

    @Test
    void faultsThatNeedALogAreRefusedNamingTheTopic() throws Exception {
        String scenario =
                """
                eventflow-scenario: 1
                faults:
                  - {at: 1s, kind: retention, target: t, maxBytes: 1KiB}
                  - {at: 2s, kind: broker-crash, target: mqtt, node: 1}
                actions:
                  - {at: 3s, kind: replay, group: c, channel: t, to: earliest}
                """;
        var d = Runs.design(mqtt(1, "", "qos: 1"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> io.eventflow.simulator.scenario.ScenarioReader.parse("m.scenario.yaml", scenario, d))
                .isInstanceOfSatisfying(io.eventflow.model.io.InputException.class, e -> assertThat(e.problems())
                        .extracting(io.eventflow.model.validate.Problem::format)
                        .anySatisfy(f -> assertThat(f).contains("'t' is an mqtt topic"))
                        .anySatisfy(f -> assertThat(f).contains("one node: 0"))
                        .anySatisfy(f -> assertThat(f).contains("replay needs a log")));
    }
}
