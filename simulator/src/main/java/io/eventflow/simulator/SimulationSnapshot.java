package io.eventflow.simulator;

import java.util.List;

/**
 * An immutable picture of a running simulation, safe to read on any thread.
 *
 * @param time simulated time in nanoseconds
 * @param traceWritten trace events written so far (pass to {@code TraceBuffer.since} to read new ones)
 */
public record SimulationSnapshot(
        long time,
        long kernelEvents,
        long published,
        List<ChannelState> channels,
        List<GroupState> groups,
        List<InstanceState> instances,
        List<InFlight> inFlight,
        long traceWritten) {

    /**
     * Depth per partition (of a log: not yet fetched by the slowest group) or per queue (ready messages), and for
     * partitioned logs the node leading each partition ({@code -1} while it is offline; empty otherwise).
     */
    public record ChannelState(String id, List<Long> depths, long published, List<Integer> leaders) {
        public long depth() {
            return depths.stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A group's lag (stored but not committed or acked) and its partition assignment (instance → partitions). */
    public record GroupState(
            String group, String channel, long lag, long owed, long processed, List<String> assignment) {}

    public record InstanceState(String id, String service, boolean alive, boolean active, int busy, int buffered) {}

    /**
     * A message on an edge ({@code from} → {@code to}): on the wire, waiting for a retry, or being processed.
     *
     * @param progress 0..1 along the edge (for processing: along the processing time)
     * @param phase "wire", "retry-wait", "processing", "backoff"
     */
    public record InFlight(long messageId, long correlationId, String from, String to, double progress, String phase) {}
}
