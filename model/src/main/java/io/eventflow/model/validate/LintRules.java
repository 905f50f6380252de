package io.eventflow.model.validate;

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
    static final String IDLE_CONSUMERS = "EF010";
    static final String SHORT_RETENTION = "EF011";
    static final String ADDRESS_NAMING = "EF012";
    static final String DEAD_LETTER_TYPES = "EF013";
    static final String LISTEN_NOTIFY = "EF014";
    static final String SQS_VISIBILITY = "EF015";
    static final String QOS0_COMMAND = "EF016";
    static final String MQTT_CLEAN_SESSION = "EF017";
    static final String JMS_NON_DURABLE = "EF018";
    static final String REDIS_NO_CLAIM = "EF019";
    static final String REDIS_TRIM = "EF020";
    static final String SQS_FIFO_NAME = "EF021";
    static final String SNS_NO_QUEUE = "EF022";
    static final String QOS0_RETRY = "EF023";
    static final String OLD_TIMING_KEY = "EF024";

    static final List<RuleInfo> ALL = List.of(
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
                            + " an unsigned message's origin or integrity. Sign the message."),
            new RuleInfo(
                    IDLE_CONSUMERS,
                    Severity.WARNING,
                    "more instances in a consumer group than partitions (Kafka)",
                    "Kafka gives each partition to one member of a group, so instances beyond the partition count"
                            + " sit idle. Add partitions or run fewer instances."),
            new RuleInfo(
                    SHORT_RETENTION,
                    Severity.WARNING,
                    "retention shorter than a subscriber's worst expected downtime",
                    "Messages are deleted (Kafka retention) or expire (AMQP ttl) before a subscriber that was down"
                            + " comes back, so it loses them. Keep messages longer than subscription.maxDowntime"
                            + " (or lint.expectedDowntime)."),
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
                    LISTEN_NOTIFY,
                    Severity.WARNING,
                    "Postgres LISTEN/NOTIFY for events that must not be lost",
                    "NOTIFY stores nothing: a notification reaches only the sessions listening at that moment, so a"
                            + " listener that is down or reconnecting misses everything sent meanwhile. Write the"
                            + " events to an outbox table (NOTIFY only as a wake-up) or use a queue, or declare the"
                            + " subscription at-most-once."),
            new RuleInfo(
                    SQS_VISIBILITY,
                    Severity.WARNING,
                    "SQS visibility timeout shorter than the processing time",
                    "A message still being processed when its visibility timeout ends becomes visible again and"
                            + " is received by another consumer: a duplicate, and the first receiver's delete uses"
                            + " a stale receipt handle. Compares with the processing distribution's max, else its"
                            + " mean."),
            new RuleInfo(
                    QOS0_COMMAND,
                    Severity.WARNING,
                    "MQTT commands at QoS 0",
                    "QoS 0 is fire and forget: a command sent while the connection drops is lost and nobody knows."
                            + " A message type reads as a command when its id or name ends in Command or Cmd, or"
                            + " starts with an imperative verb (Set, Start, Stop, Turn, Open, Close, Create,"
                            + " Update, Delete, Reset, Reboot, ...) and does not end like an event (-ed, Event,"
                            + " Status)."),
            new RuleInfo(
                    MQTT_CLEAN_SESSION,
                    Severity.WARNING,
                    "MQTT QoS 1/2 subscriber with a clean session",
                    "With a clean session (no sessionExpiry) the broker keeps nothing for a disconnected client, so"
                            + " messages published while it is away are lost despite QoS 1 or 2. Set sessionExpiry"
                            + " longer than the expected outage, or declare the subscription at-most-once."),
            new RuleInfo(
                    JMS_NON_DURABLE,
                    Severity.WARNING,
                    "non-durable JMS topic subscriber that must not miss messages",
                    "A non-durable subscriber receives only what is published while it is connected; a restart,"
                            + " deploy or crash loses everything sent meanwhile. Make the subscription durable, or"
                            + " declare it at-most-once."),
            new RuleInfo(
                    REDIS_NO_CLAIM,
                    Severity.WARNING,
                    "Redis Streams consumer group with no claimIdle",
                    "Entries a crashed consumer had read stay in its pending entries list until that same consumer"
                            + " comes back; without claimIdle (XAUTOCLAIM) no other consumer of the group takes"
                            + " them over. Only for groups of two or more consumers."),
            new RuleInfo(
                    REDIS_TRIM,
                    Severity.WARNING,
                    "Redis stream maxLen smaller than what arrives during a subscriber's downtime",
                    "MAXLEN trimming evicts the oldest entries whether read or not, so a group that falls behind"
                            + " (a consumer down for maxDowntime, else lint.expectedDowntime) loses entries."
                            + " Compares maxLen with the publication rates times that downtime."),
            new RuleInfo(
                    SQS_FIFO_NAME,
                    Severity.WARNING,
                    "SQS/SNS FIFO name without .fifo (or a standard one with it)",
                    "AWS refuses a FIFO queue or topic whose name does not end in .fifo, and a standard one whose"
                            + " name does."),
            new RuleInfo(
                    SNS_NO_QUEUE,
                    Severity.WARNING,
                    "SNS topic with no queue subscribed",
                    "A topic stores nothing and copies each message to the queues subscribed to it; with none,"
                            + " everything published there is dropped. Add a queue with snsTopics naming it."),
            new RuleInfo(
                    QOS0_RETRY,
                    Severity.INFO,
                    "producer retry policy on MQTT QoS 0 publications",
                    "A QoS 0 publish gets no PUBACK, so the publisher never learns that it was lost and never sends"
                            + " it again: the service's producer retry has no effect on its QoS 0 channels. Publish"
                            + " at QoS 1 or 2 where lost sends must be retried."),
            new RuleInfo(
                    OLD_TIMING_KEY,
                    Severity.INFO,
                    "x- spelling of a Kafka timing setting",
                    "x-rebalancePause, x-failoverTime and x-replicationLag are documented keys now: rebalancePause"
                            + " (subscription), failoverTime and replicationLag (broker). The x- spelling is still"
                            + " read; rename it so that the design reads like the documentation."));

    private LintRules() {}
}
