package io.eventflow.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.env.AppDirs;
import io.eventflow.app.env.Version;
import org.junit.jupiter.api.Test;

class AboutDialogTest {
    @Test
    void showsVersionsAndWhereTheLogsAre() {
        String[][] facts = AboutDialog.facts();
        assertThat(java.util.Arrays.stream(facts).map(f -> f[0]))
                .containsExactly("Version", "Java", "JavaFX", "Log folder", "Settings");
        assertThat(facts[0][1]).isEqualTo(Version.version()).isNotEqualTo("unknown");
        assertThat(facts[1][1]).startsWith(System.getProperty("java.version"));
        assertThat(facts[2][1]).startsWith("21");
        assertThat(facts[3][1]).isEqualTo(AppDirs.logDir().toString());
    }
}
