package io.eventflow.live.proxy;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One link of the {@link FaultProxy}: a local port whose connections are forwarded to one target, and the faults in
 * force on it. Faults change at any time from any thread and act on the connections already open as on new ones.
 *
 * <ul>
 *   <li>{@link #partition(boolean) partition}: nothing crosses in either direction. Open connections stall (the
 *       proxy stops reading both sides, so TCP back-pressure holds the peers' writes; bytes already read are held)
 *       and new connections are accepted but not connected onward; when it ends, everything held goes on in order.
 *       A client whose own timeouts run out meanwhile sees what it would see on a real partition: a request timeout,
 *       then a reconnect.
 *   <li>{@link #latency latency}: every chunk read in the direction is written on after {@code delay ± jitter}
 *       (uniform), never overtaking an earlier one.
 *   <li>{@link #drop drop}: each chunk read in the direction (one TCP read, up to 64 KiB: part of a message, one, or
 *       several) is, with the given chance, not forwarded and the connection is reset both ways (RST). TCP itself
 *       never loses bytes inside a connection, so this models what a client can see of a lossy link: a connection
 *       that dies with requests or deliveries on it; the client recovers as its protocol does (a producer resends
 *       per its retries, a consumer fetches again from its position).
 * </ul>
 */
public final class ProxyLink {
    /** Which way bytes travel: {@link #UP} client to server (service to broker), {@link #DOWN} back. */
    public enum Direction {
        UP,
        DOWN
    }

    static final class Faults {
        volatile long delayNanos;
        volatile long jitterNanos;
        volatile double dropPercent;
    }

    final String name;
    final InetSocketAddress target;
    volatile int port;
    private volatile boolean partitioned;
    private final Faults up = new Faults();
    private final Faults down = new Faults();
    final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
    private final SplittableRandom random;
    private final AtomicLong resets = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();

    ProxyLink(String name, InetSocketAddress target) {
        this.name = name;
        this.target = target;
        this.random = new SplittableRandom(name.hashCode());
    }

    /** For messages: e.g. {@code checkout -> kafka node 0}. */
    public String name() {
        return name;
    }

    /** The local port clients connect to. */
    public int port() {
        return port;
    }

    /** The port of 127.0.0.1 connections are forwarded to. */
    public int targetPort() {
        return target.getPort();
    }

    /** Starts ({@code true}) or ends a partition of this link. */
    public void partition(boolean on) {
        partitioned = on;
        connections.forEach(c -> c.partitionChanged(on));
    }

    public boolean partitioned() {
        return partitioned;
    }

    /** Adds {@code delay ± jitter} (nanoseconds, uniform) to every chunk in {@code d}; 0, 0 ends it. */
    public void latency(Direction d, long delayNanos, long jitterNanos) {
        if (delayNanos < 0 || jitterNanos < 0) {
            throw new IllegalArgumentException("negative delay or jitter");
        }
        Faults f = faults(d);
        f.jitterNanos = jitterNanos;
        f.delayNanos = delayNanos;
    }

    /** Resets connections at {@code percent} % of the chunks read in {@code d}; 0 ends it. */
    public void drop(Direction d, double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in [0, 100]: " + percent);
        }
        faults(d).dropPercent = percent;
    }

    /** Connections reset by {@link #drop} so far. */
    public long resets() {
        return resets.get();
    }

    /** Connections accepted so far. */
    public long accepted() {
        return accepted.get();
    }

    Faults faults(Direction d) {
        return d == Direction.UP ? up : down;
    }

    /** A delay drawn for a chunk in {@code d}: {@code delay ± jitter}, never negative. */
    long delay(Direction d) {
        Faults f = faults(d);
        long delay = f.delayNanos;
        long jitter = f.jitterNanos;
        if (jitter > 0) {
            double u;
            synchronized (random) {
                u = random.nextDouble();
            }
            delay += (long) ((u * 2 - 1) * jitter);
        }
        return Math.max(0, delay);
    }

    /** Whether a chunk in {@code d} is dropped now. */
    boolean drops(Direction d) {
        double p = faults(d).dropPercent;
        if (p <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() * 100 < p;
        }
    }

    void countReset() {
        resets.incrementAndGet();
    }

    void countAccepted() {
        accepted.incrementAndGet();
    }

    void closeAll() {
        connections.forEach(ProxyConnection::close);
    }

    @Override
    public String toString() {
        return name + " (127.0.0.1:" + port + " -> 127.0.0.1:" + target.getPort() + ")";
    }
}
