package io.eventflow.live.calibration;

import java.time.Duration;
import java.util.List;

/**
 * One case of the calibration suite: a small design and scenario (resources beside this class, {@code ID.eventflow.yaml}
 * and {@code ID.scenario.yaml}) whose outcome does not depend on timing luck, and the figures compared.
 *
 * @param id the case's name on the command line ({@code --cases})
 * @param title what it shows, one line
 * @param broker the design's broker the case needs (its id), for {@code --brokers} and the skip reason
 * @param drain how long the live run may drain after publishing stops
 * @param quick whether the short form of the suite ({@code --quick}, the live module's tests) runs it
 */
public record CalibrationCase(
        String id, String title, String broker, Duration drain, boolean quick, List<Figure> figures) {
    public CalibrationCase {
        figures = List.copyOf(figures);
    }

    public String designResource() {
        return id + ".eventflow.yaml";
    }

    public String scenarioResource() {
        return id + ".scenario.yaml";
    }
}
