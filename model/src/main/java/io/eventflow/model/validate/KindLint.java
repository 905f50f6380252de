package io.eventflow.model.validate;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.kind.KindProfiles;
import io.eventflow.model.kind.LintContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Runs the lint rules that only apply to one broker kind, which live in the kinds' profiles ({@code
 * KindProfile.lintChannel} and its siblings), and answers their questions about the design.
 */
final class KindLint implements LintContext {
    /** Receives one finding. */
    interface Out {
        void report(String rule, String element, String pointer, String message, String hint);
    }

    /** Imperative verbs a command's name starts with, followed by an upper-case letter, a separator or nothing. */
    private static final Pattern COMMAND_VERB = Pattern.compile(
            "^(?:[Ss]et|[Ss]tart|[Ss]top|[Tt]urn|[Oo]pen|[Cc]lose|[Cc]reate|[Uu]pdate|[Dd]elete|[Rr]eset|[Rr]eboot"
                    + "|[Rr]estart|[Ee]nable|[Dd]isable|[Cc]ancel|[Ll]ock|[Uu]nlock|[Aa]ctivate|[Dd]eactivate"
                    + "|[Ee]xecute|[Tt]rigger)(?:[A-Z_.\\- ].*)?$");
    /** Names that read as something that happened, not as an order. */
    private static final Pattern PAST = Pattern.compile(".*(?:ed|Event|event|Status|status)$");

    private final Design d;
    private final Out out;

    KindLint(Design design, Out out) {
        this.d = design;
        this.out = out;
    }

    /**
     * True when a message type's id or name reads as a command: it ends in Command/Cmd (any case, plural too), or it
     * starts with an imperative verb (Set, Start, Stop, Turn, Open, Close, Create, Update, Delete, Reset, Reboot,
     * Restart, Enable, Disable, Cancel, Lock, Unlock, Activate, Deactivate, Execute, Trigger) followed by an
     * upper-case letter, a separator or nothing, and does not end like an event (-ed, Event, Status).
     */
    static boolean isCommand(MessageType m) {
        return readsAsCommand(m.id()) || (m.name() != null && readsAsCommand(m.name()));
    }

    static boolean readsAsCommand(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.matches(".*(?:command|cmd)s?")) {
            return true;
        }
        return COMMAND_VERB.matcher(name).matches() && !PAST.matcher(name).matches();
    }

    void channel(Channel c, String p) {
        KindProfiles.of(d.kindOf(c).orElse(BrokerKind.OTHER)).lintChannel(c, p, this);
    }

    void producer(Service s, String p) {
        for (BrokerKind kind : BrokerKind.values()) {
            KindProfiles.of(kind).lintProducer(s, p, this);
        }
    }

    void subscription(Service s, Subscription sub, String p) {
        Channel c = d.channel(sub.channel()).orElse(null);
        if (c == null) {
            return;
        }
        KindProfiles.of(d.kindOf(c).orElse(BrokerKind.OTHER)).lintSubscription(s, sub, c, p, this);
    }

    @Override
    public Design design() {
        return d;
    }

    @Override
    public void report(String rule, String element, String pointer, String message, String hint) {
        out.report(rule, element, pointer, message, hint);
    }

    @Override
    public int groupInstances(String group, String channel) {
        return Linter.groupInstances(d, group, channel);
    }

    @Override
    public TimeSpan downtime(Subscription sub) {
        return Linter.downtime(d, sub);
    }

    @Override
    public List<String> commands(Channel c) {
        List<String> ids = new ArrayList<>();
        for (String id : c.messages()) {
            d.message(id).filter(KindLint::isCommand).ifPresent(m -> ids.add(m.id()));
        }
        return ids;
    }
}
