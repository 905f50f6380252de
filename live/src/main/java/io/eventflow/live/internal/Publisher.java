package io.eventflow.live.internal;

import io.eventflow.model.design.Arrival;
import io.eventflow.model.design.ArrivalKind;
import io.eventflow.model.design.Publication;
import io.eventflow.simulator.random.SplitMix64;
import java.util.concurrent.locks.LockSupport;

/**
 * One instance's timed publication on its own thread: constant or Poisson arrivals at the design's rate (per
 * instance), bursts and ramps as the simulator shapes them, keys drawn uniformly from the publication's key count.
 * Behind schedule (the client blocks) it catches up by at most one second's worth of arrivals.
 */
final class Publisher implements Runnable {
    private final Run run;
    private final LiveInstance instance;
    private final Publication spec;
    /** The request this publisher sends at its rate (null: a publication). */
    private final io.eventflow.model.design.RequestReply request;

    private final String messageType;
    private final SplitMix64 rng;
    private final int keys;
    volatile double ratePerSecond;
    private volatile boolean stopped;
    /** Which of its messages a view shows as moving tokens (sampled). */
    private final LiveTokens.Gate tokenGate = new LiveTokens.Gate();

    private Thread thread;

    Publisher(Run run, LiveInstance instance, Publication spec, double ratePerSecond) {
        this(run, instance, spec, ratePerSecond, null);
    }

    /** A requester's requests at their rate and arrival process ({@code spec} made from {@code request}). */
    Publisher(
            Run run,
            LiveInstance instance,
            Publication spec,
            double ratePerSecond,
            io.eventflow.model.design.RequestReply request) {
        this.request = request;
        this.run = run;
        this.instance = instance;
        this.spec = spec;
        this.messageType = Payloads.messageOf(run.design, spec.message(), spec.channel());
        this.rng = run.streams.stream("pub:" + instance.id + ":" + spec.channel());
        this.keys = LiveInstance.keyCount(spec);
        this.ratePerSecond = ratePerSecond;
    }

    String channel() {
        return spec.channel();
    }

    void start() {
        thread = new Thread(this, "live-pub-" + instance.id + "-" + spec.channel());
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops publishing and waits for the thread. */
    void stop() {
        stopped = true;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A new rate (the scenario's {@code rate} action): takes effect from now. */
    void rate(double perSecond) {
        ratePerSecond = perSecond;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void run() {
        Arrival a = spec.arrivalOrDefault();
        boolean poisson = a.kind() == ArrivalKind.POISSON;
        long next = System.nanoTime();
        double rateUsed = -1;
        while (!stopped && run.publishing) {
            double rate = currentRate(a);
            if (rate <= 0 || run.paused) {
                LockSupport.parkNanos(100_000_000L);
                next = System.nanoTime();
                continue;
            }
            if (rate != rateUsed && rateUsed > 0) {
                next = System.nanoTime(); // a rate change starts a new arrival process from now
            }
            rateUsed = rate;
            long gap = poisson ? Math.round(rng.exponential(rate) * 1e9) : Math.round(1e9 / rate);
            next = Math.max(next + gap, System.nanoTime() - 1_000_000_000L);
            next = skipQuiet(a, next);
            while (!stopped && run.publishing && System.nanoTime() < next) {
                LockSupport.parkNanos(next - System.nanoTime());
                if (ratePerSecond != rateUsed && !isRamp(a)) {
                    break;
                }
            }
            if (next > run.publishingEndsAt) {
                LockSupport.parkNanos(10_000_000L); // due after the publishing time: not sent; the run stops us
                continue;
            }
            if (stopped || !run.publishing || run.paused || System.nanoTime() < next) {
                continue;
            }
            publish();
        }
    }

    private void publish() {
        if (request != null) {
            instance.sendRequest(request, -1);
            return;
        }
        String key = keys > 0 ? instance.payloadKey(messageType, spec.key(), rng.nextInt(keys)) : null;
        var m = run.newMessage(spec.channel(), messageType, spec.key(), key, -1);
        if (tokenGate.due()) {
            run.tokens.published(instance.service.spec.id(), spec.channel(), m.messageId(), m.correlationId());
        }
        instance.send(spec.channel(), m, true, null);
    }

    private static boolean isRamp(Arrival a) {
        return a.kind() == ArrivalKind.RAMP;
    }

    /** The rate now: a ramp moves from its start rate to {@code to} over {@code over}. */
    private double currentRate(Arrival a) {
        double rate = ratePerSecond;
        if (isRamp(a) && a.to() != null) {
            double over = a.over() == null ? 60e9 : a.over().nanos();
            double f = Math.min(1.0, run.trace.now() / over);
            rate = rate + (a.to().perSecond() - rate) * f;
        }
        return rate;
    }

    /** Bursts: an arrival in the quiet part of a cycle moves to the start of the next burst. */
    private long skipQuiet(Arrival a, long next) {
        if (a.kind() != ArrivalKind.BURSTS) {
            return next;
        }
        long on = a.on() == null ? 1_000_000_000L : a.on().nanos();
        long off = a.off() == null ? 1_000_000_000L : a.off().nanos();
        long origin = System.nanoTime() - run.trace.now();
        long t = next - origin;
        long phase = Math.floorMod(t, on + off);
        return phase >= on ? next + (on + off - phase) : next;
    }
}
