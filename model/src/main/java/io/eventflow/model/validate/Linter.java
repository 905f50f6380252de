package io.eventflow.model.validate;

import static io.eventflow.model.validate.LintRules.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.DeliveryGuarantee;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.kind.KindProfiles;
import io.eventflow.model.kind.Retention;
import io.eventflow.model.schema.MessageSize;
import io.eventflow.model.schema.PayloadSchemas;
import io.eventflow.model.schema.SchemaFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Lint rules: advice about a design that is valid but probably not what its author wants. Every finding is a {@link
 * Problem} with a stable rule id ({@code EF001}...), a severity, the element's id and a JSON pointer that starts with
 * the element's pointer (e.g. {@code /channels/3}) and may go down to the key concerned, so that {@code
 * SourceTree.locate} finds its line. A design re-levels or switches off rules with {@code lint: {rules: {EF005:
 * off}}}.
 */
public final class Linter {
    private final Design d;
    private final CheckScope scope;
    private final DesignFacts facts;
    private final List<Problem> out = new ArrayList<>();

    private final KindLint kinds;

    private Linter(Design design, CheckScope scope) {
        this.d = design;
        this.scope = scope;
        this.facts = new DesignFacts(design);
        this.kinds = new KindLint(design, this::report);
    }

    /** Every rule, in id order. */
    public static List<RuleInfo> rules() {
        return LintRules.ALL;
    }

    /** The rule with this id, if there is one. */
    public static Optional<RuleInfo> rule(String id) {
        return LintRules.ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Every lint finding of the design, with the severities the design's {@code lint.rules} give (rules set to {@code
     * off} report nothing). Findings have pointers but no file locations; see {@code DesignFiles.lint}.
     */
    public static List<Problem> lint(Design design) {
        return lint(design, CheckScope.ALL);
    }

    /**
     * The lint findings of the rules in {@code scope}: {@link CheckScope#PAYLOAD_SCHEMAS} runs the rules that measure a
     * message from its payload schema's example (EF003 for a message without {@code sizeBytes}, EF025), {@link
     * CheckScope#WITHOUT_PAYLOAD_SCHEMAS} every other rule, without loading a schema library.
     */
    public static List<Problem> lint(Design design, CheckScope scope) {
        Linter l = new Linter(design, scope);
        if (scope == CheckScope.PAYLOAD_SCHEMAS) {
            l.measuredMessages();
        } else {
            l.run();
        }
        return l.relevel();
    }

    private void measuredMessages() {
        for (int i = 0; i < d.messages().size(); i++) {
            MessageType m = d.messages().get(i);
            if (m.size() == null) {
                largeMessage(m, "/messages/" + i);
            }
            sizeAgainstSchema(m, "/messages/" + i);
        }
    }

    private void run() {
        configuredRules();
        for (int i = 0; i < d.brokers().size(); i++) {
            Broker b = d.brokers().get(i);
            oldTimingKey(b.id(), "/brokers/" + i, b.extensions(), "failoverTime", b.failoverTime() != null);
            oldTimingKey(b.id(), "/brokers/" + i, b.extensions(), "replicationLag", b.replicationLag() != null);
        }
        for (int i = 0; i < d.messages().size(); i++) {
            message(d.messages().get(i), "/messages/" + i);
        }
        for (int i = 0; i < d.channels().size(); i++) {
            channel(d.channels().get(i), "/channels/" + i);
        }
        for (int i = 0; i < d.services().size(); i++) {
            Service s = d.services().get(i);
            kinds.producer(s, "/services/" + i);
            for (int j = 0; j < s.subscribes().size(); j++) {
                subscription(s, s.subscribes().get(j), "/services/" + i + "/subscribes/" + j);
            }
        }
        idleConsumers();
    }

    private void configuredRules() {
        Set<String> known = LintRules.ALL.stream().map(RuleInfo::id).collect(Collectors.toCollection(TreeSet::new));
        for (String id : d.lint().rules().keySet()) {
            if (!known.contains(id)) {
                String close = known.stream()
                        .filter(k -> Levenshtein.distance(k, id.toUpperCase(Locale.ROOT)) <= 1)
                        .findFirst()
                        .orElse(null);
                report(
                        CONFIG,
                        null,
                        "/lint/rules/" + id.replace("~", "~0").replace("/", "~1"),
                        "lint.rules names '" + id + "', which is not a lint rule",
                        close != null
                                ? "did you mean '" + close + "'?"
                                : "rules are EF001 to "
                                        + LintRules.ALL
                                                .get(LintRules.ALL.size() - 1)
                                                .id());
            }
        }
    }

    /** EF025: a typed size more than twice, or less than half, the binary encoded size of the schema's example. */
    private void sizeAgainstSchema(MessageType m, String p) {
        SchemaFormat format = SchemaFormat.of(m);
        if (m.size() == null || format == SchemaFormat.JSON_SCHEMA || format == SchemaFormat.OTHER) {
            return; // JSON text: the example's strings are placeholders, its length says little about real messages
        }
        MessageSize measured = MessageSize.measured(m).orElse(null);
        var example = PayloadSchemas.check(m).example();
        if (measured == null
                || example.value().isContainerNode() && example.value().isEmpty()) {
            return; // an open schema ({type: object} and nothing more) says nothing about the size
        }
        long typed = m.size().bytes();
        if (typed > 2 * measured.bytes() || 2 * typed < measured.bytes()) {
            report(
                    SIZE_FAR_FROM_SCHEMA,
                    m.id(),
                    p + "/sizeBytes",
                    "message '" + m.id() + "' is typed as " + m.size() + " but the example made from its schema is "
                            + measured.bytes() + " bytes (" + measured.encoding() + ")",
                    "check sizeBytes, or remove it to use the measured size");
        }
    }

    private void message(MessageType m, String p) {
        if (hasNoSchema(m.payload())) {
            report(
                    NO_SCHEMA,
                    m.id(),
                    p,
                    "message '" + m.id() + "' has no payload schema",
                    "add 'payload:' with a JSON Schema (or an Avro/Protobuf schema and its schemaFormat)");
        }
        if (m.size() != null || scope.payloadSchemas()) { // a typed size needs no schema
            largeMessage(m, p);
        }
        if (scope.payloadSchemas()) {
            sizeAgainstSchema(m, p);
        }
        Set<String> publishers = facts.publishersOf(m.id());
        Set<String> consumers = facts.consumersOf(m.id());
        boolean crosses = publishers.stream().anyMatch(pub -> consumers.stream().anyMatch(c -> !c.equals(pub)));
        if (crosses && (m.correlationId() == null || m.correlationId().isBlank())) {
            report(
                    NO_CORRELATION_ID,
                    m.id(),
                    p,
                    "message '" + m.id() + "' goes from " + String.join(", ", publishers) + " to "
                            + String.join(", ", consumers) + " but has no correlation ID",
                    "add e.g. 'correlationId: header:correlationId' and a correlationId header");
        }
    }

    /** EF003: a message larger than the design's limit, typed or measured from its schema's example. */
    private void largeMessage(MessageType m, String p) {
        long max = d.lint().maxMessageSizeOrDefault().bytes();
        MessageSize size = MessageSize.of(m);
        if (size.source() != MessageSize.Source.DEFAULT && size.bytes() > max) {
            report(
                    LARGE_MESSAGE,
                    m.id(),
                    p + (size.source() == MessageSize.Source.TYPED ? "/sizeBytes" : "/payload"),
                    "message '" + m.id() + "' is "
                            + (size.source() == MessageSize.Source.TYPED ? m.size() : size.describe())
                            + ", more than the " + d.lint().maxMessageSizeOrDefault() + " limit",
                    "use a claim check: store the payload (e.g. in object storage) and send a reference");
        }
    }

    private static boolean hasNoSchema(JsonNode payload) {
        return payload == null
                || payload.isNull()
                || (payload.isObject() && payload.isEmpty())
                || (payload.isTextual() && payload.asText().isBlank());
    }

    private void channel(Channel c, String p) {
        List<String> types = c.messages().stream().distinct().toList();
        if (types.size() > 1) {
            report(
                    MULTIPLE_MESSAGE_TYPES,
                    c.id(),
                    p + "/messages",
                    "channel '" + c.id() + "' carries " + types.size() + " message types: " + String.join(", ", types),
                    "use one channel per message type, unless they form one ordered stream (then keep them and"
                            + " switch EF001 off for this design)");
        }
        if (!facts.isPublished(c.id())) {
            report(
                    NO_PUBLISHER,
                    c.id(),
                    p,
                    "nothing publishes on channel '" + c.id() + "'",
                    "add a publication to a service, or remove the channel");
        }
        if (!facts.isSubscribed(c.id()) && !c.settings().isFanOutTopic()) {
            report(
                    NO_SUBSCRIBER,
                    c.id(),
                    p,
                    "nobody subscribes to channel '" + c.id() + "'",
                    c.id().endsWith("dlq") || facts.isDeadLetter(c.id())
                            ? "let a service (or an operator's tool) read the dead letters, or they pile up unseen"
                            : "add a subscription to a service, or remove the channel");
        }
        if (c.isExternal()) {
            SigningLint.unsignedExternal(d, c, p, this::report);
        }
        addressNaming(c, p);
        kinds.channel(c, p);
    }

    private void addressNaming(Channel c, String p) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(d.lint().addressPatternOrDefault());
        } catch (PatternSyntaxException e) {
            return; // the validator reports it (EF104)
        }
        String address = c.effectiveAddress();
        String at = c.address() != null ? p + "/address" : p;
        switch (AddressCheck.check(pattern, address)) {
            case MATCHES -> {}
            case DOES_NOT_MATCH -> report(
                    ADDRESS_NAMING,
                    c.id(),
                    at,
                    "address '" + address + "' of channel '" + c.id() + "' does not match the naming convention "
                            + pattern.pattern(),
                    "rename it, or change lint.addressPattern");
            case TOO_LONG -> report(
                    ADDRESS_NAMING,
                    c.id(),
                    at,
                    "address of channel '" + c.id() + "' is " + address.length() + " characters long; addresses"
                            + " longer than " + AddressCheck.MAX_LENGTH + " characters break the naming convention",
                    "shorten it (brokers allow 80 to 255 characters)");
            case TOO_COSTLY -> report(
                    ADDRESS_NAMING,
                    c.id(),
                    at,
                    "address '" + address + "' of channel '" + c.id() + "' could not be checked: lint.addressPattern"
                            + " backtracks too much (more than " + AddressCheck.MAX_STEPS + " steps)",
                    "simplify lint.addressPattern (avoid nested or counted repetition such as (.*a){20})");
        }
    }

    private void subscription(Service s, Subscription sub, String p) {
        Optional<Channel> ch = d.channel(sub.channel());
        if (sub.deliveryOrDefault() == DeliveryGuarantee.AT_LEAST_ONCE) {
            boolean channelDlq = ch.map(c -> c.deadLetter() != null).orElse(false);
            if (sub.deadLetter() == null && !channelDlq && !facts.isDeadLetter(sub.channel())) {
                report(
                        NO_DEAD_LETTER,
                        s.id(),
                        p,
                        "'" + s.id() + "' reads '" + sub.channel()
                                + "' at least once but has no dead-letter channel for messages that keep failing",
                        "add 'deadLetter: " + sub.channel() + "-dlq' (and that channel)");
            }
            if (sub.dedupWindow() == null) {
                report(
                        NO_IDEMPOTENCY,
                        s.id(),
                        p,
                        "'" + s.id() + "' reads '" + sub.channel() + "' at least once and will see duplicates",
                        "set 'dedupWindow' (a dedup store), or make the processing idempotent and switch EF005 off");
            }
        }
        ch.ifPresent(c -> retention(s, sub, c, p));
        ch.ifPresent(c -> deadLetterTypes(s, sub, c, p));
        ch.ifPresent(c -> SigningLint.unverified(d, s, sub, c, p, this::report));
        kinds.subscription(s, sub, p);
        oldTimingKey(s.id(), p, sub.extensions(), "rebalancePause", sub.rebalancePause() != null);
    }

    /** EF024: {@code x-key} is the old spelling of the documented {@code key}. */
    private void oldTimingKey(String element, String p, Map<String, ?> extensions, String key, boolean documentedSet) {
        if (!extensions.containsKey("x-" + key)) {
            return;
        }
        report(
                OLD_TIMING_KEY,
                element,
                p + "/x-" + key,
                "'x-" + key + "' is the old spelling of '" + key + "'"
                        + (documentedSet ? "; '" + key + "' is set too and wins" : ""),
                documentedSet ? "remove 'x-" + key + "'" : "rename it to '" + key + "'");
    }

    private void deadLetterTypes(Service s, Subscription sub, Channel c, String p) {
        Optional<Channel> dlq = Optional.ofNullable(sub.deadLetter()).flatMap(d::channel);
        if (dlq.isEmpty() || dlq.get().messages().isEmpty()) {
            return;
        }
        List<String> missing = c.messages().stream()
                .filter(m -> !dlq.get().messages().contains(m))
                .toList();
        if (!missing.isEmpty()) {
            report(
                    DEAD_LETTER_TYPES,
                    s.id(),
                    p + "/deadLetter",
                    "'" + s.id() + "' dead-letters " + String.join(", ", missing) + " from '" + c.id() + "' into '"
                            + dlq.get().id() + "', which carries only "
                            + String.join(", ", dlq.get().messages()),
                    "use a dead-letter channel for " + String.join(", ", missing) + ", or add the type to '"
                            + dlq.get().id() + "'");
        }
    }

    private void retention(Service s, Subscription sub, Channel c, String p) {
        Optional<Retention> retention =
                KindProfiles.of(d.kindOf(c).orElse(BrokerKind.OTHER)).retention(c);
        if (retention.isEmpty()) {
            return;
        }
        TimeSpan kept = retention.get().kept();
        String what = retention.get().setting();
        boolean own = sub.maxDowntime() != null;
        TimeSpan down = downtime(d, sub);
        if (kept.compareTo(down) < 0) {
            report(
                    SHORT_RETENTION,
                    s.id(),
                    own ? p + "/maxDowntime" : p,
                    "channel '" + c.id() + "' keeps messages for " + kept + " (" + what + ") but '" + s.id()
                            + "' may be down for " + down + (own ? "" : " (lint.expectedDowntime)"),
                    "raise the channel's " + what + " above " + down + ", or plan for a shorter outage");
        }
    }

    private void idleConsumers() {
        for (Channel c : d.channels()) {
            if (!KindProfiles.of(d.kindOf(c).orElse(BrokerKind.OTHER)).partitionsBoundGroups()) {
                continue;
            }
            Map<String, List<int[]>> groups = new LinkedHashMap<>();
            for (int i = 0; i < d.services().size(); i++) {
                Service s = d.services().get(i);
                for (int j = 0; j < s.subscribes().size(); j++) {
                    Subscription sub = s.subscribes().get(j);
                    if (sub.channel().equals(c.id())) {
                        groups.computeIfAbsent(sub.groupOr(s.id()), g -> new ArrayList<>())
                                .add(new int[] {i, j});
                    }
                }
            }
            groups.forEach((group, members) -> idleConsumers(c, group, members));
        }
    }

    private void idleConsumers(Channel c, String group, List<int[]> members) {
        int instances = groupInstances(d, group, c.id());
        int partitions = c.settings().partitionCount();
        if (instances > partitions) {
            int[] last = members.get(members.size() - 1);
            Service s = d.services().get(last[0]);
            report(
                    IDLE_CONSUMERS,
                    s.id(),
                    "/services/" + last[0] + "/subscribes/" + last[1],
                    "group '" + group + "' runs " + instances + " instances on channel '" + c.id() + "' with "
                            + partitions + " partition(s): " + (instances - partitions) + " will sit idle",
                    "raise the channel's partitions to at least " + instances + ", or run fewer instances");
        }
    }

    /** How long a subscriber may be down: its own {@code maxDowntime}, else {@code lint.expectedDowntime}. */
    static TimeSpan downtime(Design d, Subscription sub) {
        return sub.maxDowntime() != null ? sub.maxDowntime() : d.lint().expectedDowntimeOrDefault();
    }

    /** The instances of a consumer group on a channel: each service subscribed in that group counts once. */
    static int groupInstances(Design d, String group, String channel) {
        int n = 0;
        for (Service s : d.services()) {
            for (Subscription sub : s.subscribes()) {
                if (sub.channel().equals(channel) && sub.groupOr(s.id()).equals(group)) {
                    n += s.instanceCount();
                    break;
                }
            }
        }
        return n;
    }

    private void report(String rule, String element, String pointer, String message, String hint) {
        Severity severity = rule(rule).map(RuleInfo::defaultSeverity).orElse(Severity.WARNING);
        out.add(new Problem(rule, severity, element, message, hint, pointer, null, 0, 0));
    }

    private List<Problem> relevel() {
        Map<String, String> levels = d.lint().rules();
        List<Problem> result = new ArrayList<>();
        for (Problem p : out) {
            String level = levels.get(p.rule());
            if (level == null) {
                result.add(p);
            } else if (!"off".equals(level)) {
                result.add(p.withSeverity(severity(level, p.severity())));
            }
        }
        return List.copyOf(result);
    }

    private static Severity severity(String level, Severity otherwise) {
        for (Severity s : Severity.values()) {
            if (s.key().equals(level)) {
                return s;
            }
        }
        return otherwise;
    }
}
