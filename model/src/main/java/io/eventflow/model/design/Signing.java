package io.eventflow.model.design;

/**
 * How messages are signed, on a message type or on a channel (a channel's applies to the messages it carries that say
 * nothing themselves). Fields are {@code null} when the design does not set them.
 *
 * @param enabled whether the messages are signed; {@code false} only on a message that opts out ({@code signed: false})
 * @param algorithm the signing algorithm ({@link SigningAlgorithm#DEFAULT} when null)
 * @param keyId the id of the key, as producers and consumers look it up (free text)
 * @param signTime the time a producer takes to sign one message (measured default per algorithm and size when null)
 * @param verifyTime the time a consumer takes to verify one message (measured default per algorithm and size when null)
 */
public record Signing(
        boolean enabled, SigningAlgorithm algorithm, String keyId, TimeSpan signTime, TimeSpan verifyTime) {
    /** Signed, nothing else said ({@code signed: true}). */
    public static final Signing SIGNED = new Signing(true, null, null, null, null);

    /** Not signed ({@code signed: false}): on a message, it opts out of its channels' signing. */
    public static final Signing UNSIGNED = new Signing(false, null, null, null, null);

    public Signing {
        if (!enabled && (algorithm != null || keyId != null || signTime != null || verifyTime != null)) {
            throw new IllegalArgumentException("an unsigned message has no signing algorithm, key or times");
        }
    }

    /** Signed with the given algorithm. */
    public static Signing with(SigningAlgorithm algorithm) {
        return new Signing(true, algorithm, null, null, null);
    }

    public SigningAlgorithm algorithmOrDefault() {
        return algorithm == null ? SigningAlgorithm.DEFAULT : algorithm;
    }

    /** Whether nothing but "signed" or "not signed" is said (written as {@code signed: true/false}). */
    public boolean isPlain() {
        return algorithm == null && keyId == null && signTime == null && verifyTime == null;
    }

    /**
     * The signing of a message on a channel: the message's own when it says anything, else the channel's, else null
     * (not signed).
     */
    public static Signing effective(MessageType message, Channel channel) {
        Signing own = message == null ? null : message.signing();
        if (own != null) {
            return own.enabled() ? own : null;
        }
        Signing c = channel == null ? null : channel.signing();
        return c != null && c.enabled() ? c : null;
    }

    /**
     * How documentation shows it: {@code true}/{@code false} when nothing else is said, else the algorithm, the key and
     * the times, e.g. {@code Ed25519, key orders-2024}.
     */
    public String describe() {
        if (isPlain()) {
            return Boolean.toString(enabled);
        }
        StringBuilder sb =
                new StringBuilder(algorithm == null ? algorithmOrDefault().key() + " (default)" : algorithm.key());
        if (keyId != null) {
            sb.append(", key ").append(keyId);
        }
        if (signTime != null) {
            sb.append(", sign ").append(signTime.text());
        }
        if (verifyTime != null) {
            sb.append(", verify ").append(verifyTime.text());
        }
        return sb.toString();
    }

    public Signing withAlgorithm(SigningAlgorithm newAlgorithm) {
        return new Signing(true, newAlgorithm, keyId, signTime, verifyTime);
    }

    public Signing withKeyId(String newKeyId) {
        return new Signing(true, algorithm, newKeyId, signTime, verifyTime);
    }

    public Signing withSignTime(TimeSpan newSignTime) {
        return new Signing(true, algorithm, keyId, newSignTime, verifyTime);
    }

    public Signing withVerifyTime(TimeSpan newVerifyTime) {
        return new Signing(true, algorithm, keyId, signTime, newVerifyTime);
    }
}
