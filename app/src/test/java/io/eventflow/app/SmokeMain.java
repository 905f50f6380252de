package io.eventflow.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Window;

/**
 * Starts the real app through {@link Launcher#main} (the entry point the README uses) in a separate JVM, waits for its
 * window, prints the texts the window shows, and exits. Run by {@link LaunchSmokeTest}.
 */
public final class SmokeMain {
    private SmokeMain() {}

    public static void main(String[] args) throws Exception {
        Thread app = new Thread(() -> Launcher.main(args), "launcher");
        app.setDaemon(true);
        app.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            List<String> texts = texts();
            if (texts != null && !texts.isEmpty()) {
                // the design loads after the first frame: wait until the title names it, then let it draw
                while (title().startsWith("Untitled") && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                }
                Thread.sleep(1000);
                texts = texts();
                System.out.println("SMOKE-WINDOW-TITLE: " + title());
                for (String t : texts) {
                    System.out.println("SMOKE-TEXT: " + t);
                }
                System.out.flush();
                System.exit(0);
            }
        }
        System.out.println("SMOKE-FAILED: no window within 60 s");
        System.exit(3);
    }

    private static List<String> texts() throws Exception {
        CompletableFuture<List<String>> f = new CompletableFuture<>();
        try {
            Platform.runLater(() -> {
                List<String> out = new ArrayList<>();
                for (Window w : Window.getWindows()) {
                    if (w.isShowing() && w.getScene() != null) {
                        collect(w.getScene().getRoot(), out);
                    }
                }
                f.complete(out);
            });
        } catch (IllegalStateException notStartedYet) {
            return null;
        }
        return f.get(30, TimeUnit.SECONDS);
    }

    private static String title() throws Exception {
        CompletableFuture<String> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.Stage)
                .map(w -> ((javafx.stage.Stage) w).getTitle())
                .findFirst()
                .orElse("")));
        return f.get(30, TimeUnit.SECONDS);
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Text t && t.getText() != null && !t.getText().isBlank()) {
            out.add(t.getText());
        } else if (node instanceof Labeled l
                && l.getText() != null
                && !l.getText().isBlank()) {
            out.add(l.getText());
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}
