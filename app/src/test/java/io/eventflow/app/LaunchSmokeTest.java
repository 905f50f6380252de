package io.eventflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the real app in its own JVM from {@link Launcher#main}, the entry point of the jar and of the README's
 * launch command, under headless Monocle, and checks that its window shows the bundled sample design.
 */
class LaunchSmokeTest {
    @Test
    void appStartsWithTheSampleDesignShown() throws Exception {
        List<String> out = launch();
        assertThat(out).anyMatch(l -> l.startsWith("SMOKE-WINDOW-TITLE: ") && l.contains("Order pipeline"));
        // Elements of the sample design are drawn: services and channels by name (at fit zoom the far view shows
        // names only; addresses and other details come with the near view).
        assertThat(out).anyMatch(l -> l.contains("checkout"));
        assertThat(out).anyMatch(l -> l.contains("invoices"));
        assertThat(out).anyMatch(l -> l.contains("billing"));
    }

    @Test
    void appOpensADesignGivenOnTheCommandLine() throws Exception {
        Path design = TestPaths.repo().resolve("assets/samples/order-pipeline.eventflow.yaml");
        List<String> out = launch(design.toString());
        assertThat(out).anyMatch(l -> l.startsWith("SMOKE-WINDOW-TITLE: ") && l.contains("order-pipeline"));
    }

    private static List<String> launch(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless",
                "-Dprism.order=sw",
                "-Deventflow.datadir=" + Path.of("target", "smoke-data").toAbsolutePath(),
                "-Deventflow.configdir=" + Path.of("target", "smoke-config").toAbsolutePath(),
                SmokeMain.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] bytes;
        boolean done;
        try (var in = p.getInputStream()) {
            bytes = in.readAllBytes();
            done = p.waitFor(90, TimeUnit.SECONDS);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(done).as("app exited").isTrue();
        assertThat(p.exitValue()).as("exit code; output:\n" + text).isZero();
        return text.lines().toList();
    }
}
