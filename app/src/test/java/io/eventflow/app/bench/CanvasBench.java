package io.eventflow.app.bench;

import io.eventflow.app.canvas.DesignCanvas;
import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import io.eventflow.app.shell.StudioHome;
import io.eventflow.app.shell.TaskExecutor;
import io.eventflow.model.design.Design;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.tinylog.Logger;

/**
 * Frame times of the real main window while panning, zooming and dragging, on a design of 300 elements and 600 edges
 * and on an (almost) empty canvas, in the same run. Gestures are real mouse and scroll events fired at the canvas, one
 * step per frame. Run with {@code -Djavafx.animation.fullspeed=true} so frames are not capped at 60 Hz; see
 * docs/gui.md for the command.
 */
public final class CanvasBench {
    private static final int WARMUP = 30;
    private static final int FRAMES = Integer.getInteger("bench.frames", 150);

    private CanvasBench() {}

    public static void main(String[] args) {
        io.eventflow.app.env.AppDirs.configureLogging();
        Application.launch(App.class, args);
    }

    /** The JavaFX application (the main class must not extend Application). */
    public static final class App extends Application {
        private final List<String> report = new ArrayList<>();
        private MainWindow window;
        private DesignCanvas canvas;

        @Override
        public void start(Stage stage) throws IOException {
            window = new MainWindow(
                    stage,
                    new StudioHome(Files.createTempDirectory("eventflow-bench")),
                    new ScriptedDialogs(),
                    TaskExecutor.sameThread());
            window.show(null);
            canvas = window.canvas();
            Design large = BenchDesigns.large(300, 600, 42);
            List<Runnable> plan = new ArrayList<>();
            for (Design d : List.of(BenchDesigns.single(), large)) {
                String name = d.services().size() == 1 ? "empty" : "300 elements / 600 edges";
                plan.add(() -> {
                    load(d);
                    Platform.runLater(() -> next(plan));
                });
                for (String g : List.of("pan", "zoom", "drag")) {
                    plan.add(() -> measure(name, g, plan));
                }
            }
            plan.add(this::finish);
            Platform.runLater(() -> next(plan));
        }

        private void next(List<Runnable> plan) {
            if (!plan.isEmpty()) {
                plan.remove(0).run();
            }
        }

        private void load(Design d) {
            window.document().replace(d, null, false);
            canvas.viewModel().zoomProperty().set(0.8);
            canvas.viewModel().panXProperty().set(0);
            canvas.viewModel().panYProperty().set(0);
            Logger.info("loaded {}: {} skins", d.name(), canvas.skinCount());
            String hide = System.getProperty("bench.hide");
            if (hide != null) {
                for (String sel : hide.split(",")) {
                    canvas.lookupAll(sel).forEach(n -> n.setVisible(false));
                }
            }
        }

        private void measure(String design, String gesture, List<Runnable> plan) {
            double[] times = new double[FRAMES];
            double[] cpu = new double[FRAMES];
            new AnimationTimer() {
                private long last;
                private long lastCpu;
                private int frame = -WARMUP;

                @Override
                public void handle(long now) {
                    long c = uiCpuNanos();
                    if (last != 0 && frame >= 0 && frame < FRAMES) {
                        times[frame] = (now - last) / 1e6;
                        cpu[frame] = (c - lastCpu) / 1e6;
                    }
                    last = now;
                    lastCpu = c;
                    if (frame == -WARMUP) {
                        begin(gesture);
                    }
                    if (frame >= FRAMES) {
                        end(gesture);
                        stop();
                        report(design, gesture, times, cpu);
                        next(plan);
                        return;
                    }
                    step(gesture, frame + WARMUP);
                    frame++;
                }
            }.start();
        }

        private void begin(String gesture) {
            if ("drag".equals(gesture)) {
                Point2D p = canvas.worldToScreen(40 + 90, 80 + 32);
                window.document().getSelection().clear();
                mouse(MouseEvent.MOUSE_PRESSED, p.getX(), p.getY(), MouseButton.PRIMARY);
            } else if ("pan".equals(gesture)) {
                mouse(MouseEvent.MOUSE_PRESSED, 400, 300, MouseButton.MIDDLE);
            }
        }

        private void step(String gesture, int i) {
            double wave = Math.sin(i / 12.0);
            switch (gesture) {
                case "pan" -> mouse(MouseEvent.MOUSE_DRAGGED, 400 + 200 * wave, 300 + 100 * wave, MouseButton.MIDDLE);
                case "zoom" -> scroll(i % 40 < 20 ? 40 : -40);
                default -> {
                    Point2D p = canvas.worldToScreen(130 + 200 * (1 + wave), 112 + 100 * (1 + wave));
                    mouse(MouseEvent.MOUSE_DRAGGED, p.getX(), p.getY(), MouseButton.PRIMARY);
                }
            }
        }

        private void end(String gesture) {
            if ("drag".equals(gesture)) {
                Point2D p = canvas.worldToScreen(130, 112);
                mouse(MouseEvent.MOUSE_RELEASED, p.getX(), p.getY(), MouseButton.PRIMARY);
            } else if ("pan".equals(gesture)) {
                mouse(MouseEvent.MOUSE_RELEASED, 400, 300, MouseButton.MIDDLE);
            }
        }

        private void mouse(javafx.event.EventType<MouseEvent> type, double x, double y, MouseButton b) {
            Point2D s = canvas.localToScene(x, y);
            Point2D sc = canvas.localToScreen(x, y);
            Event.fireEvent(
                    canvas,
                    new MouseEvent(
                            canvas,
                            canvas,
                            type,
                            x,
                            y,
                            sc.getX(),
                            sc.getY(),
                            b,
                            1,
                            false,
                            false,
                            false,
                            false,
                            b == MouseButton.PRIMARY,
                            b == MouseButton.MIDDLE,
                            false,
                            false,
                            false,
                            false,
                            new PickResult(canvas, s.getX(), s.getY())));
        }

        private void scroll(double delta) {
            double x = canvas.getWidth() / 2;
            double y = canvas.getHeight() / 2;
            Event.fireEvent(
                    canvas,
                    new ScrollEvent(
                            ScrollEvent.SCROLL,
                            x,
                            y,
                            x,
                            y,
                            false,
                            true,
                            false,
                            false,
                            false,
                            false,
                            0,
                            delta,
                            0,
                            delta,
                            ScrollEvent.HorizontalTextScrollUnits.NONE,
                            0,
                            ScrollEvent.VerticalTextScrollUnits.NONE,
                            0,
                            0,
                            null));
        }

        /** CPU time used so far by the FX application thread and the render thread. */
        private static long uiCpuNanos() {
            var mx = ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                String n = t.getName();
                if (n.equals("JavaFX Application Thread") || n.startsWith("QuantumRenderer")) {
                    sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
                }
            }
            return sum;
        }

        private void report(String design, String gesture, double[] times, double[] cpu) {
            double[] sorted = times.clone();
            Arrays.sort(sorted);
            double[] cpuSorted = cpu.clone();
            Arrays.sort(cpuSorted);
            String line = String.format(
                    Locale.ROOT,
                    "%-26s %-5s frame median %6.2f ms  p90 %6.2f ms  max %6.2f ms | UI+render CPU median %6.2f ms",
                    design,
                    gesture,
                    sorted[sorted.length / 2],
                    sorted[(int) (sorted.length * 0.9)],
                    sorted[sorted.length - 1],
                    cpuSorted[cpuSorted.length / 2]);
            report.add(line);
            Logger.info(line);
        }

        private void finish() {
            Logger.info("CanvasBench results (frame = time between two pulses):\n  {}", String.join("\n  ", report));
            Platform.exit();
        }
    }
}
