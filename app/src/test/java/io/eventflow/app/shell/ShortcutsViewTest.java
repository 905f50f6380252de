package io.eventflow.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

/** Help → Keyboard shortcuts lists every shortcut defined in ActionId, and no combination does two things. */
class ShortcutsViewTest {
    @Test
    void everyActionShortcutIsListed() {
        String all = ShortcutsView.rows().toString();
        int withKey = 0;
        for (ActionId id : ActionId.values()) {
            if (id.key() != null) {
                withKey++;
                assertThat(all).as(id.name()).contains(id.key().getDisplayText());
            }
        }
        assertThat(withKey).isGreaterThanOrEqualTo(20);
        // Actions with the same label share a row: "Redo" lists both of its keys.
        assertThat(ShortcutsView.rows())
                .filteredOn(r -> r.action().equals("Redo"))
                .singleElement()
                .satisfies(r -> assertThat(r.keys()).contains(", "));
        assertThat(all).contains("F5").contains("F1");
    }

    @Test
    void noTwoActionsShareAKey() {
        Set<KeyCombination> seen = new HashSet<>();
        for (ActionId id : ActionId.values()) {
            if (id.key() != null) {
                assertThat(seen.add(id.key())).as(id.name() + " " + id.key()).isTrue();
            }
        }
    }
}
