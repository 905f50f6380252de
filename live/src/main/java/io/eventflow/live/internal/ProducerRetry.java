package io.eventflow.live.internal;

import io.eventflow.live.LiveProducer;
import io.eventflow.model.design.Acks;
import io.eventflow.model.design.ProducerSettings;
import io.eventflow.simulator.random.Backoff;
import io.eventflow.simulator.random.SplitMix64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The design's producer {@code retry} for the sends of one instance whose clients do not send again by themselves
 * ({@link io.eventflow.live.LiveProducer#resendsFailed}), as the simulator's
 * producer retries (its {@code Engine.producerFailure}): a failed send (a reset connection, a broker that is down, a
 * refusal) is sent again, the same message (id, correlation id, publish time, body, so that a copy the broker had
 * stored before the failure shows as a duplicate, as on a real system), after the policy's backoff (fixed or
 * exponential, capped, with its jitter, drawn as the simulator draws it), until its attempts run out; then it is lost
 * with the cause of its last failure. A wait does not hold up the instance's publishing: it runs on the run's timer
 * ({@link Run#resendLater}), and new messages go out meanwhile, as in the simulator. Nothing is retried with acks 0
 * (the simulator loses such a failed send at once) nor without a policy.
 *
 * <p>A crash of the instance ends its waits: those messages are lost by {@code crash} (the client's memory went with
 * it). When its producers close (the end of the run, a scale-in) the waits end too; see {@link #stop()}.
 */
final class ProducerRetry {
    /** One message's sends so far; {@code again} sends it once more, {@code giveUp} accounts for it with a cause. */
    static final class Attempts {
        final String channelId;
        final long messageId;
        /** The producer it is sent through; sent again only while it is still its instance's. */
        final LiveProducer producer;
        /** Whether the sending instance crashed (then nothing is sent again). */
        final BooleanSupplier crashed;

        int attempts = 1;
        long lastBackoff;
        String lastCause;
        Runnable again;
        Consumer<String> giveUp;

        Attempts(String channelId, long messageId, LiveProducer producer, BooleanSupplier crashed) {
            this.channelId = channelId;
            this.messageId = messageId;
            this.producer = producer;
            this.crashed = crashed;
        }
    }

    private final int maxAttempts;
    private final Backoff backoff;
    private final SplitMix64 rng;
    /** Whether a producer is still one of the instance's (not closed or killed since). */
    private final Predicate<LiveProducer> current;
    /** Messages waiting for their next attempt, with the timer's handle. */
    private final Map<Attempts, ScheduledFuture<?>> waiting = new HashMap<>();

    ProducerRetry(int maxAttempts, Backoff backoff, SplitMix64 rng, Predicate<LiveProducer> current) {
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.rng = rng;
        this.current = current;
    }

    /** The instance's policy, or null when its sends are never sent again (no {@code retry}, one attempt, acks 0). */
    static ProducerRetry of(ProducerSettings p, SplitMix64 rng, Predicate<LiveProducer> current) {
        if (p.retry() == null || p.acks() == Acks.NONE || p.retry().attempts() <= 1) {
            return null;
        }
        return new ProducerRetry(p.retry().attempts(), GroupSpec.backoff(p.retry()), rng, current);
    }

    /**
     * After attempt {@code a.attempts} failed with {@code cause}: when attempts are left, schedules the next one on
     * {@code run}'s timer after the backoff and returns it (nanoseconds); else returns -1 (the caller loses it).
     */
    synchronized long again(Run run, Attempts a, String cause) {
        a.lastCause = cause;
        if (a.attempts >= maxAttempts || a.crashed.getAsBoolean() || !current.test(a.producer)) {
            return -1;
        }
        long d = backoff.delay(a.attempts, a.lastBackoff, rng);
        a.lastBackoff = d;
        a.attempts++;
        waiting.put(a, run.resendLater(() -> fire(a), d));
        return d;
    }

    /** The backoff of {@code a} is over: send it again, unless a crash or a close ended the wait first. */
    private void fire(Attempts a) {
        synchronized (this) {
            if (waiting.remove(a) == null) {
                return;
            }
        }
        if (a.crashed.getAsBoolean()) {
            a.giveUp.accept("crash");
        } else if (!current.test(a.producer)) {
            a.giveUp.accept(a.lastCause);
        } else {
            a.again.run();
        }
    }

    /** The instance crashed: every message waiting for a retry is lost by {@code crash}. */
    void crashed() {
        for (Attempts a : drain()) {
            a.giveUp.accept("crash");
        }
    }

    /**
     * The instance's producers close (a scale-in, the end of the run): the waits end. Each waiting message is accounted
     * for with the cause of its last failure (owed to its groups, lost unless the caller counts it in flight), and
     * returned by channel id: at the end of the run these are in flight, as the simulator counts a message waiting for
     * a producer retry.
     */
    Map<String, Set<Long>> stop() {
        Map<String, Set<Long>> out = new LinkedHashMap<>();
        for (Attempts a : drain()) {
            a.giveUp.accept(a.lastCause);
            out.computeIfAbsent(a.channelId, k -> new HashSet<>()).add(a.messageId);
        }
        return out;
    }

    private synchronized java.util.List<Attempts> drain() {
        java.util.List<Attempts> out = new java.util.ArrayList<>(waiting.keySet());
        waiting.values().forEach(f -> f.cancel(false));
        waiting.clear();
        return out;
    }

    /** Messages waiting for their next attempt now. */
    synchronized int waiting() {
        return waiting.size();
    }
}
