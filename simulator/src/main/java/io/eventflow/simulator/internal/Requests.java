package io.eventflow.simulator.internal;

import io.eventflow.simulator.kernel.Event;
import io.eventflow.simulator.kernel.SimContext;
import java.util.HashMap;
import java.util.Map;

/** Request/reply bookkeeping: pending requests by correlation id, timeouts and retries. */
public final class Requests implements Event {
    private static final class Pending {
        final Producer producer;
        final long firstSent;
        int attempts;
        long deadline;

        Pending(Producer producer, long firstSent) {
            this.producer = producer;
            this.firstSent = firstSent;
        }
    }

    private final Engine engine;
    private final Map<Long, Pending> pending = new HashMap<>();
    public long sent;
    public long answered;
    public long retried;
    public long failed;
    public long lateReplies;
    public double answerSumNanos;

    Requests(Engine engine) {
        this.engine = engine;
    }

    void sent(Producer p, Msg m) {
        sent++;
        Pending pr = pending.computeIfAbsent(m.correlationId, k -> new Pending(p, engine.now()));
        pr.attempts++;
        pr.deadline = engine.now() + p.request.timeout();
        engine.at(pr.deadline, this, m.correlationId);
    }

    void replied(long correlationId) {
        Pending pr = pending.remove(correlationId);
        if (pr == null) {
            lateReplies++;
            return;
        }
        answered++;
        answerSumNanos += engine.now() - pr.firstSent;
    }

    @Override
    public void fire(SimContext ctx, long corr) {
        Pending pr = pending.get(corr);
        if (pr == null || ctx.now() < pr.deadline) {
            return;
        }
        Plan.Retry retry = pr.producer.request.retry();
        if (pr.attempts < retry.maxAttempts() && pr.producer.instance.running()) {
            retried++;
            long d = retry.backoff().delay(pr.attempts, 0, pr.producer.instance.rng);
            pr.deadline = Long.MAX_VALUE;
            engine.at(ctx.now() + d, resend, corr);
        } else {
            pending.remove(corr);
            failed++;
        }
    }

    private final Event resend = this::resend;

    private void resend(SimContext ctx, long corr) {
        Pending pr = pending.get(corr);
        if (pr != null && pr.deadline == Long.MAX_VALUE) {
            pr.producer.publish(corr);
        }
    }

    public int pendingCount() {
        return pending.size();
    }
}
