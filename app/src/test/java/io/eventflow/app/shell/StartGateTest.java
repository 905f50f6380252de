package io.eventflow.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartGateTest {
    @Test
    void workRunsAtOnceButResultsWaitForTheGateInOrder() {
        List<String> seen = new ArrayList<>();
        StartGate gate = new StartGate(TaskExecutor.sameThread());
        gate.run(
                "read",
                () -> {
                    seen.add("worked");
                    return "design";
                },
                r -> seen.add("shown " + r),
                e -> seen.add("failed"));
        gate.run(
                "bad",
                () -> {
                    throw new java.io.IOException("unreadable");
                },
                r -> seen.add("shown " + r),
                e -> seen.add("failed " + e.getMessage()));
        assertThat(seen).containsExactly("worked");
        gate.open();
        assertThat(seen).containsExactly("worked", "shown design", "failed unreadable");
        gate.run("later", () -> "next", r -> seen.add("shown " + r), e -> seen.add("failed"));
        assertThat(seen).endsWith("shown next");
        assertThat(gate.isOpen()).isTrue();
    }

    @Test
    void afterTheFirstResultRunsAfterItsSuccessHandlerOnce() {
        List<String> seen = new ArrayList<>();
        StartGate gate = new StartGate(TaskExecutor.sameThread());
        gate.run("read", () -> "design", r -> seen.add("shown " + r), e -> seen.add("failed"));
        gate.open();
        gate.afterFirstResult(() -> seen.add("panels"));
        assertThat(seen).containsExactly("shown design", "panels"); // delivered already: at once
        gate.run("again", () -> "other", r -> seen.add("shown " + r), e -> seen.add("failed"));
        assertThat(seen).containsExactly("shown design", "panels", "shown other");
    }

    @Test
    void afterTheFirstResultWaitsForAResultStillBeingRead() {
        List<String> seen = new ArrayList<>();
        List<Runnable> pending = new ArrayList<>();
        // Work that finishes later, when the test says so, as a slow read does.
        TaskExecutor later = new TaskExecutor() {
            @Override
            public <T> void run(
                    String name,
                    java.util.concurrent.Callable<T> work,
                    java.util.function.Consumer<T> ok,
                    java.util.function.Consumer<Exception> fail) {
                pending.add(() -> TaskExecutor.sameThread().run(name, work, ok, fail));
            }
        };
        StartGate gate = new StartGate(later);
        gate.run("read", () -> "design", r -> seen.add("shown " + r), e -> seen.add("failed"));
        gate.open();
        gate.afterFirstResult(() -> seen.add("panels"));
        assertThat(seen).isEmpty();
        pending.forEach(Runnable::run);
        assertThat(seen).containsExactly("shown design", "panels");
    }

    @Test
    void afterTheFirstResultComesBeforeAFailureIsHandled() {
        List<String> seen = new ArrayList<>();
        StartGate gate = new StartGate(TaskExecutor.sameThread());
        gate.afterFirstResult(() -> seen.add("panels"));
        gate.run(
                "bad",
                () -> {
                    throw new java.io.IOException("unreadable");
                },
                r -> seen.add("shown " + r),
                e -> seen.add("error dialog: " + e.getMessage()));
        gate.open();
        assertThat(seen).containsExactly("panels", "error dialog: unreadable");
    }
}
