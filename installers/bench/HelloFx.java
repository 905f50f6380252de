import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The smallest JavaFX window: the baseline for the cold-start benchmark. */
public class HelloFx extends Application {
    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("HelloFx baseline");
        stage.setScene(new Scene(new Label("Hello"), 400, 300));
        stage.show();
    }
}

/** Main class that does not extend Application, as JavaFX on the class path requires (the app does the same). */
class HelloFxLauncher {
    public static void main(String[] args) {
        Application.launch(HelloFx.class, args);
    }
}
