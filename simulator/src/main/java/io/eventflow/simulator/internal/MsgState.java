package io.eventflow.simulator.internal;

/** The state of one message id for one group. Every owed message is in exactly one of these. */
public final class MsgState {
    public static final byte NONE = 0;
    public static final byte PENDING = 1;
    public static final byte PROCESSED = 2;
    public static final byte DEAD_LETTERED = 3;
    public static final byte EXPIRED = 4;
    public static final byte LOST_CRASH = 5;
    public static final byte LOST_NETWORK = 6;
    public static final byte LOST_RETENTION = 7;
    public static final byte LOST_OVERFLOW = 8;
    public static final byte LOST_QOS0 = 9;
    public static final byte LOST_REJECTED = 10;
    /** Queued or unacknowledged in a persistent session that expired (or published while none existed). */
    public static final byte LOST_SESSION_EXPIRED = 11;
    /** A QoS 1/2 message for a clean-session client that was away (or in flight when it went). */
    public static final byte LOST_CLEAN_SESSION = 12;
    /** Broadcast without storage: no session of the group was listening when the notification was sent. */
    public static final byte LOST_NOT_LISTENING = 13;
    /** The publishing transaction rolled back, so the notification was never sent. */
    public static final byte LOST_ROLLBACK = 14;
    /** A non-durable topic subscription did not exist (no subscriber connected) when the message came. */
    public static final byte LOST_NOT_SUBSCRIBED = 15;

    /** Trimmed by a stream's maximum length before the group read it (or while pending with no live holder). */
    public static final byte LOST_TRIMMED = 16;

    /** Skipped by an offset reset to latest ({@code startFrom}) with no committed offset in the log. */
    public static final byte LOST_OFFSET_RESET = 17;

    /** Rejected by a consumer that verifies signatures: a tamper fault altered it (no dead-letter channel). */
    public static final byte LOST_TAMPERED = 18;

    public static final int COUNT = 19;

    /** Names of the loss causes, indexed by state - LOST_CRASH. */
    public static final String[] LOSS_CAUSES = {
        "crash",
        "network",
        "retention",
        "overflow",
        "qos0",
        "rejected",
        "sessionExpired",
        "cleanSession",
        "notListening",
        "rollback",
        "notSubscribed",
        "trimmed",
        "offsetReset",
        "tampered"
    };

    private MsgState() {}

    public static boolean isLost(byte s) {
        return s >= LOST_CRASH;
    }

    public static byte lostState(String cause) {
        for (int i = 0; i < LOSS_CAUSES.length; i++) {
            if (LOSS_CAUSES[i].equals(cause)) {
                return (byte) (LOST_CRASH + i);
            }
        }
        throw new IllegalArgumentException("unknown loss cause " + cause);
    }
}
