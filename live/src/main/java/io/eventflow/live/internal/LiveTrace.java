package io.eventflow.live.internal;

import io.eventflow.simulator.trace.TraceEvent;
import io.eventflow.simulator.trace.TraceSink;

/**
 * Trace events of a live run, in the simulator's JSONL format: times are nanoseconds since publishing started, in
 * the order the clients saw them (threads interleave, so times are not strictly increasing).
 */
public final class LiveTrace {
    private final TraceSink sink;
    private volatile long start = System.nanoTime();

    public LiveTrace(TraceSink sink) {
        this.sink = sink;
    }

    public boolean on() {
        return sink != null;
    }

    /** Time zero: publishing starts now. */
    public void startClock() {
        start = System.nanoTime();
    }

    public long now() {
        return System.nanoTime() - start;
    }

    public void emit(TraceEvent e) {
        if (sink != null) {
            synchronized (sink) {
                sink.accept(e);
            }
        }
    }

    public void close() {
        if (sink != null) {
            synchronized (sink) {
                sink.close();
            }
        }
    }
}
