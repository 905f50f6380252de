package io.eventflow.model.validate;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Signing;
import io.eventflow.model.design.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The lint rules about signed messages: EF009 (unsigned on an external channel), EF030 (a consumer not verifying). */
final class SigningLint {
    /** Where a rule's finding goes: the linter's {@code report}. */
    @FunctionalInterface
    interface Sink {
        void report(String rule, String element, String pointer, String message, String hint);
    }

    private SigningLint() {}

    /** EF009: each message of an external channel that neither it nor the channel signs. */
    static void unsignedExternal(Design d, Channel c, String p, Sink out) {
        for (int k = 0; k < c.messages().size(); k++) {
            String mid = c.messages().get(k);
            Optional<MessageType> m = d.message(mid);
            if (m.isPresent() && Signing.effective(m.get(), c) == null) {
                out.report(
                        LintRules.UNSIGNED_EXTERNAL,
                        c.id(),
                        p + "/messages/" + k,
                        "message '" + mid + "' is not signed but channel '" + c.id() + "' is external",
                        m.get().signing() != null
                                ? "remove 'signed: false' from message " + mid + " so the channel's signing applies,"
                                        + " or sign the channel"
                                : "sign it ('signed: true' or 'signing: {algorithm: ...}' on message " + mid
                                        + " or on channel " + c.id() + ") so consumers can trust its origin");
            }
        }
    }

    /** EF030: a subscription that says {@code verify: false} on a channel whose messages (some of them) are signed. */
    static void unverified(Design d, Service s, Subscription sub, Channel c, String p, Sink out) {
        if (sub.verifies(true)) {
            return;
        }
        List<String> signed = new ArrayList<>();
        for (String mid : c.messages()) {
            if (Signing.effective(d.message(mid).orElse(null), c) != null) {
                signed.add(mid);
            }
        }
        if (c.messages().isEmpty() && c.signing() != null && c.signing().enabled()) {
            signed.add("(the channel's)");
        }
        if (!signed.isEmpty()) {
            out.report(
                    LintRules.UNVERIFIED_SIGNED,
                    s.id(),
                    p + "/verify",
                    "'" + s.id() + "' reads signed messages on '" + c.id() + "' (" + String.join(", ", signed)
                            + ") without verifying them ('verify: false')",
                    "remove 'verify: false' so it rejects altered or forged messages; signing is wasted on a"
                            + " consumer that does not check");
        }
    }
}
