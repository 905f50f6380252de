package io.eventflow.app.fuzz;

import io.eventflow.model.asyncapi.AsyncApiImporter;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.DesignWriter;
import io.eventflow.model.io.InputException;
import io.eventflow.model.validate.Problem;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.SimulationLimitException;
import io.eventflow.simulator.UnsupportedDesignException;
import io.eventflow.simulator.kernel.SimFailedException;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A seeded mutation fuzzer of the readers: the design reader (with validation, lint, a write/read round trip and a
 * short simulation of designs that validate), the scenario reader (and a short run), and the AsyncAPI importer (the
 * design it makes must validate as written). Cases are byte, line and YAML-tree mutations of the samples and of the
 * AsyncAPI examples, plus a list of hostile inputs ({@link Hostile}). Each case runs in-process on a worker thread with
 * a timeout and is classified as {@link Outcome}. The same seed gives the same cases.
 */
public final class Fuzzer {
    /** How a case ended. */
    public enum Outcome {
        /** Accepted (and, for designs, linted, written, read back and simulated). */
        OK,
        /** Refused with problems that each name a file and, where the input has one, a line. */
        REFUSED,
        /** An exception or error the tool let through, or a refusal without a place, or an invalid import. */
        CRASH,
        /** Did not finish within the timeout. */
        HANG,
        /** Ran out of memory. */
        OOM
    }

    /** What a case feeds. */
    public enum Target {
        DESIGN,
        SCENARIO,
        ASYNCAPI
    }

    /** An input before mutation: the text, where it came from, and what reads it. */
    record Seed(Target target, String name, String text, Path base) {}

    /** One input to run. */
    record Case(long index, Target target, String name, String text, Path base, boolean asFile, String mutation) {}

    /** How one case ended; {@code detail} says why for anything but OK. */
    record Result(Case c, Outcome outcome, String detail, long nanos) {}

    /** Counts per outcome and target, and the first failures in full. */
    public static final class Stats {
        final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        final Map<Target, Map<Outcome, Long>> byTarget = new EnumMap<>(Target.class);
        final List<Result> failures = new ArrayList<>();
        final Map<Target, Long> nanosByTarget = new EnumMap<>(Target.class);
        long cases;
        long wallNanos;
        long slowestNanos;
        Result slowest;

        void add(Result r) {
            cases++;
            outcomes.merge(r.outcome(), 1L, Long::sum);
            byTarget.computeIfAbsent(r.c().target(), t -> new EnumMap<>(Outcome.class))
                    .merge(r.outcome(), 1L, Long::sum);
            if (r.nanos() > slowestNanos) {
                slowestNanos = r.nanos();
                slowest = r;
            }
            nanosByTarget.merge(r.c().target(), r.nanos(), Long::sum);
            if (r.outcome() != Outcome.OK && r.outcome() != Outcome.REFUSED && failures.size() < 50) {
                failures.add(r);
            }
        }

        public long count(Outcome o) {
            return outcomes.getOrDefault(o, 0L);
        }

        public long failuresTotal() {
            return count(Outcome.CRASH) + count(Outcome.HANG) + count(Outcome.OOM);
        }

        /** The figures, one line each, then the first failures with their case and mutation. */
        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(
                    "cases %d, ok %d, refused %d, crashes %d, hangs %d, out-of-memory %d; %.1f s wall, slowest case"
                            + " %.2f s%n",
                    cases,
                    count(Outcome.OK),
                    count(Outcome.REFUSED),
                    count(Outcome.CRASH),
                    count(Outcome.HANG),
                    count(Outcome.OOM),
                    wallNanos / 1e9,
                    slowestNanos / 1e9));
            byTarget.forEach((t, m) -> sb.append(String.format(
                    "  %s: %s, %.1f ms per case%n",
                    t,
                    m,
                    nanosByTarget.getOrDefault(t, 0L)
                            / 1e6
                            / m.values().stream().mapToLong(Long::longValue).sum())));
            if (slowest != null) {
                sb.append("  slowest: case ")
                        .append(slowest.c().index())
                        .append(' ')
                        .append(slowest.c().name())
                        .append(" [")
                        .append(slowest.c().mutation())
                        .append("]\n");
            }
            for (Result r : failures) {
                sb.append("  ")
                        .append(r.outcome())
                        .append(" case ")
                        .append(r.c().index())
                        .append(' ')
                        .append(r.c().target())
                        .append(' ')
                        .append(r.c().name())
                        .append(" [")
                        .append(r.c().mutation())
                        .append("]: ")
                        .append(r.detail())
                        .append('\n');
            }
            return sb.toString();
        }
    }

    private final long seed;
    private final long timeoutMillis;
    private final Path work;
    private final List<Seed> seeds;
    private final List<Case> hostile;
    private final Mutator mutator;
    private final Design scenarioDesign;
    private final Map<String, Design> scenarioDesigns = new java.util.HashMap<>();
    private ExecutorService worker;

    /**
     * @param repo the repository root (for {@code assets/samples})
     * @param shared the shared data folder (for the AsyncAPI examples); null to leave them out
     * @param work an empty folder for files the cases need (hostile references, byte-mutated files)
     */
    public Fuzzer(long seed, long timeoutMillis, Path repo, Path shared, Path work) throws IOException {
        this.seed = seed;
        this.timeoutMillis = timeoutMillis;
        this.work = work;
        this.seeds = new ArrayList<>();
        Path samples = repo.resolve("assets/samples");
        try (Stream<Path> s = Files.list(samples)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".eventflow.yaml")) {
                    seeds.add(new Seed(Target.DESIGN, n, Files.readString(p), samples));
                } else if (n.endsWith(".scenario.yaml")) {
                    seeds.add(new Seed(Target.SCENARIO, n, Files.readString(p), samples));
                    scenarioDesigns.put(n, designOf(p));
                }
            }
        }
        if (shared != null) {
            Path examples = shared.resolve("asyncapi/examples");
            try (Stream<Path> s = Files.walk(examples)) {
                for (Path p : s.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(yml|yaml|json)$"))
                        .sorted()
                        .toList()) {
                    seeds.add(new Seed(
                            Target.ASYNCAPI, examples.relativize(p).toString(), Files.readString(p), p.getParent()));
                }
            }
        }
        try {
            this.scenarioDesign = DesignFiles.open(samples.resolve("order-pipeline.eventflow.yaml"));
        } catch (InputException e) {
            throw new IOException("the order-pipeline sample does not open: " + e.getMessage(), e);
        }
        Hostile h = new Hostile(work);
        this.hostile = h.cases();
        this.mutator = new Mutator(h);
    }

    /** Number of seeds per target, for the report. */
    public Map<Target, Long> seedCounts() {
        Map<Target, Long> m = new EnumMap<>(Target.class);
        seeds.forEach(s -> m.merge(s.target(), 1L, Long::sum));
        m.merge(Target.DESIGN, 0L, Long::sum);
        return m;
    }

    /**
     * Runs {@code cases} cases (the hostile list first), or fewer when {@code wallLimitNanos} passes.
     *
     * @param progress called after every result (e.g. to print failures as they happen); may be null
     */
    public Stats run(long cases, long wallLimitNanos, java.util.function.Consumer<Result> progress) {
        Stats stats = new Stats();
        long start = System.nanoTime();
        worker = newWorker();
        try {
            warmUp();
            for (long i = 0; i < cases && System.nanoTime() - start < wallLimitNanos; i++) {
                Case c = i < hostile.size() ? withIndex(hostile.get((int) i), i) : generate(i);
                Result r = execute(c);
                stats.add(r);
                if (progress != null) {
                    progress.accept(r);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        stats.wallNanos = System.nanoTime() - start;
        return stats;
    }

    /**
     * Runs up to ten unmutated seeds of each target without a timeout before the cases: the first import loads and
     * initialises the layout library (seconds on a loaded machine), which is no fault of the case that comes first.
     */
    private void warmUp() {
        for (Target t : Target.values()) {
            seeds.stream().filter(s -> s.target() == t).limit(10).forEach(s -> {
                try {
                    worker.submit(() -> classify(new Case(-1, t, s.name(), s.text(), s.base(), false, "warm-up")))
                            .get();
                } catch (ExecutionException e) {
                    // a failing seed shows up again among the cases
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    private static Case withIndex(Case c, long i) {
        return new Case(i, c.target(), c.name(), c.text(), c.base(), c.asFile(), c.mutation());
    }

    /** Case {@code i}: a seed chosen and mutated by a random stream derived from the fuzzer's seed and {@code i}. */
    Case generate(long i) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + i);
        // A target first (each as likely), then one of its seeds: the many AsyncAPI examples do not crowd out the rest.
        Target t = Target.values()[r.nextInt(Target.values().length)];
        List<Seed> of = seeds.stream().filter(x -> x.target() == t).toList();
        Seed s = of.isEmpty() ? seeds.get(r.nextInt(seeds.size())) : of.get(r.nextInt(of.size()));
        Mutator.Mutated m = mutator.mutate(s.text(), r);
        boolean bytes = m.kind().startsWith("byte");
        // Byte mutations of designs go through a file (and so through the UTF-8 check); the others are text.
        boolean asFile = bytes && s.target() == Target.DESIGN;
        String text = bytes && !asFile
                ? new String(m.text().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                : m.text();
        return new Case(i, s.target(), s.name(), text, s.base(), asFile, m.kind());
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs one case on the worker thread; a case that does not end in time is left behind on its own thread. */
    Result execute(Case c) {
        long t0 = System.nanoTime();
        Future<Result> f = worker.submit(() -> classify(c));
        try {
            Result r = f.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return new Result(c, r.outcome(), r.detail(), System.nanoTime() - t0);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            return new Result(c, Outcome.HANG, "no result within " + timeoutMillis + " ms", System.nanoTime() - t0);
        } catch (ExecutionException e) {
            return new Result(c, Outcome.CRASH, describe(e.getCause()), System.nanoTime() - t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(c, Outcome.HANG, "interrupted", System.nanoTime() - t0);
        }
    }

    private Result classify(Case c) {
        try {
            return switch (c.target()) {
                case DESIGN -> design(c);
                case SCENARIO -> scenario(c);
                case ASYNCAPI -> asyncapi(c);
            };
        } catch (OutOfMemoryError e) {
            return new Result(c, Outcome.OOM, describe(e), 0);
        } catch (InputException e) {
            return refused(c, e.problems());
        } catch (Throwable e) { // NOPMD: anything else the readers let through is what the fuzzer looks for
            return new Result(c, Outcome.CRASH, describe(e), 0);
        }
    }

    private Result design(Case c) throws Exception {
        DesignFiles.Loaded loaded;
        if (c.asFile()) {
            Path f = work.resolve("case.eventflow.yaml");
            Files.write(f, c.text().getBytes(StandardCharsets.ISO_8859_1));
            loaded = DesignFiles.load(f);
        } else {
            loaded = DesignFiles.parse(c.name(), c.text());
        }
        DesignFiles.lint(loaded);
        if (loaded.hasErrors()) {
            return refused(c, loaded.problems());
        }
        String written = DesignWriter.toYaml(loaded.design());
        DesignFiles.Loaded again = DesignFiles.parse("written.eventflow.yaml", written);
        if (again.hasErrors()) {
            return new Result(c, Outcome.CRASH, "a valid design does not read back as written: " + first(again), 0);
        }
        return simulate(c, loaded.design(), null);
    }

    private Result scenario(Case c) throws Exception {
        Design d = scenarioDesigns.getOrDefault(c.name(), scenarioDesign);
        Scenario s = ScenarioReader.parse(c.name(), c.text(), d);
        return simulate(c, d, s);
    }

    /** The design a sample scenario names. */
    private static Design designOf(Path scenarioFile) throws IOException {
        try {
            Path d = ScenarioReader.designPath(scenarioFile, ScenarioReader.read(scenarioFile, null));
            if (d == null) {
                throw new IOException(scenarioFile + " names no design");
            }
            return DesignFiles.open(d);
        } catch (InputException e) {
            throw new IOException(scenarioFile + " or its design does not read: " + e.getMessage(), e);
        }
    }

    private Result asyncapi(Case c) throws Exception {
        AsyncApiImporter.Result imported =
                AsyncApiImporter.importText(c.name(), c.text(), c.base(), AsyncApiImporter.Options.DEFAULT);
        // What import writes must validate.
        DesignFiles.Loaded written =
                DesignFiles.parse("imported.eventflow.yaml", DesignWriter.toYaml(imported.design()));
        if (written.hasErrors()) {
            return new Result(c, Outcome.CRASH, "import wrote a design that does not validate: " + first(written), 0);
        }
        DesignFiles.lint(written);
        return simulate(c, written.design(), null);
    }

    /** A short run: half a simulated second (one and a half with a scenario). */
    private Result simulate(Case c, Design d, Scenario s) {
        Simulation sim;
        try {
            sim = Simulation.builder(d)
                    .scenario(s)
                    .seed(c.index())
                    .duration(s == null ? 500_000_000L : 1_500_000_000L)
                    .build();
        } catch (UnsupportedDesignException e) {
            return new Result(
                    c, Outcome.REFUSED, "not simulated: " + e.problems().get(0), 0);
        }
        try {
            sim.runToEnd();
        } catch (SimFailedException e) {
            if (e.getCause() instanceof SimulationLimitException) {
                return new Result(c, Outcome.REFUSED, e.getCause().getMessage(), 0);
            }
            throw e;
        }
        return new Result(c, Outcome.OK, null, 0);
    }

    /** A refusal must say what and where: every problem names a file, and a line when the input has lines. */
    private static Result refused(Case c, List<Problem> problems) {
        if (problems.isEmpty()) {
            return new Result(c, Outcome.CRASH, "refused without a problem", 0);
        }
        for (Problem p : problems) {
            if (p.file() == null
                    || p.file().isBlank()
                    || p.message() == null
                    || p.message().isBlank()) {
                return new Result(c, Outcome.CRASH, "refused without a file or message: " + p, 0);
            }
            if (p.message().contains("Exception") || p.message().contains("java.")) {
                return new Result(c, Outcome.CRASH, "a Java message reached the user: " + p.format(), 0);
            }
        }
        return new Result(c, Outcome.REFUSED, problems.get(0).format(), 0);
    }

    private static String first(DesignFiles.Loaded l) {
        return l.problems().stream()
                .filter(Problem::isError)
                .findFirst()
                .map(Problem::format)
                .orElse("?");
    }

    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.toString());
        StackTraceElement[] st = e.getStackTrace();
        for (int i = 0; i < Math.min(6, st.length); i++) {
            sb.append(" <- ").append(st[i]);
        }
        if (e.getCause() != null && e.getCause() != e) {
            sb.append(" caused by ").append(describe(e.getCause()));
        }
        String s = sb.toString();
        return s.length() > 1500 ? s.substring(0, 1500) + "..." : s;
    }
}
