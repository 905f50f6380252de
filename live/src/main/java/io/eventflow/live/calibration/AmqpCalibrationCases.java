package io.eventflow.live.calibration;

import static io.eventflow.live.calibration.Figure.group;
import static io.eventflow.live.calibration.Figure.share;

import java.time.Duration;
import java.util.List;

/**
 * The calibration cases of RabbitMQ's broker faults (a file of their own, registered in {@link CalibrationSuite#cases()}
 * with one line). Their designs and scenarios are resources beside {@link CalibrationSuite}.
 */
final class AmqpCalibrationCases {
    private AmqpCalibrationCases() {}

    static List<CalibrationCase> cases() {
        return List.of(brokerCrash(), producerRetry());
    }

    /**
     * A node crash with a durable queue holding stored and unacked messages: nothing lost, everything processed. The
     * drain covers the local node's restart (about 5 s, up to 40 s seen on a loaded machine). Duplicates are not
     * compared: RabbitMQ brings back acknowledged messages whose acks it had not written to disk (docs/fidelity.md,
     * "Not calibrated yet").
     */
    private static CalibrationCase brokerCrash() {
        return new CalibrationCase(
                "amqp-broker-crash",
                "a RabbitMQ node crash keeps what its durable queue stored; the unacked messages come again",
                "rabbit",
                Duration.ofSeconds(60),
                false,
                List.of(
                        group(
                                "billing",
                                "owed",
                                new Tolerance(
                                        2,
                                        0.25,
                                        "99 scheduled (20 ms to 1980 ms at 50/s); a live publisher more than 1 s behind its"
                                                + " schedule skips the arrivals it missed; the simulator never falls"
                                                + " behind")),
                        share(
                                "billing",
                                "lost",
                                new Tolerance(
                                        0,
                                        0,
                                        "publishing ends 2 s before the crash, so every order was confirmed: the queue"
                                                + " is durable and the orders persistent, and RabbitMQ confirms a"
                                                + " persistent message once it is on disk; nothing may be lost, in"
                                                + " either")),
                        share(
                                "billing",
                                "processed",
                                new Tolerance(
                                        0,
                                        0,
                                        "the 59 orders stored or unacked at the crash are delivered after the restart"
                                                + " and processed within the drain, in both"))));
    }

    /**
     * A producer retry spanning a node crash: what fails while the node is down is sent again once it is back, in both.
     * The drain covers the local node's restart and the retries (1 s apart) that follow it.
     */
    private static CalibrationCase producerRetry() {
        return new CalibrationCase(
                "amqp-producer-retry",
                "a producer retry whose attempts x backoff span a RabbitMQ node crash: nothing is lost",
                "rabbit",
                Duration.ofSeconds(60),
                false,
                List.of(
                        group(
                                "billing",
                                "owed",
                                new Tolerance(
                                        5,
                                        0.25,
                                        "249 scheduled (20 ms to 4980 ms at 50/s); a live publisher more than 1 s"
                                                + " behind its schedule skips the arrivals it missed; the simulator"
                                                + " never falls behind")),
                        share(
                                "billing",
                                "lost",
                                new Tolerance(
                                        0,
                                        0,
                                        "every publish that fails while the node is down (100 in the simulator, more"
                                                + " live, where the restart takes seconds longer) is sent again until"
                                                + " it is back: 60 attempts 1 s apart span the outage in both; nothing"
                                                + " may be lost")),
                        share(
                                "billing",
                                "processed",
                                new Tolerance(
                                        0,
                                        0,
                                        "every order, sent the first time or again after the restart, is processed"
                                                + " within the drain, in both"))));
    }
}
