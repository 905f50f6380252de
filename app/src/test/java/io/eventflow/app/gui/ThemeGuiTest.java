package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.fx.Theme;
import io.eventflow.app.shell.ActionId;
import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The theme reaches what is drawn on canvases (the simulation overlay's tokens, the canvas background) through the
 * looked-up colours of colors-light.css and colors-dark.css, and the "Dark theme" menu item shows the theme in use:
 * at start-up with a saved dark theme, after the menu item and after the toolbar button.
 */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class ThemeGuiTest {
    /** -eda-token in colors-light.css and colors-dark.css. */
    private static final Color LIGHT_TOKEN = Color.web("#2f6fde");

    private static final Color DARK_TOKEN = Color.web("#4493f8");
    /** -eda-canvas in colors-light.css and colors-dark.css. */
    private static final Color LIGHT_CANVAS = Color.web("#f6f8fa");

    private static final Color DARK_CANVAS = Color.web("#0d1117");

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("home");
        // the window layout saved by the last session says dark
        Files.writeString(home.resolve("window.properties"), "theme=dark\n");
        window = GuiWindows.open(stage, new ScriptedDialogs(), home, null);
    }

    @BeforeEach
    void awaitPanels() throws TimeoutException {
        Panels.await(window);
    }

    @AfterEach
    void stop() throws Exception {
        // on the FX thread: the frame timer reads the session being closed
        WaitForAsyncUtils.asyncFx(() -> window.simulate().dispose()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void tokenColoursAndTheMenuItemFollowTheTheme(FxRobot robot) {
        robot.clickOn("#mode-simulate");
        WaitForAsyncUtils.waitForFxEvents();
        applyCss(robot);
        assertThat(window.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(darkItem(robot).isSelected()).as("checked at start-up").isTrue();
        assertThat(window.simulate().overlay().normalTokenColour()).isEqualTo(DARK_TOKEN);
        assertThat(canvasColour(robot)).isEqualTo(DARK_CANVAS);

        robot.clickOn("View").clickOn("Dark theme");
        WaitForAsyncUtils.waitForFxEvents();
        applyCss(robot);
        assertThat(window.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(darkItem(robot).isSelected()).isFalse();
        assertThat(window.simulate().overlay().normalTokenColour()).isEqualTo(LIGHT_TOKEN);
        assertThat(canvasColour(robot)).isEqualTo(LIGHT_CANVAS);

        // the toolbar button switches too, and the menu item follows it
        robot.clickOn(Find.action(robot, ActionId.TOGGLE_THEME));
        WaitForAsyncUtils.waitForFxEvents();
        applyCss(robot);
        assertThat(window.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(darkItem(robot).isSelected()).isTrue();
        assertThat(window.simulate().overlay().normalTokenColour()).isEqualTo(DARK_TOKEN);
    }

    /**
     * The launcher's warm-up thread loads the saved theme's stylesheet while the toolkit starts
     * (Theme.preloadUserAgentStylesheet). One that comes after the FX thread has applied a theme does nothing: the
     * style manager would restyle the window from the wrong thread (the FX thread has loaded the stylesheet itself).
     */
    @Test
    void aThemePreloadedAfterOneIsAppliedChangesNothing(FxRobot robot) throws Exception {
        Color dark = labelColour(robot);
        var preloaded = new java.util.concurrent.atomic.AtomicBoolean(true);
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        Thread t = new Thread(() -> preloaded.set(Theme.LIGHT.preloadUserAgentStylesheet()), "preload");
        t.setUncaughtExceptionHandler((th, e) -> failure.set(e));
        t.start();
        t.join(10_000);
        assertThat(failure.get()).isNull();
        assertThat(preloaded).as("too late: the window applied its theme").isFalse();
        assertThat(labelColour(robot)).isEqualTo(dark);
        assertThat(window.themeProperty().get()).isEqualTo(Theme.DARK);
    }

    /** The text colour of a label in a new scene styled by the user-agent stylesheet alone. */
    private static Color labelColour(FxRobot robot) {
        var colour = new java.util.concurrent.atomic.AtomicReference<Color>();
        robot.interact(() -> {
            javafx.scene.control.Label label = new javafx.scene.control.Label("text");
            new javafx.scene.Scene(new javafx.scene.layout.StackPane(label));
            label.applyCss();
            colour.set((Color) label.getTextFill());
        });
        return colour.get();
    }

    /** Styles the window now, on the FX thread: colours are read before the next pulse's CSS pass otherwise. */
    private void applyCss(FxRobot robot) {
        robot.interact(() -> window.canvas().getScene().getRoot().applyCss());
    }

    private static CheckMenuItem darkItem(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> "menu-dark-theme".equals(i.getId()))
                .map(CheckMenuItem.class::cast)
                .findFirst()
                .orElseThrow();
    }

    private static Color canvasColour(FxRobot robot) {
        Region canvas = robot.lookup(".design-canvas").queryAs(Region.class);
        return (Color) canvas.getBackground().getFills().get(0).getFill();
    }
}
