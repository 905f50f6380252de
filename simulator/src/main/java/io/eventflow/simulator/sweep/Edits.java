package io.eventflow.simulator.sweep;

import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.DistributionKind;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;

/** Typed copies of a subscription with one setting changed (the record has no withers for these). */
final class Edits {
    private Edits() {}

    static Subscription withConcurrency(Subscription s, Integer concurrency) {
        return copy(s, s.processing(), concurrency, s.prefetch());
    }

    static Subscription withPrefetch(Subscription s, Integer prefetch) {
        return copy(s, s.processing(), s.concurrency(), prefetch);
    }

    /** Sets the mean processing time, keeping the distribution's shape; a uniform one cannot be set by its mean. */
    static Subscription withProcessingMean(Subscription s, TimeSpan mean) {
        Distribution p = s.processingOrDefault();
        if (p.kindOrDefault() == DistributionKind.UNIFORM) {
            throw new SweepException("the processing time of '" + s.groupOr(s.channel())
                    + "' is uniform(min, max), which has no mean to set: vary it on a constant, exponential,"
                    + " normal or lognormal processing time");
        }
        Distribution d = new Distribution(p.kind(), mean, p.stddev(), p.min(), p.max(), p.extensions());
        return copy(s, d, s.concurrency(), s.prefetch());
    }

    private static Subscription copy(Subscription s, Distribution processing, Integer concurrency, Integer prefetch) {
        return new Subscription(
                s.channel(),
                s.group(),
                s.startFrom(),
                processing,
                concurrency,
                prefetch,
                s.delivery(),
                s.mechanism(),
                s.dedupWindow(),
                s.commit(),
                s.retry(),
                s.deadLetter(),
                s.qos(),
                s.reply(),
                s.maxDowntime(),
                s.durable(),
                s.sessionExpiry(),
                s.receiveMaximum(),
                s.claimIdle(),
                s.isolation(),
                s.rebalancePause(),
                s.verify(),
                s.extensions());
    }
}
