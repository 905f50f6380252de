package io.eventflow.app.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Marks along the GUI's start-up, for measuring it (issue #15; docs/performance.md, "Design on screen"). Off unless
 * the system property {@code eventflow.startupTrace} names a file: then each {@link #mark} records the wall clock
 * (epoch milliseconds, to line up with an outside probe such as installers/bench/startup.sh), the milliseconds since
 * the process started, the process's CPU time and the calling thread, and {@link #finish} writes them to that file
 * with the CPU time of every thread of the process (the JIT compiler and GC threads too, from /proc on Linux). When
 * off, a mark costs a field read.
 */
public final class StartupTrace {
    private static final String FILE = System.getProperty("eventflow.startupTrace");
    private static final List<String> MARKS = FILE == null ? null : new ArrayList<>();
    private static final long START_MS = FILE == null ? 0 : processStart();
    private static volatile boolean finished;

    private StartupTrace() {}

    /** True when marks are recorded. */
    public static boolean on() {
        return FILE != null;
    }

    /** Records that start-up reached {@code what}, from any thread. */
    public static void mark(String what) {
        if (FILE == null || finished) {
            return;
        }
        long now = System.currentTimeMillis();
        String line = String.format(
                "%d %6d ms  cpu %6d ms  %-14s [%s] %s",
                now,
                now - START_MS,
                processCpuMs(),
                what,
                Thread.currentThread().getName(),
                byRole());
        synchronized (MARKS) {
            MARKS.add(line);
        }
    }

    /**
     * Records {@code what} and writes the marks and every thread's CPU time to the file, once: later marks and calls
     * are ignored.
     */
    public static void finish(String what) {
        if (FILE == null || finished) {
            return;
        }
        mark(what);
        finished = true;
        List<String> out;
        synchronized (MARKS) {
            out = new ArrayList<>(MARKS);
        }
        out.add("threads (CPU ms, user+system):");
        out.addAll(threadCpu());
        try {
            Files.write(Path.of(FILE), out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            org.tinylog.Logger.warn(e, "start-up trace not written to {}", FILE);
        }
    }

    /** The process's start, in epoch milliseconds (ProcessHandle's start instant; jiffy resolution). */
    private static long processStart() {
        return ProcessHandle.current()
                .info()
                .startInstant()
                .map(java.time.Instant::toEpochMilli)
                .orElse(System.currentTimeMillis());
    }

    private static long processCpuMs() {
        return ticksToMs(cpuTicks(Path.of("/proc/self/stat")));
    }

    /** CPU ms so far of the FX thread, the renderer, the JIT compilers, GC and the rest. */
    private static String byRole() {
        long fx = 0, render = 0, c1 = 0, c2 = 0, gc = 0, rest = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                long ms = ticksToMs(cpuTicks(t.resolve("stat")));
                String name = comm(t.resolve("stat"));
                if (name.startsWith("JavaFX Applicat")) {
                    fx += ms;
                } else if (name.startsWith("QuantumRenderer")) {
                    render += ms;
                } else if (name.startsWith("C1 ")) {
                    c1 += ms;
                } else if (name.startsWith("C2 ")) {
                    c2 += ms;
                } else if (name.startsWith("GC ") || name.startsWith("G1 ")) {
                    gc += ms;
                } else {
                    rest += ms;
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return String.format("fx %d render %d c1 %d c2 %d gc %d other %d", fx, render, c1, c2, gc, rest);
    }

    private static List<String> threadCpu() {
        List<String> rows = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                long ticks = cpuTicks(t.resolve("stat"));
                String name = comm(t.resolve("stat"));
                if (ticks > 0) {
                    rows.add(String.format("%6d  %s", ticksToMs(ticks), name));
                }
            });
        } catch (IOException | RuntimeException e) {
            rows.add("(no /proc: " + e + ")");
        }
        rows.sort((a, b) -> b.compareTo(a));
        return rows;
    }

    /** utime + stime from a /proc stat line; the fields after the command name, which may contain spaces. */
    private static long cpuTicks(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String comm(Path stat) {
        try {
            String s = Files.readString(stat);
            return s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Linux's USER_HZ is 100 on every common build. */
    private static long ticksToMs(long ticks) {
        return ticks < 0 ? -1 : ticks * 10;
    }
}
