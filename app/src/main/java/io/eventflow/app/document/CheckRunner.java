package io.eventflow.app.document;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs the deferred checks of a {@link DocumentViewModel} (those that read payload schemas): {@code work} off the FX
 * thread, then {@code done} with its result, or {@code failed} with the exception it threw, on the FX thread.
 */
@FunctionalInterface
public interface CheckRunner {
    void run(Callable<SchemaProblems> work, Consumer<SchemaProblems> done, Consumer<Exception> failed);

    /** Runs the checks at once, on the calling thread. */
    CheckRunner SAME_THREAD = (work, done, failed) -> {
        SchemaProblems result;
        try {
            result = work.call();
        } catch (Exception e) {
            failed.accept(e);
            return;
        }
        done.accept(result);
    };
}
