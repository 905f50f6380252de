package io.eventflow.simulator.bench;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.report.SimulationReport;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test: what a flat-out run of the order pipeline keeps alive and what its collections cost, with the
 * Kafka logs' archive of consumed records on and off, alternating in one JVM. Each round runs the GUI's run (seed 1,
 * 1,200 simulated seconds, no scenario, a 50,000-event trace ring, consumed records kept for replays), then measures
 * the heap still in use after a full collection while the run is reachable, minus the same without it (the run's live
 * set), the bytes the run allocated and the GC pauses during the run ({@code -Dbench.design=FILE} runs another design).
 * It checks that both kinds give the same report (wall time aside).
 *
 * <pre>
 * ./mvnw -o -q -pl simulator -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xlog:gc:file=/tmp/gc.log -cp simulator/target/test-classes:simulator/target/classes:model/target/classes:$(cat /tmp/cp.txt) \
 *     io.eventflow.simulator.bench.LogMemoryBench [rounds] [simulated seconds]
 * </pre>
 */
public final class LogMemoryBench {
    private LogMemoryBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 1200;
        Path repo = Path.of(System.getProperty("eventflow.repo", "."));
        Design d = DesignFiles.open(
                repo.resolve(System.getProperty("bench.design", "assets/samples/order-pipeline.eventflow.yaml")));
        List<String> lines = new ArrayList<>();
        String[] reports = new String[2];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                boolean archive = (r + k) % 2 == 0; // alternate which kind goes first
                System.setProperty("eventflow.sim.archiveConsumed", String.valueOf(archive));
                String line = round(d, seconds, archive, reports);
                lines.add(line);
                System.out.println(line);
            }
        }
        System.out.println(
                reports[0] != null && reports[0].equals(reports[1])
                        ? "reports identical with and without the archive"
                        : "REPORTS DIFFER");
    }

    private static String round(Design d, long seconds, boolean archive, String[] reports) {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = mem.getHeapMemoryUsage().getUsed();
        long gcCount = gcCount();
        long gcTime = gcTime();
        long allocated0 = allocated();
        long t0 = System.nanoTime();
        Simulation sim = Simulation.builder(d)
                .seed(1)
                .duration(seconds * 1_000_000_000L)
                .traceCapacity(50_000)
                .build();
        sim.runToEnd();
        long wall = System.nanoTime() - t0;
        long allocated = allocated() - allocated0;
        long gcs = gcCount() - gcCount;
        long pauses = gcTime() - gcTime;
        SimulationReport rep = sim.report();
        System.gc();
        long live = mem.getHeapMemoryUsage().getUsed() - before;
        if (Boolean.getBoolean("bench.hold")) {
            System.out.println("holding the run for 20 s (jcmd <pid> GC.class_histogram)");
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        java.lang.ref.Reference.reachabilityFence(sim);
        reports[archive ? 0 : 1] = rep.toJson().replaceAll("\"wallSeconds\" *: *[0-9.eE-]+", "");
        long published = rep.totals().published();
        sim = null;
        return String.format(
                Locale.ROOT,
                "archive %-3s  wall %.2f s  GC %d collections, %d ms  allocated %.1f MB (%.0f B per message)"
                        + "  live after run %.1f MB (%.0f B per message, %,d published)",
                archive ? "on" : "off",
                wall / 1e9,
                gcs,
                pauses,
                allocated / 1e6,
                (double) allocated / published,
                live / 1e6,
                (double) live / published,
                published);
    }

    /** Bytes this thread (which runs the simulation) allocated so far. */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, b.getCollectionCount());
        }
        return n;
    }

    private static long gcTime() {
        long n = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, b.getCollectionTime());
        }
        return n;
    }
}
