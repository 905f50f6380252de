package io.eventflow.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.Keyed;
import io.eventflow.model.design.Signing;
import io.eventflow.model.design.SigningAlgorithm;
import io.eventflow.model.design.TimeSpan;

/**
 * The {@code signed} and {@code signing} keys of messages and channels: {@code signed: true/false} as older designs
 * write it, {@code signing: {algorithm, keyId, signTime, verifyTime}} for the rest. Shared by the design file and the
 * AsyncAPI extension {@code x-eventflow-signing}.
 */
public final class SigningFormat {
    private SigningFormat() {}

    /** Reads {@code signed} and {@code signing} of one map; null when neither is there. */
    static Signing read(Fields f) {
        Boolean signed = f.bool("signed");
        Fields s = f.object("signing", f.element());
        if (s == null) {
            if (signed == null) {
                return null;
            }
            return signed ? Signing.SIGNED : Signing.UNSIGNED;
        }
        Signing signing = new Signing(
                true,
                s.keyed("algorithm", SigningAlgorithm.class, "signing algorithm"),
                s.str("keyId"),
                s.timeSpan("signTime"),
                s.timeSpan("verifyTime"));
        s.rejectUnknown();
        if (Boolean.FALSE.equals(signed)) {
            f.error("signed", "'signed: false' contradicts 'signing', which signs the messages", "remove one of them");
            return Signing.UNSIGNED;
        }
        return signing;
    }

    /** Writes {@code signed: true/false} when that says all, else {@code signing: {...}}. */
    static void write(ObjectNode o, Signing s) {
        if (s == null) {
            return;
        }
        if (s.isPlain()) {
            o.put("signed", s.enabled());
        } else {
            o.set("signing", toNode(s));
        }
    }

    /** The {@code signing} map of a signed setting ({@code {}} when it names nothing). */
    public static ObjectNode toNode(Signing s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (s.algorithm() != null) {
            o.put("algorithm", s.algorithm().key());
        }
        if (s.keyId() != null) {
            o.put("keyId", s.keyId());
        }
        if (s.signTime() != null) {
            o.put("signTime", s.signTime().text());
        }
        if (s.verifyTime() != null) {
            o.put("verifyTime", s.verifyTime().text());
        }
        return o;
    }

    /**
     * Reads a {@code signing} map written by {@link #toNode} (e.g. from an AsyncAPI extension).
     *
     * @throws IllegalArgumentException naming the key and the problem
     */
    public static Signing fromNode(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("signing must be a map of algorithm, keyId, signTime, verifyTime");
        }
        SigningAlgorithm a = n.hasNonNull("algorithm")
                ? Keyed.parse(SigningAlgorithm.class, n.get("algorithm").asText(), "signing algorithm")
                : null;
        return new Signing(
                true,
                a,
                n.hasNonNull("keyId") ? n.get("keyId").asText() : null,
                n.hasNonNull("signTime") ? TimeSpan.parse(n.get("signTime").asText()) : null,
                n.hasNonNull("verifyTime") ? TimeSpan.parse(n.get("verifyTime").asText()) : null);
    }
}
