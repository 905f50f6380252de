package io.eventflow.model.validate;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.kind.KindProfiles;
import io.eventflow.model.kind.KindRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The catalogue of lint rules: ids, default severities, titles and reasons. */
final class LintRules {
    static final String CONFIG = "EF000";
    static final String MULTIPLE_MESSAGE_TYPES = "EF001";
    static final String NO_SCHEMA = "EF002";
    static final String LARGE_MESSAGE = "EF003";
    static final String NO_DEAD_LETTER = "EF004";
    static final String NO_IDEMPOTENCY = "EF005";
    static final String NO_PUBLISHER = "EF006";
    static final String NO_SUBSCRIBER = "EF007";
    static final String NO_CORRELATION_ID = "EF008";
    static final String UNSIGNED_EXTERNAL = "EF009";
    /** Its text is in the profile of the kind whose partitions bind a group's members (its {@code lintRules}). */
    static final String IDLE_CONSUMERS = "EF010";

    static final String SHORT_RETENTION = "EF011";
    static final String ADDRESS_NAMING = "EF012";
    static final String DEAD_LETTER_TYPES = "EF013";
    /** Its text is in the profile of the kind the timing settings belong to (its {@code lintRules}). */
    static final String OLD_TIMING_KEY = "EF024";

    static final String SIZE_FAR_FROM_SCHEMA = "EF025";
    static final String UNVERIFIED_SIGNED = "EF030";

    /** Every rule, by id: the linter's own and those of single kinds (their profiles' {@code lintRules}). */
    static final List<RuleInfo> ALL = withKindRules(List.of(
            new RuleInfo(
                    CONFIG,
                    Severity.WARNING,
                    "unknown rule in lint settings",
                    "A rule id under lint.rules that no rule has is most likely a typo, so the rule meant is still on."),
            new RuleInfo(
                    MULTIPLE_MESSAGE_TYPES,
                    Severity.WARNING,
                    "more than one message type on a channel",
                    "Consumers must then tell types apart and handle each; schema evolution and routing get harder."
                            + " Use one channel per message type unless the types form one ordered stream."),
            new RuleInfo(
                    NO_SCHEMA,
                    Severity.WARNING,
                    "message with no schema",
                    "Without a payload schema producers and consumers drift apart unnoticed, and nothing can be"
                            + " generated or checked. Add a JSON Schema, Avro or Protobuf payload."),
            new RuleInfo(
                    LARGE_MESSAGE,
                    Severity.WARNING,
                    "message larger than lint.maxMessageSize",
                    "Large messages slow brokers down and hit their size limits. Use a claim check: store the payload"
                            + " (e.g. in object storage) and send a reference to it."),
            new RuleInfo(
                    NO_DEAD_LETTER,
                    Severity.WARNING,
                    "at-least-once subscription with no dead-letter channel",
                    "A message that always fails (a poison message) is retried for ever and blocks its partition or"
                            + " queue, or is dropped. Give the subscription (or its channel) a deadLetter channel."),
            new RuleInfo(
                    NO_IDEMPOTENCY,
                    Severity.INFO,
                    "at-least-once subscription with no idempotency",
                    "At-least-once delivery redelivers after failures and rebalances, so the handler sees duplicates."
                            + " Set dedupWindow (a dedup store) or make the processing idempotent."),
            new RuleInfo(
                    NO_PUBLISHER,
                    Severity.WARNING,
                    "channel with no publisher",
                    "Nothing publishes on it, so its subscribers never receive anything. Dead-letter channels that a"
                            + " deadLetter refers to count as published to."),
            new RuleInfo(
                    NO_SUBSCRIBER,
                    Severity.WARNING,
                    "channel with no subscriber",
                    "Nobody reads it, so what is published there is lost work (or a dead-letter queue nobody"
                            + " watches)."),
            new RuleInfo(
                    NO_CORRELATION_ID,
                    Severity.WARNING,
                    "no correlation ID on a message that crosses services",
                    "Without a correlation ID a flow across services cannot be traced or its logs joined. Set"
                            + " correlationId, e.g. header:correlationId."),
            new RuleInfo(
                    UNSIGNED_EXTERNAL,
                    Severity.WARNING,
                    "unsigned message on an external channel",
                    "Parties outside the organisation publish or read external channels, so consumers cannot trust"
                            + " an unsigned message's origin or integrity. Sign the message (or the channel)."),
            new RuleInfo(
                    UNVERIFIED_SIGNED,
                    Severity.WARNING,
                    "consumer does not verify signed messages",
                    "A subscription with verify: false processes signed messages without checking their signature,"
                            + " so an altered or forged message is processed as if genuine and the signing buys it"
                            + " nothing. Verify, or say why not in the design's description."),
            new RuleInfo(
                    SHORT_RETENTION,
                    Severity.WARNING,
                    "retention shorter than a subscriber's worst expected downtime",
                    "Messages " + retentionLoss() + " before a subscriber that was down comes back, so it loses"
                            + " them. Keep messages longer than subscription.maxDowntime (or lint.expectedDowntime)."),
            new RuleInfo(
                    ADDRESS_NAMING,
                    Severity.WARNING,
                    "address breaks the naming convention",
                    "Consistent addresses make ACLs, wildcards and monitoring work. The whole address must match"
                            + " lint.addressPattern."),
            new RuleInfo(
                    DEAD_LETTER_TYPES,
                    Severity.WARNING,
                    "dead-letter channel does not carry the failing message type",
                    "A message dead-lettered into a channel declared for other types breaks whoever reads that"
                            + " channel (and its schema checks). Give each failing type a dead-letter channel that"
                            + " carries it."),
            new RuleInfo(
                    SIZE_FAR_FROM_SCHEMA,
                    Severity.INFO,
                    "typed message size far from the schema's",
                    "sizeBytes is more than twice, or less than half, the encoded size of an example made from the"
                            + " Avro, Protobuf or MessagePack payload schema. Byte-based limits (retention bytes, queue"
                            + " lengths in bytes, packet sizes) and EF003 use the typed figure: check it, or remove it"
                            + " to use the measured one.")));

    private LintRules() {}

    /** How each kind that drops unread messages in time does so, from the profiles: e.g. {@code expire (... ttl)}. */
    private static String retentionLoss() {
        List<String> ways = new ArrayList<>();
        for (BrokerKind kind : BrokerKind.values()) {
            String way = KindProfiles.of(kind).retentionLoss();
            if (way != null) {
                ways.add(way);
            }
        }
        return String.join(" or ", ways);
    }

    private static List<RuleInfo> withKindRules(List<RuleInfo> own) {
        List<RuleInfo> all = new ArrayList<>(own);
        for (BrokerKind kind : BrokerKind.values()) {
            for (KindRule r : KindProfiles.of(kind).lintRules()) {
                all.add(new RuleInfo(r.id(), r.info() ? Severity.INFO : Severity.WARNING, r.title(), r.why()));
            }
        }
        all.sort(Comparator.comparing(RuleInfo::id));
        return List.copyOf(all);
    }
}
