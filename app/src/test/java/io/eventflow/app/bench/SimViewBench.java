package io.eventflow.app.bench;

import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import io.eventflow.app.shell.StudioHome;
import io.eventflow.app.shell.TaskExecutor;
import io.eventflow.app.simview.RunConfig;
import io.eventflow.app.simview.SimSession;
import io.eventflow.app.simview.SimulateMode;
import io.eventflow.app.simview.SimulationRunner;
import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.tinylog.Logger;

/**
 * Not a test: measures the simulation view (issue 6). (1) Frame rate of the open view with 2,000 tokens drawn against a
 * bare Canvas moving 2,000 circles of the same size, in the same run (bare, view, bare). (2) Flat-out speed of the
 * order pipeline with and without the open view (alternating, several rounds). Writes the figures to the log and to
 * the file named by the first argument (default target/simview-bench.txt). Run under Xvfb or headless Monocle.
 */
public final class SimViewBench {
    private static final long S = 1_000_000_000L;
    private static final List<String> lines = new ArrayList<>();
    private static Path out = Path.of("target", "simview-bench.txt");

    private SimViewBench() {}

    public static void main(String[] args) {
        if (args.length > 0) {
            out = Path.of(args[0]);
        }
        Application.launch(App.class);
    }

    private static void report(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        lines.add(s);
        Logger.info(s);
    }

    /** The JavaFX application (the main class must not extend Application). */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            MainWindow w = new MainWindow(
                    stage,
                    new StudioHome(Files.createTempDirectory("eventflow-bench")),
                    new ScriptedDialogs(),
                    TaskExecutor.sameThread());
            w.show(null);
            stage.setUserData(w);
            Thread t = new Thread(() -> run(w, stage), "bench");
            t.setDaemon(true);
            t.start();
        }
    }

    private static void run(MainWindow w, Stage stage) {
        try {
            double seconds = Double.parseDouble(System.getProperty("bench.seconds", "5"));
            // The sample design is read on a background thread once the window is up: wait for it.
            for (int i = 0;
                    i < 600 && call(() -> w.document().getDesign().services().isEmpty());
                    i++) {
                Thread.sleep(50);
            }
            on(() -> w.simulate().setSimulating(true));
            Thread.sleep(1500);
            SimulateMode mode = w.simulate();
            double width = call(() -> mode.overlay().getWidth());
            double height = call(() -> mode.overlay().getHeight());
            report("canvas %.0f x %.0f, prism.order=%s", width, height, System.getProperty("prism.order"));
            int frameRounds = Integer.getInteger("bench.frameRounds", 3);
            if (frameRounds > 0) {
                frameRates(w, stage, width, height, seconds, frameRounds);
            }
            flatOut(w, Integer.getInteger("bench.rounds", 3));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, lines);
        } catch (Exception e) {
            Logger.error(e, "benchmark failed");
        } finally {
            Platform.exit();
        }
    }

    /** Frame rate of the view with 2,000 tokens against a bare canvas, alternating bare, view, bare, ... */
    private static void frameRates(MainWindow w, Stage stage, double width, double height, double seconds, int rounds)
            throws Exception {
        List<Double> bares = new ArrayList<>();
        List<Double> views = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        double before = bareFps(stage, width, height, seconds);
        for (int r = 0; r < rounds; r++) {
            double view = viewFps(w, seconds);
            double after = bareFps(stage, width, height, seconds);
            bares.add(round1(before));
            views.add(round1(view));
            ratios.add(Math.round(100 * view / ((before + after) / 2)) / 100.0);
            before = after;
        }
        report(
                "frame rate: bare %s fps, view with 2,000 tokens %s fps; view / mean of the bare runs around it: %s,"
                        + " median %.2f (target >= 0.8)",
                bares, views, ratios, median(ratios));
    }

    /** Paced at 1× with 3,000 orders/s held 1 s on the wire: the snapshot carries its maximum of 2,000 tokens. */
    private static double viewFps(MainWindow w, double seconds) throws Exception {
        on(() -> w.simulate().setSimulating(true));
        SimSession s = w.simulate().session();
        Scenario sc = new Scenario(
                null,
                1L,
                600 * S,
                List.of(new Fault.Latency(0, "checkout", "orders", S, 0, -1)),
                List.of(new Action.Rate(0, "checkout", "orders", 3000)));
        on(() -> {
            s.scenarioProperty().set(sc);
            s.flatOutProperty().set(false);
            s.speedProperty().set(1.0);
            s.reset();
            s.runner().run();
        });
        Thread.sleep(2500);
        if (Boolean.getBoolean("bench.viewPaused")) {
            on(s.runner()::pause); // diagnosis: the same 2,000 tokens redrawn every frame without the simulation
        }
        long f0 = call(() -> w.simulate().frames());
        long[] tokens = new long[2];
        CountDownLatch done = new CountDownLatch(1);
        AnimationTimer count = new AnimationTimer() {
            @Override
            public void handle(long now) {
                w.simulate().overlay().invalidate();
                tokens[0] += w.simulate().overlay().drawn();
                tokens[1]++;
            }
        };
        on(count::start);
        long t0 = System.nanoTime();
        java.util.Map<String, Long> cpu0 = cpu();
        Thread.sleep((long) (seconds * 1000));
        java.util.Map<String, Long> cpu1 = cpu();
        long f1 = call(() -> w.simulate().frames());
        double wall = (System.nanoTime() - t0) / 1e9;
        double fps = (f1 - f0) / wall;
        StringBuilder use = new StringBuilder();
        cpu1.forEach((k, v) -> use.append(
                String.format(Locale.ROOT, " %s %.0f%%", k, 100 * (v - cpu0.getOrDefault(k, 0L)) / 1e9 / wall)));
        report("view: CPU per thread:%s; %.1f ms CPU per frame", use, cpuMs(cpu0, cpu1) / (f1 - f0));
        on(() -> {
            count.stop();
            s.runner().pause();
            done.countDown();
        });
        done.await(5, TimeUnit.SECONDS);
        report("view: %.1f fps, %.0f tokens drawn per frame on average", fps, tokens[0] / (double) tokens[1]);
        return fps;
    }

    /** A bare Canvas of the same size in its own window moving 2,000 circles (the view is off meanwhile). */
    private static double bareFps(Stage owner, double w, double h, double seconds) throws Exception {
        on(() -> ((MainWindow) owner.getUserData()).simulate().setSimulating(false));
        long[] frames = new long[1];
        Canvas c = new Canvas(w, h);
        Random rnd = new Random(1);
        double[] x = new double[2000];
        double[] y = new double[2000];
        double[] dx = new double[2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble() * w;
            y[i] = rnd.nextDouble() * h;
            dx[i] = 0.5 + rnd.nextDouble() * 2;
        }
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                GraphicsContext g = c.getGraphicsContext2D();
                g.clearRect(0, 0, w, h);
                g.setFill(Color.web("#2f6fde"));
                for (int i = 0; i < x.length; i++) {
                    x[i] = (x[i] + dx[i]) % w;
                    g.fillOval(x[i] - 5, y[i] - 5, 10, 10);
                }
                frames[0]++;
            }
        };
        Stage[] st = new Stage[1];
        on(() -> {
            st[0] = new Stage();
            st[0].initOwner(owner);
            st[0].setScene(new Scene(new Pane(c), w, h));
            st[0].show();
            timer.start();
        });
        Thread.sleep(1000);
        long f0 = call(() -> frames[0]);
        long t0 = System.nanoTime();
        java.util.Map<String, Long> cpu0 = cpu();
        Thread.sleep((long) (seconds * 1000));
        java.util.Map<String, Long> cpu1 = cpu();
        long f1 = call(() -> frames[0]);
        double fps = (f1 - f0) / ((System.nanoTime() - t0) / 1e9);
        report("bare canvas: %.1f ms CPU per frame", cpuMs(cpu0, cpu1) / (f1 - f0));
        on(() -> {
            timer.stop();
            st[0].close();
        });
        report("bare canvas: %.1f fps", fps);
        return fps;
    }

    /** The same flat-out run of the order pipeline (1,200 simulated seconds), without and with the open view. */
    private static void flatOut(MainWindow w, int rounds) throws Exception {
        var design = call(() -> w.document().getDesign());
        RunConfig cfg = new RunConfig(design, Scenario.EMPTY, 1L, 1200 * S, RunConfig.DEFAULT_TRACE);
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 1) {
                with.add(withView(w));
            }
            // Without the view: the window in Design mode (as a user without the view has it), the same run on a
            // runner of its own.
            on(() -> w.simulate().setSimulating(false));
            try (SimulationRunner alone = new SimulationRunner()) {
                without.add(timeRun(alone, cfg));
            }
            if (r % 2 == 0) {
                with.add(withView(w));
            }
        }
        double a = median(without);
        double b = median(with);
        report(
                "flat out, 1200 simulated s: without view %s s (median %.2f), with view %s s (median %.2f): "
                        + "slowdown %.1f%% (target <= 20%%)",
                without, a, with, b, 100 * (b / a - 1));
    }

    private static double withView(MainWindow w) throws Exception {
        SimSession s = w.simulate().session();
        on(() -> {
            w.simulate().setSimulating(true); // the view open (the frame-rate rounds leave it closed)
            s.scenarioProperty().set(Scenario.EMPTY);
            s.seedProperty().set("1");
            s.durationProperty().set("1200s");
            s.flatOutProperty().set(true);
        });
        return timeRun(s.runner(), null, () -> {
            try {
                on(s::reset);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static double timeRun(SimulationRunner r, RunConfig cfg) throws Exception {
        return timeRun(r, cfg, null);
    }

    private static double timeRun(SimulationRunner r, RunConfig cfg, Runnable reset) throws Exception {
        if (cfg != null) {
            r.reset(cfg);
            r.setSpeed(SimulationRunner.FLAT_OUT);
        } else {
            reset.run();
        }
        r.awaitIdle(10_000);
        while (r.state() != SimulationRunner.State.READY) {
            Thread.sleep(5);
        }
        if (!Boolean.getBoolean("bench.noGcBetween")) {
            // Each round starts with the same heap: the previous run's messages (a Kafka log keeps every one, about
            // 150 MB at the end of a run) are otherwise collected during the next round, whichever kind it is.
            System.gc();
            Thread.sleep(200);
        }
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long gc0 = gcMillis();
        java.util.Map<String, Long> cpu0 = cpu();
        long process0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        r.run();
        while (r.state() != SimulationRunner.State.FINISHED && r.state() != SimulationRunner.State.FAILED) {
            Thread.sleep(2);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double process = (os.getProcessCpuTime() - process0) / 1e9;
        java.util.Map<String, Long> cpu1 = cpu();
        long gc = gcMillis() - gc0;
        Thread.sleep(300); // the final report is published just after the state
        var rep = r.report();
        // Both kinds of round must do the same work: the same events to the same simulated end.
        report(
                "  %s: %.2f s wall, CPU %.2f s (process), %.2f s (simulation thread), %.2f s (FX and renderer), GC"
                        + " pauses %d ms; %s, %d kernel events, %.0f simulated s%s",
                cfg == null ? "with view" : "without view",
                secs,
                process,
                cpuOf(cpu0, cpu1, "eventflow-sim") / 1e9,
                (cpuOf(cpu0, cpu1, "JavaFX") + cpuOf(cpu0, cpu1, "QuantumRenderer")) / 1e9,
                gc,
                r.state(),
                rep == null ? -1 : rep.kernelEvents(),
                rep == null ? -1.0 : rep.simulatedSeconds(),
                r.error() == null ? "" : ", error: " + r.error());
        return Math.round(secs * 100) / 100.0;
    }

    /** CPU time of the threads that matter here: FX, renderer, simulation. */
    private static java.util.Map<String, Long> cpu() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String n = t.getName();
            if (n.startsWith("JavaFX Application")
                    || n.startsWith("QuantumRenderer")
                    || n.startsWith("eventflow-sim")) {
                out.merge(n.replace(' ', '-'), mx.getThreadCpuTime(t.getId()), Long::sum);
            }
        }
        return out;
    }

    private static long cpuOf(java.util.Map<String, Long> a, java.util.Map<String, Long> b, String prefix) {
        long sum = 0;
        for (var e : b.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                sum += e.getValue() - a.getOrDefault(e.getKey(), 0L);
            }
        }
        return sum;
    }

    /** Time spent in collections so far (pauses of the stop-the-world collectors), milliseconds. */
    private static long gcMillis() {
        long sum = 0;
        for (var b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, b.getCollectionTime());
        }
        return sum;
    }

    private static double cpuMs(java.util.Map<String, Long> a, java.util.Map<String, Long> b) {
        double sum = 0;
        for (var e : b.entrySet()) {
            sum += e.getValue() - a.getOrDefault(e.getKey(), 0L);
        }
        return sum / 1e6;
    }

    private static double round1(double x) {
        return Math.round(x * 10) / 10.0;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static void on(Runnable r) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                f.complete(null);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        f.get(10, TimeUnit.SECONDS);
    }

    private static <T> T call(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }
}
