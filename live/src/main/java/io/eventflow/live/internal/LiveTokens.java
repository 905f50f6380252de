package io.eventflow.live.internal;

import io.eventflow.simulator.SimulationSnapshot.InFlight;
import java.util.ArrayList;
import java.util.List;

/**
 * Moving tokens for a view of a live run, from what the clients see: a publish at the producer (a token on the edge
 * from the service to the channel) and a delivery at a consumer (a token on the edge from the channel to the service,
 * then in the service while its worker processes it). A live message is on the wire for a millisecond or so, far too
 * short to see, so a token travels its edge for {@link #TRAVEL_NANOS} from the moment the client saw it; a delivery
 * still in processing after that shows as processing, along its drawn processing time, until the worker finishes.
 *
 * <p>Sampled so that a view stays fast at any rate: each client (a publisher, a worker) shows at most one message every
 * {@link #EVERY_NANOS} (the caller asks {@link Gate#due()} first, which costs a clock read), and at most {@link #MAX}
 * tokens are kept (the oldest go first). Thread-safe; the lock is taken only for sampled messages.
 */
public final class LiveTokens {
    /** How long a token travels its edge. */
    static final long TRAVEL_NANOS = 400_000_000L;
    /** At most one token per client per this time (20 a second). */
    static final long EVERY_NANOS = 50_000_000L;
    /** A processing token whose worker never finished goes this long after its planned end. */
    static final long GRACE_NANOS = 2_000_000_000L;
    /** At most this many tokens at once. */
    static final int MAX = 400;

    private final long[] ids = new long[MAX];
    private final long[] correlations = new long[MAX];
    private final String[] froms = new String[MAX];
    private final String[] tos = new String[MAX];
    private final long[] starts = new long[MAX];
    /** Planned end of processing (System.nanoTime), 0 for a publish token; -1 once the worker finished. */
    private final long[] processingEnds = new long[MAX];

    private final boolean[] delivery = new boolean[MAX];
    private int next;
    private int size;

    /**
     * One client's sampling: whether a message it handles now is shown. Threads of one client (a worker's lanes) may
     * share it: the check is not atomic, so two of them may at worst both show a message at once.
     */
    static final class Gate {
        private volatile long last = Long.MIN_VALUE;

        boolean due() {
            long now = System.nanoTime();
            if (last != Long.MIN_VALUE && now - last < EVERY_NANOS) {
                return false;
            }
            last = now;
            return true;
        }
    }

    /** A publish seen at the producer: {@code service} sent message {@code id} to {@code channel}. */
    void published(String service, String channel, long id, long correlationId) {
        add(service, channel, id, correlationId, false, 0);
    }

    /**
     * A delivery seen at a consumer: {@code service}'s worker took message {@code id} from {@code channel} and will
     * process it for about {@code processingNanos}; {@link #processed} when it is done.
     */
    void delivered(String channel, String service, long id, long correlationId, long processingNanos) {
        add(channel, service, id, correlationId, true, System.nanoTime() + Math.max(0, processingNanos));
    }

    /** The worker finished (or gave up on) message {@code id} of {@code service}: its token goes once it has travelled. */
    synchronized void processed(String service, long id) {
        for (int k = 0; k < size; k++) {
            int i = index(k);
            if (delivery[i] && ids[i] == id && service.equals(tos[i]) && processingEnds[i] != -1) {
                processingEnds[i] = -1;
                return;
            }
        }
    }

    private synchronized void add(String from, String to, long id, long corr, boolean isDelivery, long end) {
        int i = next;
        next = (next + 1) % MAX;
        size = Math.min(MAX, size + 1);
        ids[i] = id;
        correlations[i] = corr;
        froms[i] = from;
        tos[i] = to;
        starts[i] = System.nanoTime();
        delivery[i] = isDelivery;
        processingEnds[i] = end;
    }

    /**
     * Whether slot {@code i} is a delivery still in processing: not finished, and not more than {@link #GRACE_NANOS}
     * past its planned end (a worker that crashed or was stopped never says it finished).
     */
    private boolean processing(int i, long now) {
        return delivery[i] && processingEnds[i] != -1 && now - processingEnds[i] < GRACE_NANOS;
    }

    /** The k-th oldest kept token's slot. */
    private int index(int k) {
        return Math.floorMod(next - size + k, MAX);
    }

    /** The tokens to draw now, in the simulator's terms (edge from → to, progress 0..1, phase). */
    public synchronized List<InFlight> now() {
        long now = System.nanoTime();
        List<InFlight> out = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            int i = index(k);
            long age = now - starts[i];
            boolean travelling = age < TRAVEL_NANOS;
            boolean processing = processing(i, now);
            if (!travelling && !processing) {
                continue; // gone: the oldest slots are reused by new tokens
            }
            if (travelling) {
                out.add(new InFlight(ids[i], correlations[i], froms[i], tos[i], age / (double) TRAVEL_NANOS, "wire"));
            } else {
                long total = processingEnds[i] - starts[i];
                double p = total <= 0 ? 1.0 : Math.min(1.0, age / (double) total);
                out.add(new InFlight(ids[i], correlations[i], froms[i], tos[i], p, "processing"));
            }
        }
        // Forget the leading tokens that are gone, so that the scan stays short.
        while (size > 0) {
            int i = index(0);
            boolean gone = now - starts[i] >= TRAVEL_NANOS && !processing(i, now);
            if (!gone) {
                break;
            }
            froms[i] = null;
            tos[i] = null;
            size--;
        }
        return out;
    }
}
