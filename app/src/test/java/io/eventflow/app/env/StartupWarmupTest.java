package io.eventflow.app.env;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eventflow.app.shell.ActionId;
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
}
