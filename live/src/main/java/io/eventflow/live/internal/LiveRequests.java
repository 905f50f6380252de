package io.eventflow.live.internal;

import io.eventflow.model.design.RequestReply;
import io.eventflow.simulator.random.Backoff;
import io.eventflow.simulator.random.SplitMix64;
import io.eventflow.simulator.report.SimulationReport;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Request/reply as the simulator runs it: a requester's request waits for a message with its correlation id on the
 * reply channel (read by the requester's reply group); after {@code timeout} it is sent again (a new message id, the
 * same correlation id) per the request's retry policy, and counts as failed when the attempts run out or its instance
 * crashed. One that times out with attempts left after publishing stopped stays pending. A late reply is ignored.
 * Timeouts run on one timer thread.
 */
final class LiveRequests {
    /** A request sent and not answered yet. */
    private static final class Pending {
        final LiveInstance instance;
        final RequestReply request;
        final long firstSentNanos;
        int attempts;
        long deadline;

        Pending(LiveInstance instance, RequestReply request, long firstSentNanos) {
            this.instance = instance;
            this.request = request;
            this.firstSentNanos = firstSentNanos;
        }
    }

    /** Sends a request again: the instance, the request, its correlation id. */
    interface Resend {
        void resend(LiveInstance instance, RequestReply request, long correlationId);
    }

    private final Map<Long, Pending> pending = new HashMap<>();
    /** Backoff jitter draws per instance and request channel. */
    private final Map<String, SplitMix64> rngs = new HashMap<>();

    private final ScheduledThreadPoolExecutor timer;
    private final Resend resend;
    private long sent;
    private long answered;
    private long retried;
    private long failed;
    private long late;
    private double answerSumNanos;

    LiveRequests(Resend resend) {
        this.resend = resend;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "live-requests");
            t.setDaemon(true);
            return t;
        });
    }

    /** A request (first or again) was handed to the producer by {@code instance}. */
    synchronized void sent(LiveInstance instance, RequestReply request, long correlationId) {
        sent++;
        long now = System.nanoTime();
        Pending p = pending.computeIfAbsent(correlationId, k -> new Pending(instance, request, now));
        p.attempts++;
        long timeout = request.timeoutOrDefault().nanos();
        p.deadline = now + timeout;
        timer.schedule(() -> timeout(correlationId), timeout, TimeUnit.NANOSECONDS);
    }

    /** A reply with {@code correlationId} was processed by the requester's reply group. */
    synchronized void replied(long correlationId) {
        Pending p = pending.remove(correlationId);
        if (p == null) {
            late++;
            return;
        }
        answered++;
        answerSumNanos += System.nanoTime() - p.firstSentNanos;
    }

    private void timeout(long correlationId) {
        Pending p;
        long delay;
        synchronized (this) {
            p = pending.get(correlationId);
            if (p == null || System.nanoTime() < p.deadline) {
                return; // answered, or sent again since
            }
            int attempts = p.request.retry() == null
                    ? 1
                    : Math.max(1, p.request.retry().attempts());
            if (p.attempts >= attempts || p.instance.crashed()) {
                pending.remove(correlationId);
                failed++;
                return;
            }
            if (!p.instance.run.publishing) {
                return; // the run's time is over: it would be sent again, so it stays pending
            }
            p.deadline = Long.MAX_VALUE;
            Backoff b = GroupSpec.backoff(p.request.retry());
            SplitMix64 rng = rngs.computeIfAbsent(
                    p.instance.id + ":" + p.request.channel(), k -> p.instance.run.streams.stream("req:" + k));
            delay = b.delay(p.attempts, 0, rng);
        }
        timer.schedule(() -> retry(correlationId, p), Math.max(0, delay), TimeUnit.NANOSECONDS);
    }

    /** After the backoff: sent again, unless answered meanwhile, its instance crashed, or the run's time is over. */
    private void retry(long correlationId, Pending p) {
        synchronized (this) {
            if (pending.get(correlationId) != p || p.deadline != Long.MAX_VALUE) {
                return;
            }
            if (p.instance.crashed()) {
                pending.remove(correlationId);
                failed++;
                return;
            }
            if (!p.instance.run.publishing) {
                return; // stays pending
            }
            retried++;
        }
        resend.resend(p.instance, p.request, correlationId);
    }

    /** Stops the timers: what is still unanswered is pending. */
    void stop() {
        timer.shutdownNow();
    }

    synchronized SimulationReport.Requests report() {
        return new SimulationReport.Requests(
                sent, answered, retried, failed, pending.size(), answered == 0 ? 0 : answerSumNanos / answered / 1e6);
    }

    /** Replies that came after their request was answered or had failed. */
    synchronized long late() {
        return late;
    }
}
