package io.eventflow.model.design;

/**
 * How a message is signed: the algorithms the JDK implements that messaging systems use. The simulator's default sign
 * and verify times per algorithm were measured on the JDK's implementations (docs/performance.md).
 */
public enum SigningAlgorithm implements Keyed {
    /** HMAC with SHA-256: a shared secret key ({@code HmacSHA256}). */
    HMAC_SHA256("HMAC-SHA256"),
    /** HMAC with SHA-512: a shared secret key ({@code HmacSHA512}). */
    HMAC_SHA512("HMAC-SHA512"),
    /** EdDSA on Curve25519: a key pair ({@code Ed25519}). */
    ED25519("Ed25519"),
    /** ECDSA on NIST P-256 with SHA-256: a key pair ({@code SHA256withECDSA}, {@code secp256r1}). */
    ECDSA_P256("ECDSA-P256"),
    /** RSA-PSS with SHA-256 and a 2048-bit key ({@code RSASSA-PSS}). */
    RSA_PSS_2048("RSA-PSS-2048");

    /** The algorithm of a signed message that names none (e.g. {@code signed: true} in older designs). */
    public static final SigningAlgorithm DEFAULT = HMAC_SHA256;

    private final String key;

    SigningAlgorithm(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    /** The design-file word, e.g. {@code Ed25519} (what lists of algorithms show). */
    @Override
    public String toString() {
        return key;
    }

    /** Whether producer and consumer share one secret key (HMAC), rather than a key pair. */
    public boolean sharedSecret() {
        return this == HMAC_SHA256 || this == HMAC_SHA512;
    }
}
