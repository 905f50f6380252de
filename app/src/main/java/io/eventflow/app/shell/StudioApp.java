package io.eventflow.app.shell;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** Minimal shell: shows the elements of the design given on the command line, or of the bundled sample. */
public final class StudioApp extends Application {
    static final String SAMPLE = "/assets/samples/order-pipeline.eventflow.yaml";

    public static void launchGui(String[] args) {
        Application.launch(StudioApp.class, args);
    }

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        Design design;
        String where;
        if (args.isEmpty()) {
            try (InputStream in = StudioApp.class.getResourceAsStream(SAMPLE)) {
                design = DesignFiles.parse(
                                "order-pipeline.eventflow.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .design();
            }
            where = "sample: order-pipeline.eventflow.yaml";
        } else {
            Path path = Path.of(args.get(0)).toAbsolutePath();
            design = load(path);
            where = path.toString();
        }
        VBox box = new VBox(4);
        design.services().forEach(s -> box.getChildren().add(new Label("service " + s.id())));
        design.channels()
                .forEach(c -> box.getChildren().add(new Label("channel " + c.id() + " " + c.effectiveAddress())));
        stage.setTitle(design.name() + " — " + where + " — EventFlow Studio");
        stage.setScene(new Scene(box, 800, 600));
        stage.show();
    }

    private static Design load(Path path) throws IOException {
        try {
            return DesignFiles.open(path);
        } catch (InputException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
