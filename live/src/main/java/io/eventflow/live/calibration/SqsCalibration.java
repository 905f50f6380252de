package io.eventflow.live.calibration;

import static io.eventflow.live.calibration.Figure.group;
import static io.eventflow.live.calibration.Figure.lostBy;

import java.time.Duration;
import java.util.List;

/**
 * Calibration cases of SQS faults run live on ElasticMQ (their designs and scenarios are resources beside this class;
 * the comments give the arithmetic). Registered in {@link CalibrationSuite#cases()}.
 */
final class SqsCalibration {
    private SqsCalibration() {}

    /** The cases of this file, in the order they run. */
    static List<CalibrationCase> cases() {
        return List.of(sqsOutage());
    }

    private static CalibrationCase sqsOutage() {
        return new CalibrationCase(
                "sqs-outage",
                "an SQS outage (broker-crash): the sends while it lasts fail and are lost, the queue keeps the rest",
                "sqs",
                Duration.ofSeconds(5),
                false,
                List.of(
                        group(
                                "billing",
                                "owed",
                                new Tolerance(
                                        2,
                                        0,
                                        "11 scheduled (2/s for 6 s, the first at 0.5 s); a live publisher more than 1 s behind its"
                                                + " schedule skips arrivals, one failing send takes the SDK's"
                                                + " retries (under 0.5 s) and the last one may miss the end")),
                        lostBy(
                                "billing",
                                "crash",
                                new Tolerance(
                                        1,
                                        0,
                                        "the 6 sends between 1.25 s and 4.25 s fail, in both; live, a send more"
                                                + " than 250 ms off its time (a loaded machine, the SDK's retries of"
                                                + " the previous one) may cross an edge of the outage")),
                        group(
                                "billing",
                                "lost",
                                new Tolerance(
                                        1,
                                        0,
                                        "only the failed sends: the queue keeps what it stored through the outage,"
                                                + " in both")),
                        group(
                                "billing",
                                "duplicates",
                                new Tolerance(
                                        0,
                                        0,
                                        "nothing is received during the outage, so no delete fails: no order is"
                                                + " processed twice, in either"))));
    }
}
