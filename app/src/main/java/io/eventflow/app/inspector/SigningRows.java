package io.eventflow.app.inspector;

import io.eventflow.model.design.Signing;
import io.eventflow.model.design.SigningAlgorithm;
import io.eventflow.model.design.Subscription;
import java.util.function.Consumer;

/** The inspector rows of signing: on a message or a channel (signed, algorithm, key id), and verify on a consumer. */
final class SigningRows {
    private SigningRows() {}

    /**
     * "Signed", "Signing algorithm" and "Signing key" of a message or channel. Choosing an algorithm or typing a key
     * signs it; unticking "Signed" clears the setting (a message then follows its channels').
     */
    static void rows(Form f, Signing current, Consumer<Signing> commit) {
        boolean on = current != null && current.enabled();
        Signing base = on ? current : Signing.SIGNED;
        f.check("Signed", on ? Boolean.TRUE : null, v -> commit.accept(Boolean.TRUE.equals(v) ? base : null));
        f.choice(
                "Signing algorithm",
                SigningAlgorithm.values(),
                on ? current.algorithm() : null,
                a -> commit.accept(base.withAlgorithm(a)));
        f.text("Signing key", on ? current.keyId() : null, Parsers.TEXT, k -> commit.accept(base.withKeyId(k)));
    }

    /** "Verify signatures" of a subscription: ticked unless it says {@code verify: false} (the default verifies). */
    static void verify(Form f, Subscription s, Consumer<Boolean> commit) {
        f.check(
                "Verify signatures",
                Boolean.FALSE.equals(s.verify()) ? null : Boolean.TRUE,
                v -> commit.accept(Boolean.TRUE.equals(v) ? null : Boolean.FALSE));
    }
}
