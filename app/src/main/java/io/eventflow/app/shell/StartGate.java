package io.eventflow.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link TaskExecutor} that starts work at once but holds back what comes back to the FX thread until {@link #open()}
 * (issue #15): at start-up the design is read and parsed while the window's first frame renders, and shown once that
 * frame is on screen. Work handed back before the gate opens waits, in order; after it, results pass straight through.
 * FX thread only, apart from the work itself.
 */
final class StartGate implements TaskExecutor {
    private final TaskExecutor executor;
    private List<Runnable> held = new ArrayList<>();
    /** Whether a result (or a failure) has been handed back yet. */
    private boolean delivered;
    /** Runs once the first result has been handed back ({@link #afterFirstResult}). */
    private Runnable afterFirst;

    StartGate(TaskExecutor executor) {
        this.executor = executor;
    }

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        executor.run(
                name,
                work,
                result -> hold(() -> {
                    onSuccess.accept(result);
                    firstDelivered();
                }),
                e -> hold(() -> {
                    firstDelivered();
                    onFailure.accept(e);
                }));
    }

    /**
     * Runs {@code action} once the first result handed back through this gate has been handled: after its success
     * handler, or before its failure handler (which may show a dialog and wait); at once if that happened already.
     */
    void afterFirstResult(Runnable action) {
        if (delivered) {
            action.run();
        } else {
            afterFirst = action;
        }
    }

    private void firstDelivered() {
        delivered = true;
        Runnable action = afterFirst;
        afterFirst = null;
        if (action != null) {
            action.run();
        }
    }

    private void hold(Runnable r) {
        if (held == null) {
            r.run();
        } else {
            held.add(r);
        }
    }

    /** Hands back what was held, in order, and lets every later result through at once. */
    void open() {
        List<Runnable> now = held;
        held = null;
        if (now != null) {
            now.forEach(Runnable::run);
        }
    }

    boolean isOpen() {
        return held == null;
    }
}
