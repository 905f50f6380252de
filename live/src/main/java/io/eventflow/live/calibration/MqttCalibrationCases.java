package io.eventflow.live.calibration;

import static io.eventflow.live.calibration.CalibrationSuite.owed;
import static io.eventflow.live.calibration.Figure.lostShare;
import static io.eventflow.live.calibration.Figure.share;

import java.time.Duration;
import java.util.List;

/**
 * The MQTT cases of the calibration suite ({@link CalibrationSuite} lists every case, in order): the designs and
 * scenarios are resources beside this class, named after the cases; their comments give the arithmetic.
 */
final class MqttCalibrationCases {
    private MqttCalibrationCases() {}

    /** At QoS 0 a subscriber that is away loses what is published meanwhile (Moquette). */
    static CalibrationCase qos0Crash() {
        return new CalibrationCase(
                "mqtt-qos0-crash",
                "at QoS 0 a subscriber that is away loses what is published meanwhile (Moquette)",
                "mqtt",
                Duration.ofSeconds(5),
                true,
                List.of(
                        owed("ingest", 250),
                        share(
                                "ingest",
                                "lost",
                                new Tolerance(
                                        0.06,
                                        0,
                                        "the 100 readings of the 2 s downtime out of 250; live, the"
                                                + " restarted client's connect and subscribe take 50-300 ms"
                                                + " on a loaded machine (each 20 ms one reading more lost):"
                                                + " 6 % is 15 readings, 300 ms")),
                        lostShare(
                                "ingest",
                                "qos0",
                                new Tolerance(
                                        0.06,
                                        0,
                                        "the same losses by their cause: nothing is queued at QoS 0 for"
                                                + " a client that is away"))));
    }

    /** At QoS 1 a persistent session keeps what is published while its subscriber is away (mosquitto). */
    static CalibrationCase qos1Crash() {
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

    /**
     * At QoS 1 a reset connection (a {@code drop}) makes a persistent session re-send every unacknowledged delivery,
     * and the subscriber processes again those whose PUBACK had not arrived (mosquitto).
     */
    static CalibrationCase qos1Drop() {
        return new CalibrationCase(
                "mqtt-qos1-drop",
                "at QoS 1 a reset connection re-sends every unacknowledged delivery: those processed whose PUBACK"
                        + " had not arrived are processed twice (mosquitto)",
                "mqtt",
                Duration.ofSeconds(5),
                false,
                List.of(
                        owed("ingest", 150),
                        share(
                                "ingest",
                                "duplicates",
                                new Tolerance(
                                        0.03,
                                        0,
                                        "the readings of the PUBACKs' 500 ms latency (25 at 50/s) were processed"
                                                + " and are unacknowledged at the reset; live, the proxy's delay"
                                                + " and the publisher's spacing drift by some 10-100 ms on a loaded"
                                                + " machine (each 20 ms one reading): 3 % is 4-5 readings of 150")),
                        share(
                                "ingest",
                                "redelivered",
                                new Tolerance(
                                        0.03,
                                        0,
                                        "the same 25 re-sent with DUP, and the dropped reading, which the"
                                                + " simulator counts (DUP flag) and the live run cannot tell from a"
                                                + " first delivery (it counts ids seen before): 1 reading apart,"
                                                + " same timing reason")),
                        share(
                                "ingest",
                                "lost",
                                new Tolerance(
                                        0,
                                        0,
                                        "the session (expiry 60 s) outlives the reset: the broker keeps the"
                                                + " dropped delivery and what comes while the client reconnects"))));
    }

    /**
     * At QoS 1 with a clean session a reset connection (a {@code drop}) loses what comes until the client has
     * subscribed again (Moquette).
     */
    static CalibrationCase qos1DropClean() {
        return new CalibrationCase(
                "mqtt-qos1-drop-clean",
                "at QoS 1 with a clean session a reset connection loses what comes until the client is back"
                        + " (Moquette)",
                "mqtt",
                Duration.ofSeconds(5),
                false,
                List.of(
                        owed("ingest", 150),
                        lostShare(
                                "ingest",
                                "cleanSession",
                                new Tolerance(
                                        0.06,
                                        0,
                                        "the dropped reading and those published in the 250 ms until the"
                                                + " client reconnects (13 of 150); live the reconnect also takes"
                                                + " its connect and subscribe, 50-300 ms on a loaded machine"
                                                + " (each 20 ms one reading more lost): 6 % is 9 readings, 180 ms")),
                        share(
                                "ingest",
                                "lost",
                                new Tolerance(
                                        0.06, 0, "everything lost is lost with the session, in both: the same figure")),
                        share(
                                "ingest",
                                "duplicates",
                                new Tolerance(
                                        0.02,
                                        0,
                                        "a clean session re-sends nothing, and the client processes what it"
                                                + " holds once; 2 % is 3 readings"))));
    }

    /** At QoS 0 what is published while the broker is down is lost (mosquitto killed and restarted). */
    static CalibrationCase qos0BrokerCrash() {
        return new CalibrationCase(
                "mqtt-qos0-broker-crash",
                "at QoS 0 what is published while the broker is down is lost (mosquitto, killed and restarted)",
                "mqtt",
                Duration.ofSeconds(3),
                false,
                List.of(
                        owed("ingest", 250),
                        share(
                                "ingest",
                                "lost",
                                new Tolerance(
                                        0.1,
                                        0,
                                        "the 100 readings of the 2 s downtime out of 250; live the downtime lasts"
                                                + " until the clients are back: mosquitto's restart (under 0.1 s) and"
                                                + " the publisher's and subscriber's reconnects (at once when it"
                                                + " is back), each 20 ms one reading more lost; 10 % is 25"
                                                + " readings, 500 ms; single runs spread up to +0.13 at a load"
                                                + " average of 30 (the median is compared)."
                                                + " The simulator counts them as qos0, live as crash (the"
                                                + " publisher's sends fail: it is not connected)"))));
    }
}
