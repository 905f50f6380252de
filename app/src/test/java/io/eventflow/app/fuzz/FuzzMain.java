package io.eventflow.app.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fuzzer for long runs (not a test):
 *
 * <pre>
 * java -cp app/target/test-classes:app/target/classes:simulator/target/classes:model/target/classes:$(cat cp.txt) \
 *     io.eventflow.app.fuzz.FuzzMain --cases 100000 --minutes 20 --seed 1 --timeout-ms 30000
 * </pre>
 *
 * Prints every failure as it happens and the figures at the end (cases, ok, refused, crashes, hangs, out-of-memory);
 * exits 1 when there was any failure.
 */
public final class FuzzMain {
    private FuzzMain() {}

    public static void main(String[] args) throws Exception {
        long cases = 100_000;
        double minutes = 20;
        long seed = 1;
        long timeout = 30_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--cases" -> cases = (long) Double.parseDouble(args[i + 1]);
                case "--minutes" -> minutes = Double.parseDouble(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--timeout-ms" -> timeout = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("eventflow-fuzz");
        Fuzzer f = new Fuzzer(seed, timeout, repo(), shared(), work);
        System.out.println("fuzz: seed " + seed + ", up to " + cases + " cases or " + minutes + " min, timeout "
                + timeout + " ms per case; seeds " + f.seedCounts());
        long[] done = {0};
        long start = System.nanoTime();
        Fuzzer.Stats s = f.run(cases, (long) (minutes * 60e9), r -> {
            done[0]++;
            if (r.outcome() != Fuzzer.Outcome.OK && r.outcome() != Fuzzer.Outcome.REFUSED) {
                System.out.println(r.outcome() + " case " + r.c().index() + " " + r.c().target() + " " + r.c().name()
                        + " [" + r.c().mutation() + "]: " + r.detail());
            }
            if (done[0] % 5000 == 0) {
                System.out.printf("  %d cases, %.0f s%n", done[0], (System.nanoTime() - start) / 1e9);
            }
        });
        System.out.print("fuzz: " + s.summary());
        System.exit(s.failuresTotal() == 0 ? 0 : 1);
    }

    static Path repo() {
        String prop = System.getProperty("eventflow.repo");
        return (prop != null ? Path.of(prop) : Path.of(".")).toAbsolutePath().normalize();
    }

    /** The shared data folder, or null (with a visible message; under CI=true a failure) when it is absent. */
    static Path shared() {
        String prop = System.getProperty("eventflow.shared");
        Path p = (prop != null ? Path.of(prop) : repo().resolve("../shared"))
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(p.resolve("asyncapi/examples"))) {
            String message = "shared data folder not found at " + p + ": the fuzzer runs without the AsyncAPI examples";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message + " (CI=true: failing instead)");
            }
            System.err.println("SKIPPED: " + message);
            return null;
        }
        return p;
    }
}
