package io.eventflow.model.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.design.SigningAlgorithm;
import java.util.Objects;

/**
 * How a change of a message's or channel's signing ({@code signed}, {@code signing}) affects producers and consumers:
 * signing that starts binds producers, signing that stops fails consumers that verify, and a new algorithm or key binds
 * both (producers sign with it, verifying consumers check with it). Sign and verify times are the simulator's only.
 */
final class SigningDiff {
    /** The change id's detail ({@code signed} or {@code signing}) and its impacts. */
    record Verdict(String key, Impact producers, Impact consumers) {}

    private SigningDiff() {}

    static Verdict of(JsonNode before, JsonNode after) {
        boolean was = signed(before);
        boolean is = signed(after);
        if (was != is) {
            return is
                    ? new Verdict("signed", Impact.BREAKING, Impact.NON_BREAKING)
                    : new Verdict("signed", Impact.NON_BREAKING, Impact.BREAKING);
        }
        if (was && (!algorithm(before).equals(algorithm(after)) || !Objects.equals(keyId(before), keyId(after)))) {
            return new Verdict("signing", Impact.BREAKING, Impact.BREAKING);
        }
        return new Verdict(
                after.has("signing") || before.has("signing") ? "signing" : "signed",
                Impact.NON_BREAKING,
                Impact.NON_BREAKING);
    }

    private static boolean signed(JsonNode t) {
        return t.path("signing").isObject() || t.path("signed").asBoolean(false);
    }

    private static String algorithm(JsonNode t) {
        JsonNode a = t.path("signing").path("algorithm");
        return a.isTextual() ? a.asText() : SigningAlgorithm.DEFAULT.key();
    }

    private static String keyId(JsonNode t) {
        JsonNode k = t.path("signing").path("keyId");
        return k.isValueNode() && !k.isMissingNode() ? k.asText() : null;
    }
}
