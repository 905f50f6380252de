package io.eventflow.simulator.internal;

/** One processing slot of a member. Its epoch changes on crash so stale completion events are ignored. */
public final class Worker {
    public static final byte IDLE = 0;
    public static final byte TRANSIT = 1;
    public static final byte PROCESSING = 2;
    public static final byte BACKOFF = 3;

    public final int index;
    public final Member member;
    public int epoch;
    public byte phase = IDLE;
    public Msg msg;
    public long start;
    public long end;
    public int attempt;
    public long lastBackoff;
    public boolean replay;
    /** The delivery counts (and is traced) as a redelivery. */
    public boolean redelivered;
    /** The delivery was altered on the broker's link to the consumer (a tamper fault). */
    public boolean tampered;
    /** In TRANSIT because the broker re-sends a lost delivery: it crosses the link again on arrival. */
    public boolean resend;

    public Worker(int index, Member member) {
        this.index = index;
        this.member = member;
    }

    public long eventArg() {
        return ((long) epoch << 32) | index;
    }
}
