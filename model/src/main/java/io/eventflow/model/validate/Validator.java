package io.eventflow.model.validate;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.ElementId;
import io.eventflow.model.design.KindSettings;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.RequestReply;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.kind.Checks;
import io.eventflow.model.kind.KindProfile;
import io.eventflow.model.kind.KindProfiles;
import io.eventflow.model.schema.PayloadCheck;
import io.eventflow.model.schema.PayloadSchemas;
import io.eventflow.model.schema.SchemaError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks that a design is consistent: references resolve, ids are unique, settings fit the broker kind and values are
 * possible. Returns every problem at once, each with a JSON pointer and a one-line fix hint.
 */
public final class Validator {
    /** Rule ids of validation errors. */
    public static final String SYNTAX = "EF100";

    public static final String UNKNOWN_REFERENCE = "EF101";
    public static final String DUPLICATE_ID = "EF102";
    public static final String WRONG_BROKER_KIND = "EF103";
    public static final String IMPOSSIBLE_VALUE = "EF104";
    public static final String BAD_KEY_OR_TYPE = "EF105";
    public static final String MESSAGE_NOT_ON_CHANNEL = "EF106";
    public static final String SCHEMA_DOES_NOT_PARSE = "EF107";

    private final Design d;
    private final List<Problem> out = new ArrayList<>();

    private Validator(Design design) {
        this.d = design;
    }

    /** Every validation error of the design. */
    public static List<Problem> validate(Design design) {
        return validate(design, CheckScope.ALL);
    }

    /**
     * The validation errors of the design that the checks in {@code scope} find: {@link CheckScope#PAYLOAD_SCHEMAS}
     * finds the payload schemas that do not parse (EF107), {@link CheckScope#WITHOUT_PAYLOAD_SCHEMAS} every other
     * error, without loading a schema library.
     */
    public static List<Problem> validate(Design design, CheckScope scope) {
        Validator v = new Validator(design);
        if (scope == CheckScope.PAYLOAD_SCHEMAS) {
            v.payloads();
        } else {
            v.run(scope.payloadSchemas());
        }
        return List.copyOf(v.out);
    }

    private void payloads() {
        for (int i = 0; i < d.messages().size(); i++) {
            payload(d.messages().get(i), "/messages/" + i + "/payload");
        }
    }

    private void run(boolean withPayloads) {
        duplicates();
        for (int i = 0; i < d.brokers().size(); i++) {
            broker(d.brokers().get(i), "/brokers/" + i);
        }
        if (withPayloads) {
            payloads();
        }
        for (int i = 0; i < d.channels().size(); i++) {
            channel(d.channels().get(i), "/channels/" + i);
        }
        for (int i = 0; i < d.services().size(); i++) {
            service(d.services().get(i), "/services/" + i);
        }
        if (d.lint().addressPattern() != null) {
            try {
                Pattern.compile(d.lint().addressPattern());
            } catch (PatternSyntaxException e) {
                error(
                        IMPOSSIBLE_VALUE,
                        null,
                        "/lint/addressPattern",
                        "addressPattern is not a valid regular expression: " + e.getDescription(),
                        "write a Java regular expression, e.g. ^[a-z0-9.]+$");
            }
        }
    }

    /**
     * A payload schema that does not parse (Avro, Protobuf, JSON Schema, MessagePack): the pointer goes to the node at
     * fault when the schema is a tree in the design, and the message names the line and column inside schema text.
     */
    private void payload(MessageType m, String pointer) {
        PayloadCheck c = PayloadSchemas.check(m);
        if (c.status() != PayloadCheck.Status.BROKEN) {
            return;
        }
        SchemaError e = c.error();
        String where = e.line() > 0
                ? " at line " + e.line() + (e.column() > 0 ? ", column " + e.column() : "") + " of the schema"
                : "";
        error(
                SCHEMA_DOES_NOT_PARSE,
                m.id(),
                pointer + e.pointer(),
                "the " + c.format().title() + " payload of message '" + m.id() + "' does not parse" + where + ": "
                        + e.message(),
                "fix the schema (or set schemaFormat to the language it is written in)");
    }

    private void duplicates() {
        Map<String, String> seen = new HashMap<>();
        check(seen, "broker", "/brokers/", d.brokers().stream().map(Broker::id).toList());
        check(
                seen,
                "message",
                "/messages/",
                d.messages().stream().map(MessageType::id).toList());
        check(
                seen,
                "channel",
                "/channels/",
                d.channels().stream().map(Channel::id).toList());
        check(
                seen,
                "service",
                "/services/",
                d.services().stream().map(Service::id).toList());
    }

    private void check(Map<String, String> seen, String what, String prefix, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String bad = ElementId.problem(id);
            if (bad != null && !id.equals(ElementId.MISSING)) { // a missing id is the reader's error
                error(
                        BAD_KEY_OR_TYPE,
                        id,
                        prefix + i + "/id",
                        "the " + what + " id '" + id + "' is not a valid id",
                        bad + "; rename it");
            }
            String earlier = seen.putIfAbsent(id, what);
            if (earlier != null) {
                error(
                        DUPLICATE_ID,
                        id,
                        prefix + i + "/id",
                        "the id '" + id + "' is used twice (" + earlier + " and " + what + ")",
                        "ids must be unique across brokers, messages, channels and services: rename one");
            }
        }
    }

    private void broker(Broker b, String p) {
        if (b.nodes() != null && b.nodes() < 1) {
            error(IMPOSSIBLE_VALUE, b.id(), p + "/nodes", "a broker needs at least 1 node, not " + b.nodes(), null);
        }
        Checks checks = checks(b.id());
        for (BrokerKind kind : BrokerKind.values()) {
            KindProfiles.of(kind).checkBroker(b, p, checks);
        }
    }

    private void channel(Channel c, String p) {
        Optional<Broker> broker = Optional.empty();
        if (c.broker() == null) {
            error(
                    UNKNOWN_REFERENCE,
                    c.id(),
                    p,
                    "channel '" + c.id() + "' names no broker",
                    "add 'broker:' with the id of one of: "
                            + ids(d.brokers().stream().map(Broker::id).toList()));
        } else {
            broker = d.broker(c.broker());
            if (broker.isEmpty()) {
                unknown(
                        c.id(),
                        p + "/broker",
                        "broker",
                        c.broker(),
                        d.brokers().stream().map(Broker::id).toList());
            }
        }
        for (int i = 0; i < c.messages().size(); i++) {
            String m = c.messages().get(i);
            if (d.message(m).isEmpty()) {
                unknown(c.id(), p + "/messages/" + i, "message", m, messageIds());
            }
        }
        if (c.deadLetter() != null && d.channel(c.deadLetter()).isEmpty()) {
            unknown(c.id(), p + "/deadLetter", "channel", c.deadLetter(), channelIds());
        }
        Broker on = broker.orElse(null);
        Checks checks = checks(c.id());
        for (BrokerKind kind : BrokerKind.values()) {
            KindProfiles.of(kind).checkChannel(c, on, p, checks);
        }
        broker.ifPresent(b -> kindFits(c, b, p));
    }

    /** EF103 for each part of the channel's settings that its broker's kind does not take. */
    private void kindFits(Channel c, Broker b, String p) {
        for (KindSettings part : c.settings().parts()) {
            if (!KindProfiles.fits(part, b.kind())) {
                KindProfile profile = KindProfiles.of(part.kind());
                error(
                        WRONG_BROKER_KIND,
                        c.id(),
                        p + "/broker",
                        "channel '" + c.id() + "' has " + profile.settingsName() + " but broker '" + b.id() + "' is "
                                + b.kind(),
                        profile.misfitHint());
            }
        }
    }

    private void service(Service s, String p) {
        if (s.instances() != null && s.instances() < 0) {
            error(IMPOSSIBLE_VALUE, s.id(), p + "/instances", "instances cannot be negative", null);
        }
        for (int i = 0; i < s.publishes().size(); i++) {
            publication(s, s.publishes().get(i), p + "/publishes/" + i);
        }
        for (int i = 0; i < s.subscribes().size(); i++) {
            subscription(s, s.subscribes().get(i), p + "/subscribes/" + i);
        }
        for (int i = 0; i < s.requests().size(); i++) {
            request(s, s.requests().get(i), p + "/requests/" + i);
        }
        if (s.producer() != null
                && s.producer().retry() != null
                && s.producer().retry().maxAttempts() != null
                && s.producer().retry().maxAttempts() < 1) {
            error(
                    IMPOSSIBLE_VALUE,
                    s.id(),
                    p + "/producer/retry/maxAttempts",
                    "maxAttempts counts the first attempt:" + " it must be at least 1",
                    null);
        }
    }

    private void publication(Service s, Publication pub, String p) {
        Optional<Channel> ch = channelRef(s.id(), pub.channel(), p + "/channel");
        BrokerKind on = ch.flatMap(d::kindOf).orElse(null);
        Checks checks = checks(s.id());
        for (BrokerKind kind : BrokerKind.values()) {
            KindProfiles.of(kind).checkPublication(s, pub, ch, on, p, checks);
        }
        messageRef(s.id(), pub.message(), ch, p + "/message");
        if (pub.isChained()) {
            if (pub.rate() != null) {
                error(
                        IMPOSSIBLE_VALUE,
                        s.id(),
                        p + "/rate",
                        "a publication has either a rate or 'per: processed'," + " not both",
                        "remove the rate: it follows from what the service processes");
            }
            if (s.subscribes().isEmpty()) {
                error(
                        IMPOSSIBLE_VALUE,
                        s.id(),
                        p + "/per",
                        "'per: processed' needs the service to subscribe to" + " something",
                        "add a subscription to service '" + s.id() + "'");
            }
            if (pub.from() != null
                    && s.subscribes().stream().noneMatch(x -> x.channel().equals(pub.from()))) {
                error(
                        UNKNOWN_REFERENCE,
                        s.id(),
                        p + "/from",
                        "'from: " + pub.from() + "' is not a channel service '" + s.id() + "' subscribes to",
                        "use one of: "
                                + ids(s.subscribes().stream()
                                        .map(Subscription::channel)
                                        .toList()));
            }
        } else if (pub.rate() == null && !pub.isWill()) {
            error(
                    IMPOSSIBLE_VALUE,
                    s.id(),
                    p + "/rate",
                    "publication on '" + pub.channel() + "' has neither a rate nor" + " 'per: processed'",
                    "add e.g. 'rate: 100/s', or 'per: processed' for a chained service");
        }
        var a = pub.arrival();
        if (a != null
                && a.kind() == io.eventflow.model.design.ArrivalKind.BURSTS
                && (a.on() == null || a.off() == null)) {
            error(
                    IMPOSSIBLE_VALUE,
                    s.id(),
                    p + "/arrival",
                    "bursts need 'on' and 'off' durations",
                    "e.g. arrival: {kind: bursts, on: 2s, off: 8s}");
        }
        if (a != null
                && a.kind() == io.eventflow.model.design.ArrivalKind.RAMP
                && (a.to() == null || a.over() == null)) {
            error(
                    IMPOSSIBLE_VALUE,
                    s.id(),
                    p + "/arrival",
                    "a ramp needs 'to' and 'over'",
                    "e.g. arrival: {kind: ramp, from: 10/s, to: 500/s, over: 60s}");
        }
    }

    private void subscription(Service s, Subscription sub, String p) {
        Optional<Channel> ch = channelRef(s.id(), sub.channel(), p + "/channel");
        if (ch.isPresent()) {
            BrokerKind on = d.kindOf(ch.get()).orElse(null);
            Checks checks = checks(s.id());
            for (BrokerKind kind : BrokerKind.values()) {
                KindProfiles.of(kind).checkSubscription(s, sub, ch.get(), on, p, checks);
            }
        }
        if (sub.deadLetter() != null) {
            channelRef(s.id(), sub.deadLetter(), p + "/deadLetter");
            if (sub.deadLetter().equals(sub.channel())) {
                error(
                        IMPOSSIBLE_VALUE,
                        s.id(),
                        p + "/deadLetter",
                        "the dead-letter channel is the channel itself",
                        "failed messages would loop for ever: use a separate channel such as " + sub.channel()
                                + "-dlq");
            }
        }
        checks(s.id()).positive(p + "/concurrency", "concurrency", sub.concurrency());
        if (sub.prefetch() != null && sub.prefetch() < 0) {
            error(IMPOSSIBLE_VALUE, s.id(), p + "/prefetch", "prefetch cannot be negative", null);
        }
        for (BrokerKind kind : BrokerKind.values()) {
            KindProfiles.of(kind).checkSubscriptionValues(s, sub, p, checks(s.id()));
        }
        if (sub.retry() != null
                && sub.retry().maxAttempts() != null
                && sub.retry().maxAttempts() < 1) {
            error(
                    IMPOSSIBLE_VALUE,
                    s.id(),
                    p + "/retry/maxAttempts",
                    "maxAttempts counts the first attempt: it must" + " be at least 1",
                    null);
        }
        if (sub.mechanism() != null
                && sub.deliveryOrDefault() != io.eventflow.model.design.DeliveryGuarantee.EXACTLY_ONCE) {
            error(
                    IMPOSSIBLE_VALUE,
                    s.id(),
                    p + "/mechanism",
                    "'mechanism' only applies to exactly-once delivery",
                    "set delivery: exactly-once or remove mechanism");
        }
        var dist = sub.processing();
        if (dist != null && dist.mean() == null && (dist.min() == null || dist.max() == null)) {
            error(
                    IMPOSSIBLE_VALUE,
                    s.id(),
                    p + "/processing",
                    "the processing time needs a mean (or min and max for" + " uniform)",
                    "e.g. processing: {distribution: exponential, mean: 4ms}");
        }
        if (dist != null
                && dist.min() != null
                && dist.max() != null
                && dist.min().compareTo(dist.max()) > 0) {
            error(IMPOSSIBLE_VALUE, s.id(), p + "/processing", "min is larger than max", null);
        }
        if (sub.reply() != null) {
            Optional<Channel> rc = channelRef(s.id(), sub.reply().channel(), p + "/reply/channel");
            messageRef(s.id(), sub.reply().message(), rc, p + "/reply/message");
        }
    }

    private void request(Service s, RequestReply r, String p) {
        Optional<Channel> ch = channelRef(s.id(), r.channel(), p + "/channel");
        messageRef(s.id(), r.message(), ch, p + "/message");
        if (r.replyChannel() == null) {
            error(UNKNOWN_REFERENCE, s.id(), p, "a request needs a 'replyChannel'", null);
        } else {
            Optional<Channel> rc = channelRef(s.id(), r.replyChannel(), p + "/replyChannel");
            messageRef(s.id(), r.replyMessage(), rc, p + "/replyMessage");
        }
        if (r.rate() == null) {
            error(IMPOSSIBLE_VALUE, s.id(), p + "/rate", "a request needs a 'rate'", "e.g. rate: 10/s");
        }
    }

    private Optional<Channel> channelRef(String element, String id, String pointer) {
        if (id == null) {
            return Optional.empty();
        }
        Optional<Channel> c = d.channel(id);
        if (c.isEmpty()) {
            unknown(element, pointer, "channel", id, channelIds());
        }
        return c;
    }

    private void messageRef(String element, String id, Optional<Channel> channel, String pointer) {
        if (id == null) {
            return;
        }
        if (d.message(id).isEmpty()) {
            unknown(element, pointer, "message", id, messageIds());
        } else if (channel.isPresent()
                && !channel.get().messages().isEmpty()
                && !channel.get().messages().contains(id)) {
            error(
                    MESSAGE_NOT_ON_CHANNEL,
                    element,
                    pointer,
                    "message '" + id + "' is not carried by channel '"
                            + channel.get().id() + "'",
                    "add it to the channel's messages, or use one of: "
                            + ids(channel.get().messages()));
        }
    }

    /** What the kinds' profiles report to, as errors on {@code element}. */
    private Checks checks(String element) {
        return new Checks() {
            @Override
            public Design design() {
                return d;
            }

            @Override
            public void wrongKind(String pointer, String message, String hint) {
                error(WRONG_BROKER_KIND, element, pointer, message, hint);
            }

            @Override
            public void impossible(String pointer, String message, String hint) {
                error(IMPOSSIBLE_VALUE, element, pointer, message, hint);
            }

            @Override
            public void unknownChannel(String pointer, String id) {
                String close = Levenshtein.closest(
                        id, d.channels().stream().map(Channel::id).toList(), false);
                error(
                        UNKNOWN_REFERENCE,
                        element,
                        pointer,
                        "unknown channel '" + id + "'",
                        close == null ? null : "did you mean '" + close + "'?");
            }
        };
    }

    private void unknown(String element, String pointer, String what, String id, List<String> known) {
        String close = Levenshtein.closest(id, known, false);
        error(
                UNKNOWN_REFERENCE,
                element,
                pointer,
                "unknown " + what + " '" + id + "'",
                close != null
                        ? "did you mean '" + close + "'?"
                        : known.isEmpty()
                                ? "the design has no " + what + "s yet"
                                : "known " + what + "s: " + ids(known));
    }

    private List<String> channelIds() {
        return d.channels().stream().map(Channel::id).toList();
    }

    private List<String> messageIds() {
        return d.messages().stream().map(MessageType::id).toList();
    }

    private static String ids(List<String> ids) {
        return ids.size() <= 8 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 8)) + ", ...";
    }

    private void error(String rule, String element, String pointer, String message, String hint) {
        out.add(Problem.error(rule, element, pointer, message, hint));
    }
}
