package io.eventflow.live.internal;

import io.eventflow.live.ConsumerSpec;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.CommitMode;
import io.eventflow.model.design.DeliveryGuarantee;
import io.eventflow.model.design.ExactlyOnceMechanism;
import io.eventflow.model.design.RetryPolicy;
import io.eventflow.model.design.StartFrom;
import io.eventflow.model.design.Subscription;
import io.eventflow.simulator.random.Backoff;
import io.eventflow.simulator.random.Delay;

/**
 * One subscription resolved as the simulator resolves it: processing-time distribution, retry policy with backoff,
 * dead-letter channel, when to ack, dedup window.
 *
 * @param dedupWindowMicros exactly-once dedup window in microseconds, -1 unbounded, -2 no dedup store
 * @param replyListener the requester's group on a reply channel: each processing answers the request with its
 *     correlation id
 */
record GroupSpec(
        GroupLedger ledger,
        String brokerGroup,
        String channelId,
        Subscription subscription,
        Delay processing,
        int attempts,
        Backoff backoff,
        String deadLetter,
        ConsumerSpec.Ack ack,
        long commitIntervalMillis,
        int prefetch,
        boolean fromEarliest,
        int concurrency,
        long dedupWindowMicros,
        boolean replyListener) {

    /** @param defaultPrefetch what a consumer has at hand without a {@code prefetch} (the channel's connector says) */
    static GroupSpec of(
            GroupLedger ledger, String brokerGroup, Channel channel, Subscription sub, int defaultPrefetch) {
        DeliveryGuarantee d = sub.deliveryOrDefault();
        CommitMode mode = sub.commit() == null ? null : sub.commit().mode();
        ConsumerSpec.Ack ack;
        if (d == DeliveryGuarantee.AT_MOST_ONCE || mode == CommitMode.BEFORE_PROCESSING) {
            ack = ConsumerSpec.Ack.ON_RECEIVE;
        } else if (mode == CommitMode.AUTO) {
            ack = ConsumerSpec.Ack.AUTO;
        } else {
            ack = ConsumerSpec.Ack.AFTER_PROCESSING;
        }
        long interval =
                sub.commit() == null ? 5000 : sub.commit().intervalOrDefault().nanos() / 1_000_000;
        RetryPolicy r = sub.retry();
        int attempts = r == null ? 1 : Math.max(1, r.attempts());
        Backoff backoff = backoff(r);
        String dlq = sub.deadLetter() != null ? sub.deadLetter() : channel.deadLetter();
        int concurrency = sub.concurrencyOrDefault();
        int prefetch = sub.prefetch() != null ? Math.max(1, sub.prefetch()) : defaultPrefetch;
        long dedup = -2;
        if (d == DeliveryGuarantee.EXACTLY_ONCE && sub.mechanism() != ExactlyOnceMechanism.TRANSACTIONAL) {
            dedup = sub.dedupWindow() == null ? -1 : sub.dedupWindow().nanos() / 1000;
        }
        return new GroupSpec(
                ledger,
                brokerGroup,
                channel.id(),
                sub,
                delay(sub),
                attempts,
                backoff,
                dlq,
                ack,
                interval,
                prefetch,
                sub.startFromOrDefault() == StartFrom.EARLIEST,
                concurrency,
                dedup,
                false);
    }

    /**
     * The hidden group a requester reads its reply channel with, as the simulator makes it: named after the service,
     * no processing time, at-least-once.
     */
    GroupSpec asReplyListener() {
        return new GroupSpec(
                ledger,
                brokerGroup,
                channelId,
                subscription,
                Delay.constant(0),
                1,
                Backoff.fixed(0),
                null,
                ConsumerSpec.Ack.AFTER_PROCESSING,
                commitIntervalMillis,
                prefetch,
                fromEarliest,
                1,
                -2,
                true);
    }

    /** A retry policy's backoff as the simulator draws it (none: no wait). */
    static Backoff backoff(RetryPolicy r) {
        if (r == null) {
            return Backoff.fixed(0);
        }
        long initial = r.initialOrDefault().nanos();
        long max = Math.max(initial, r.maxOrDefault().nanos());
        boolean exp = r.backoffOrDefault() == io.eventflow.model.design.Backoff.EXPONENTIAL;
        return new Backoff(
                exp,
                initial,
                max,
                exp ? Math.max(1, r.multiplierOrDefault()) : 1,
                Backoff.Jitter.valueOf(r.jitterOrDefault().name()));
    }

    /** The processing-time distribution, as the simulator draws it. */
    private static Delay delay(Subscription sub) {
        var d = sub.processingOrDefault();
        double mean = d.meanNanos();
        double sd = d.stddev() == null ? 0 : d.stddev().nanos();
        return switch (d.kindOrDefault()) {
            case CONSTANT -> Delay.constant(Math.round(mean));
            case EXPONENTIAL -> mean > 0 ? new Delay.Exponential(mean) : Delay.constant(0);
            case UNIFORM -> new Delay.Uniform(
                    d.min() == null ? 0 : d.min().nanos(),
                    d.max() == null ? Math.round(2 * mean) : d.max().nanos());
            case NORMAL -> new Delay.Normal(mean, sd);
            case LOGNORMAL -> mean > 0 ? new Delay.LogNormal(mean, sd) : Delay.constant(0);
        };
    }
}
