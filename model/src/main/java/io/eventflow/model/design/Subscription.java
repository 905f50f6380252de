package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * A service consuming a channel as a member of a group. Fields are {@code null} when the design does not set them.
 *
 * @param channel id of the channel
 * @param group consumer group (the service id when null)
 * @param startFrom where a new group starts reading (latest)
 * @param processing processing time per message (constant 1ms)
 * @param concurrency messages one instance processes at once (1)
 * @param prefetch messages fetched ahead per instance (a queue's prefetch; a log's max poll records)
 * @param delivery at-most-once, at-least-once or exactly-once (at-least-once)
 * @param mechanism for exactly-once: dedup (idempotent processing with a dedup store) or transactional
 * @param dedupWindow how long the dedup store remembers a message id (unbounded)
 * @param commit when offsets are committed / messages acked
 * @param retry retries of failed processing
 * @param deadLetter id of the channel that failed messages go to after the last retry (dropped when null)
 * @param qos subscription QoS (0, 1 or 2)
 * @param reply for request/reply: the answer sent per processed request
 * @param maxDowntime the longest outage this subscriber is expected to have (lint: retention must cover it)
 * @param durable topics: a durable subscription keeps messages for the subscriber while it is away (false)
 * @param sessionExpiry client sessions: how long the broker keeps a disconnected client's session and queued messages; 0 is a
 *     clean session (0)
 * @param receiveMaximum client sessions: QoS 1/2 messages the broker may have unacknowledged at one client (65535)
 * @param claimIdle streams: pending entries idle longer than this are claimed by another consumer (never)
 * @param isolation logs: read_committed readers see only committed transactional records (read_uncommitted)
 * @param rebalancePause logs: how long the group stops reading while it rebalances (0)
 * @param verify whether the consumer checks the signature of signed messages and rejects those that fail (verifies
 *     when the message is signed)
 * @param extensions {@code x-} keys kept verbatim
 */
public record Subscription(
        String channel,
        String group,
        StartFrom startFrom,
        Distribution processing,
        Integer concurrency,
        Integer prefetch,
        DeliveryGuarantee delivery,
        ExactlyOnceMechanism mechanism,
        TimeSpan dedupWindow,
        CommitPolicy commit,
        RetryPolicy retry,
        String deadLetter,
        Integer qos,
        Reply reply,
        TimeSpan maxDowntime,
        Boolean durable,
        TimeSpan sessionExpiry,
        Integer receiveMaximum,
        TimeSpan claimIdle,
        Isolation isolation,
        TimeSpan rebalancePause,
        Boolean verify,
        Map<String, JsonNode> extensions) {
    public Subscription {
        Objects.requireNonNull(channel, "channel");
        extensions = Extensions.copy(extensions);
    }

    public Subscription(String channel, String group) {
        this(
                channel, group, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, Map.of());
    }

    /** Whether this consumer verifies a message signed or not as given: signed messages are verified unless told not. */
    public boolean verifies(boolean signed) {
        return signed && !Boolean.FALSE.equals(verify);
    }

    /** A copy with {@code verify} set. */
    public Subscription withVerify(Boolean newVerify) {
        return new Subscription(
                channel,
                group,
                startFrom,
                processing,
                concurrency,
                prefetch,
                delivery,
                mechanism,
                dedupWindow,
                commit,
                retry,
                deadLetter,
                qos,
                reply,
                maxDowntime,
                durable,
                sessionExpiry,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                newVerify,
                extensions);
    }

    public Isolation isolationOrDefault() {
        return isolation == null ? Isolation.READ_UNCOMMITTED : isolation;
    }

    /** The group, or the given service id when none is set. */
    public String groupOr(String serviceId) {
        return group != null ? group : serviceId;
    }

    public DeliveryGuarantee deliveryOrDefault() {
        return delivery == null ? DeliveryGuarantee.AT_LEAST_ONCE : delivery;
    }

    public Distribution processingOrDefault() {
        return processing == null ? Distribution.constant(TimeSpan.ofMillis(1)) : processing;
    }

    public int concurrencyOrDefault() {
        return concurrency == null ? 1 : concurrency;
    }

    public boolean isDurable() {
        return Boolean.TRUE.equals(durable);
    }

    public StartFrom startFromOrDefault() {
        return startFrom == null ? StartFrom.LATEST : startFrom;
    }

    public Subscription withChannel(String newChannel) {
        return new Subscription(
                newChannel,
                group,
                startFrom,
                processing,
                concurrency,
                prefetch,
                delivery,
                mechanism,
                dedupWindow,
                commit,
                retry,
                deadLetter,
                qos,
                reply,
                maxDowntime,
                durable,
                sessionExpiry,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    public Subscription withDeadLetter(String newDeadLetter) {
        return new Subscription(
                channel,
                group,
                startFrom,
                processing,
                concurrency,
                prefetch,
                delivery,
                mechanism,
                dedupWindow,
                commit,
                retry,
                newDeadLetter,
                qos,
                reply,
                maxDowntime,
                durable,
                sessionExpiry,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    /** A copy with {@code group} set. */
    public Subscription withGroup(String newGroup) {
        return new Subscription(
                channel,
                newGroup,
                startFrom,
                processing,
                concurrency,
                prefetch,
                delivery,
                mechanism,
                dedupWindow,
                commit,
                retry,
                deadLetter,
                qos,
                reply,
                maxDowntime,
                durable,
                sessionExpiry,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    /** A copy with {@code startFrom} set. */
    public Subscription withStartFrom(StartFrom newStartFrom) {
        return new Subscription(
                channel,
                group,
                newStartFrom,
                processing,
                concurrency,
                prefetch,
                delivery,
                mechanism,
                dedupWindow,
                commit,
                retry,
                deadLetter,
                qos,
                reply,
                maxDowntime,
                durable,
                sessionExpiry,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    /** A copy with {@code delivery} set. */
    public Subscription withDelivery(DeliveryGuarantee newDelivery) {
        return new Subscription(
                channel,
                group,
                startFrom,
                processing,
                concurrency,
                prefetch,
                newDelivery,
                mechanism,
                dedupWindow,
                commit,
                retry,
                deadLetter,
                qos,
                reply,
                maxDowntime,
                durable,
                sessionExpiry,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    /** A copy with {@code mechanism} set. */
    public Subscription withMechanism(ExactlyOnceMechanism newMechanism) {
        return new Subscription(
                channel,
                group,
                startFrom,
                processing,
                concurrency,
                prefetch,
                delivery,
                newMechanism,
                dedupWindow,
                commit,
                retry,
                deadLetter,
                qos,
                reply,
                maxDowntime,
                durable,
                sessionExpiry,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    /** A copy with {@code dedupWindow} set. */
    public Subscription withDedupWindow(TimeSpan newDedupWindow) {
        return new Subscription(
                channel,
                group,
                startFrom,
                processing,
                concurrency,
                prefetch,
                delivery,
                mechanism,
                newDedupWindow,
                commit,
                retry,
                deadLetter,
                qos,
                reply,
                maxDowntime,
                durable,
                sessionExpiry,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    /** A copy with {@code processing} set. */
    public Subscription withProcessing(Distribution newProcessing) {
        return new Subscription(
                channel,
                group,
                startFrom,
                newProcessing,
                concurrency,
                prefetch,
                delivery,
                mechanism,
                dedupWindow,
                commit,
                retry,
                deadLetter,
                qos,
                reply,
                maxDowntime,
                durable,
                sessionExpiry,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    /** A copy with {@code concurrency} set. */
    public Subscription withConcurrency(Integer newConcurrency) {
        return new Subscription(
                channel,
                group,
                startFrom,
                processing,
                newConcurrency,
                prefetch,
                delivery,
                mechanism,
                dedupWindow,
                commit,
                retry,
                deadLetter,
                qos,
                reply,
                maxDowntime,
                durable,
                sessionExpiry,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    /** A copy with {@code prefetch} set. */
    public Subscription withPrefetch(Integer newPrefetch) {
        return new Subscription(
                channel,
                group,
                startFrom,
                processing,
                concurrency,
                newPrefetch,
                delivery,
                mechanism,
                dedupWindow,
                commit,
                retry,
                deadLetter,
                qos,
                reply,
                maxDowntime,
                durable,
                sessionExpiry,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    /** A copy with {@code commit} set. */
    public Subscription withCommit(CommitPolicy newCommit) {
        return new Subscription(
                channel,
                group,
                startFrom,
                processing,
                concurrency,
                prefetch,
                delivery,
                mechanism,
                dedupWindow,
                newCommit,
                retry,
                deadLetter,
                qos,
                reply,
                maxDowntime,
                durable,
                sessionExpiry,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    /** A copy with {@code retry} set. */
    public Subscription withRetry(RetryPolicy newRetry) {
        return new Subscription(
                channel,
                group,
                startFrom,
                processing,
                concurrency,
                prefetch,
                delivery,
                mechanism,
                dedupWindow,
                commit,
                newRetry,
                deadLetter,
                qos,
                reply,
                maxDowntime,
                durable,
                sessionExpiry,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    /** A copy with {@code maxDowntime} set. */
    public Subscription withMaxDowntime(TimeSpan newMaxDowntime) {
        return new Subscription(
                channel,
                group,
                startFrom,
                processing,
                concurrency,
                prefetch,
                delivery,
                mechanism,
                dedupWindow,
                commit,
                retry,
                deadLetter,
                qos,
                reply,
                newMaxDowntime,
                durable,
                sessionExpiry,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    public Subscription withClaimIdle(TimeSpan v) {
        return new Subscription(
                channel,
                group,
                startFrom,
                processing,
                concurrency,
                prefetch,
                delivery,
                mechanism,
                dedupWindow,
                commit,
                retry,
                deadLetter,
                qos,
                reply,
                maxDowntime,
                durable,
                sessionExpiry,
                receiveMaximum,
                v,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    public Subscription withDurable(Boolean v) {
        return new Subscription(
                channel,
                group,
                startFrom,
                processing,
                concurrency,
                prefetch,
                delivery,
                mechanism,
                dedupWindow,
                commit,
                retry,
                deadLetter,
                qos,
                reply,
                maxDowntime,
                v,
                sessionExpiry,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    public Subscription withSessionExpiry(TimeSpan v) {
        return new Subscription(
                channel,
                group,
                startFrom,
                processing,
                concurrency,
                prefetch,
                delivery,
                mechanism,
                dedupWindow,
                commit,
                retry,
                deadLetter,
                qos,
                reply,
                maxDowntime,
                durable,
                v,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    public Subscription withReceiveMaximum(Integer v) {
        return new Subscription(
                channel,
                group,
                startFrom,
                processing,
                concurrency,
                prefetch,
                delivery,
                mechanism,
                dedupWindow,
                commit,
                retry,
                deadLetter,
                qos,
                reply,
                maxDowntime,
                durable,
                sessionExpiry,
                v,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }

    public Subscription withQos(Integer v) {
        return new Subscription(
                channel,
                group,
                startFrom,
                processing,
                concurrency,
                prefetch,
                delivery,
                mechanism,
                dedupWindow,
                commit,
                retry,
                deadLetter,
                v,
                reply,
                maxDowntime,
                durable,
                sessionExpiry,
                receiveMaximum,
                claimIdle,
                isolation,
                rebalancePause,
                verify,
                extensions);
    }
}
