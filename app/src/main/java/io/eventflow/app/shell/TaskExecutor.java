package io.eventflow.app.shell;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs I/O off the FX thread and hands the result back on it. Tests use {@link #sameThread()}. */
public interface TaskExecutor {
    <T> void run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure);

    /** Runs work right away on the calling thread. */
    static TaskExecutor sameThread() {
        return new TaskExecutor() {
            @Override
            public <T> void run(String name, Callable<T> work, Consumer<T> ok, Consumer<Exception> fail) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    fail.accept(e);
                    return;
                }
                ok.accept(result);
            }
        };
    }

    /** Runs work as a JavaFX {@code Task} on a daemon thread. */
    static TaskExecutor background() {
        return new TaskExecutor() {
            @Override
            public <T> void run(String name, Callable<T> work, Consumer<T> ok, Consumer<Exception> fail) {
                javafx.concurrent.Task<T> task = new javafx.concurrent.Task<>() {
                    @Override
                    protected T call() throws Exception {
                        return work.call();
                    }
                };
                task.setOnSucceeded(e -> ok.accept(task.getValue()));
                task.setOnFailed(e -> fail.accept(
                        task.getException() instanceof Exception ex ? ex : new RuntimeException(task.getException())));
                Thread t = new Thread(task, name);
                t.setDaemon(true);
                t.start();
            }
        };
    }
}
