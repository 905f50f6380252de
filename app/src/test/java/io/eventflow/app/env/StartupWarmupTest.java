package io.eventflow.app.env;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eventflow.app.shell.ActionId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.Ikon;

class StartupWarmupTest {
    @Test
    void everyIconSetItNamesExists() {
        for (char c : StartupWarmup.ICON_SETS.toCharArray()) {
            assertDoesNotThrow(
                    () -> Class.forName("org.kordamp.ikonli.materialdesign2.MaterialDesign" + c), "icon set " + c);
        }
    }

    @Test
    void itWarmsTheIconSetsOfTheMenusAndToolbar() {
        for (ActionId a : ActionId.values()) {
            Ikon icon = a.icon();
            if (icon != null) {
                String set = icon.getClass().getSimpleName();
                assertTrue(
                        set.startsWith("MaterialDesign")
                                && StartupWarmup.ICON_SETS.indexOf(set.charAt(set.length() - 1)) >= 0,
                        a + " uses " + set + ", which the start-up warm-up does not prepare");
            }
        }
    }

    /**
     * The classes the warm-up loads ahead of the FX thread are a list written by a start of the app
     * (installers/startup-classes.sh). Renamed or removed classes are skipped at run time, but a list that has drifted
     * far from the code loads little ahead: this fails then, so that it is written again.
     */
    @Test
    void theClassesItLoadsAheadStillExist() throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = StartupWarmup.class.getResourceAsStream(StartupWarmup.CLASSES)) {
            assertTrue(in != null, "no " + StartupWarmup.CLASSES + " beside StartupWarmup");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
        }
        assertTrue(names.size() > 500, "only " + names.size() + " classes listed");
        assertTrue(names.contains("io.eventflow.app.shell.MainWindow"), "the main window is not listed");
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            try {
                Class.forName(name, false, StartupWarmup.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add(name);
            }
        }
        assertTrue(
                missing.size() * 20 <= names.size(),
                missing.size() + " of " + names.size() + " listed classes no longer exist ("
                        + missing.subList(0, Math.min(5, missing.size()))
                        + "...): write the list again with installers/startup-classes.sh");
    }
}
