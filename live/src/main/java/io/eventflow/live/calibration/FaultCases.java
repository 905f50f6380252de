package io.eventflow.live.calibration;

import static io.eventflow.live.calibration.CalibrationSuite.owed;
import static io.eventflow.live.calibration.Figure.group;
import static io.eventflow.live.calibration.Figure.lostShare;
import static io.eventflow.live.calibration.Figure.share;

import java.time.Duration;
import java.util.List;

/**
 * The cases of the suite about broker failures and timeouts: a Kafka leader failure under acks 1 and all, an SQS
 * visibility timeout shorter than the processing, MQTT QoS 1 under a consumer crash, and a Kafka retention deadline
 * passing a consumer that is away. Their designs and scenarios are resources beside this class, as for the others.
 */
final class FaultCases {
    private FaultCases() {}

    static List<CalibrationCase> cases() {
        return List.of(leaderFailure(), visibilityTimeout(), mqttQos1Crash(), retention());
    }

    private static CalibrationCase leaderFailure() {
        return new CalibrationCase(
                "kafka-leader-failure",
                "a Kafka leader fails: acks=all loses nothing acknowledged, acks=1 the leader's unreplicated tail",
                "kafka",
                Duration.ofSeconds(15),
                false,
                List.of(
                        owed("audit-all", 450),
                        group(
                                "audit-all",
                                "lost",
                                new Tolerance(
                                        0,
                                        0,
                                        "acks all with min.insync 2 of 3: every acknowledged record is on the two"
                                                + " other replicas, and the sends to the offline partition retry"
                                                + " until the new leader takes them: nothing is lost, in either")),
                        owed("audit-one", 450),
                        group(
                                "audit-one",
                                "lost",
                                new Tolerance(
                                        3,
                                        0,
                                        "acks 1: the records the crashed leader had acknowledged but not"
                                                + " replicated; 10 ms of replication lag at 30/s per partition is"
                                                + " 0 or 1 record simulated; live, the followers' fetches on"
                                                + " loopback are a few ms behind, about as many"))));
    }

    private static CalibrationCase visibilityTimeout() {
        return new CalibrationCase(
                "sqs-visibility-timeout",
                "an SQS visibility timeout shorter than the processing: the message is received and processed again",
                "sqs",
                Duration.ofSeconds(4),
                false,
                List.of(
                        owed("billing", 10),
                        share(
                                "billing",
                                "duplicates",
                                new Tolerance(
                                        0.25,
                                        0,
                                        "each order is received 3 times (at 0, 1 and 2 s: the visibility timeout"
                                                + " of 1 s ends before the processing of 1.5 s) and processed each"
                                                + " time, in both; a receive more than 0.5 s late lets the latest"
                                                + " holder's delete through and takes 1 or 2 duplicates off one"
                                                + " order: 0.25 is 2 of 9 orders")),
                        group(
                                "billing",
                                "lost",
                                new Tolerance(
                                        0,
                                        0,
                                        "every order is processed before the redrive policy moves it, in"
                                                + " either"))));
    }

    private static CalibrationCase retention() {
        return new CalibrationCase(
                "kafka-retention-away",
                "a retention deadline passes a consumer that is away: what it had not read is lost (Kafka)",
                "kafka",
                Duration.ofSeconds(5),
                false,
                List.of(
                        owed("billing", 297),
                        lostShare(
                                "billing",
                                "retention",
                                new Tolerance(
                                        0.04,
                                        0,
                                        "the 99 orders of the second phase (2 .. 4 s) of 297, all published while the consumer was"
                                                + " away and deleted before it came back, in both; the gaps between"
                                                + " the phases leave 0.5 s for the consumer to finish before the"
                                                + " crash, 1.49 s for its rejoin and first fetch and 0.53 s for"
                                                + " Kafka's deletion (a closed segment at a retention check), so no"
                                                + " order crosses a deadline by timing; 4 % is 12 orders of a"
                                                + " publisher behind schedule by more than its 1 s of catching up")),
                        share(
                                "billing",
                                "lost",
                                new Tolerance(
                                        0.04, 0, "everything lost is lost by retention, in both: the same figure"))));
    }

    private static CalibrationCase mqttQos1Crash() {
        return new CalibrationCase(
                "mqtt-qos1-crash",
                "at QoS 1 a persistent session keeps what is published while its subscriber is away (mosquitto)",
                "mqtt",
                Duration.ofSeconds(5),
                false,
                List.of(
                        owed("ingest", 250),
                        share(
                                "ingest",
                                "lost",
                                new Tolerance(
                                        0,
                                        0,
                                        "the session (expiry 60 s) outlives the 2 s downtime: the broker keeps"
                                                + " every reading for it, in both")),
                        share(
                                "ingest",
                                "redelivered",
                                new Tolerance(
                                        0.02,
                                        0,
                                        "what the broker had sent and the client had not acknowledged when it"
                                                + " crashed is sent again after the restart (the reading in"
                                                + " processing, at most one or two at 50/s and 2 ms each);"
                                                + " 2 % is 5 readings")),
                        share(
                                "ingest",
                                "duplicates",
                                new Tolerance(
                                        0.02,
                                        0,
                                        "a reading is acknowledged after its processing, and a crash stops the"
                                                + " client between two: none is processed twice in the"
                                                + " simulator; live, one processed just before the crash whose"
                                                + " acknowledgement was not written yet would be (2 % is 5)"))));
    }
}
