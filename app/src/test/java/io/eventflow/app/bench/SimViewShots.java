package io.eventflow.app.bench;

import static io.eventflow.app.bench.Screenshots.later;

import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import io.eventflow.app.simview.SimSession;
import io.eventflow.app.simview.SimulationRunner;
import io.eventflow.simulator.trace.TraceEvent;
import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.tinylog.Logger;

/**
 * Screenshots of a simulation run of the Kafka sample under its scenario (docs/simview-*.png): the canvas just after
 * the billing crash in slow motion, during the link faults, the charts, and a traced correlation id. Run under Xvfb or headless Monocle.
 */
public final class SimViewShots {
    private static Path out = Path.of("docs");

    private SimViewShots() {}

    public static void main(String[] args) {
        out = Screenshots.arg(args, 0, "docs");
        Application.launch(App.class);
    }

    /** The JavaFX application (the main class must not extend Application). */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws IOException {
            MainWindow w = Screenshots.open(stage, new ScriptedDialogs(), null);
            Scene scene = stage.getScene();
            Screenshots.whenReady(w, 0.8, () -> {
                w.canvas().fitToView();
                w.simulate().setSimulating(true);
                SimSession s = w.simulate().session();
                later(0.5, () -> {
                    s.runner().runUntil(12_600_000_000L);
                    waitPaused(s, () -> {
                        s.speedProperty().set(0.02);
                        s.runner().run();
                        later(2.0, () -> {
                            s.runner().pause();
                            later(0.3, () -> shots(w, scene, s));
                        });
                    });
                });
            });
        }
    }

    private static void shots(MainWindow w, Scene scene, SimSession s) {
        Screenshots.shoot(scene, out.resolve("simview-run.png"));
        w.setTheme(io.eventflow.app.fx.Theme.DARK);
        w.simulate().overlay().invalidate();
        later(0.4, () -> {
            Screenshots.shoot(scene, out.resolve("simview-run-dark.png"));
            w.setTheme(io.eventflow.app.fx.Theme.LIGHT);
            w.simulate().overlay().invalidate();
            later(0.4, () -> faults(w, scene, s));
        });
    }

    private static void faults(MainWindow w, Scene scene, SimSession s) {
        s.runner().runUntil(32_000_000_000L);
        waitPaused(
                s,
                () -> later(0.8, () -> {
                    Screenshots.shoot(scene, out.resolve("simview-faults.png"));
                    charts(w, scene, s);
                }));
    }

    private static void charts(MainWindow w, Scene scene, SimSession s) {
        w.simulate().showTab("tab-charts");
        s.runner().runUntil(40_000_000_000L);
        waitPaused(
                s,
                () -> later(0.5, () -> {
                    Screenshots.shoot(scene, out.resolve("simview-charts.png"));
                    long corr = s.runner().traceSince(0).stream()
                            .filter(e -> e instanceof TraceEvent.Processed
                                    && e.element().startsWith("shipping#"))
                            .mapToLong(TraceEvent::correlationId)
                            .reduce((a, b) -> b)
                            .orElse(-1);
                    w.simulate().showTab("tab-log");
                    w.simulate().views().trace(corr);
                    later(0.5, () -> {
                        Screenshots.shoot(scene, out.resolve("simview-trace.png"));
                        w.simulate().dispose();
                        Platform.exit();
                    });
                }));
    }

    private static void waitPaused(SimSession s, Runnable then) {
        PauseTransition p = new PauseTransition(Duration.millis(100));
        p.setOnFinished(e -> {
            if (s.runner().state() == SimulationRunner.State.RUNNING) {
                p.playFromStart();
            } else {
                Logger.info("paused at {}", s.runner().snapshot().time());
                then.run();
            }
        });
        p.play();
    }
}
