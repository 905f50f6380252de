package io.eventflow.live.calibration;

import static io.eventflow.live.calibration.CalibrationSuite.owed;
import static io.eventflow.live.calibration.Figure.group;
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
        return List.of(leaderFailure(), visibilityTimeout());
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
}
