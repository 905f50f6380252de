package io.eventflow.app.shell;

import io.eventflow.app.env.AppDirs;
import io.eventflow.app.env.Version;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Help → About: what is running (product, Java, JavaFX) and where its files are (logs, settings). */
final class AboutDialog {
    private AboutDialog() {}

    /** The lines the dialog shows, label and value; also used by tests. */
    static String[][] facts() {
        return new String[][] {
            {"Version", Version.version()},
            {"Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"},
            {"JavaFX", System.getProperty("javafx.runtime.version", Version.javafxBuildVersion())},
            {"Log folder", AppDirs.logDir().toString()},
            {"Settings", AppDirs.configDir().toString()},
        };
    }

    static void show(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("About EventFlow Studio");
        alert.setHeaderText("EventFlow Studio " + Version.version()
                + "\nDesign, check, document and simulate event-driven systems.");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        String[][] facts = facts();
        for (int i = 0; i < facts.length; i++) {
            Label label = new Label(facts[i][0]);
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.add(label, 0, i);
            // Read-only fields, so paths and versions can be selected and copied into a bug report.
            TextField value = new TextField(facts[i][1]);
            value.setEditable(false);
            value.setPrefColumnCount(36);
            value.setId(
                    "about-" + facts[i][0].toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            grid.add(value, 1, i);
        }
        alert.getDialogPane().setContent(grid);
        alert.showAndWait();
    }
}
