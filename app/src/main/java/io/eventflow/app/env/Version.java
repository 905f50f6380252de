package io.eventflow.app.env;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product version, from the build. */
public final class Version {
    private static final Properties PROPS = load();

    private Version() {}

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/io/eventflow/app/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Falls back to "unknown" below.
        }
        return p;
    }

    public static String version() {
        return PROPS.getProperty("version", "unknown");
    }

    /** The JavaFX version the app was built against. */
    public static String javafxBuildVersion() {
        return PROPS.getProperty("javafx", "unknown");
    }
}
