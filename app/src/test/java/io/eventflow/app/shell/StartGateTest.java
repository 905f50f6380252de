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
}
