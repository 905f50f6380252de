package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.canvas.DesignCanvas;
import io.eventflow.app.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The diagram is readable at a glance (issue #15): zoom to fit fills the canvas and keeps fitting when the window
 * changes size until the user zooms by hand; at fit zoom on a 1366x768 window every sample's names are at least 11 px
 * high on screen (the far view draws names only, larger; details come back when zoomed in).
 */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class ReadableDiagramGuiTest {
    private static final Path SAMPLES =
            Path.of(System.getProperty("eventflow.repo", "..")).toAbsolutePath().resolve("assets/samples");

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = GuiWindows.open(stage);
        stage.setWidth(1366);
        stage.setHeight(768);
    }

    @BeforeEach
    void awaitPanels() throws Exception {
        Panels.await(window);
    }

    private DesignCanvas canvas() {
        return window.canvas();
    }

    private void open(FxRobot robot, Path file) {
        robot.interact(() -> window.files().openPath(file));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().applyCss());
    }

    /** The larger of the diagram's width and height on screen over the canvas's: 1 when it touches two sides. */
    private double fill() {
        String[] parts = canvas().fillRatio().split(" ");
        return Math.max(Double.parseDouble(parts[1]), Double.parseDouble(parts[3]));
    }

    private double zoom() {
        return canvas().viewModel().zoomProperty().get();
    }

    @Test
    void anOpenedDesignIsFittedBeforeItsSkinsJoinTheScene(FxRobot robot) {
        // Its skins are made out of the scene and the design fitted (and switched to the far or near view) before they
        // join it, so JavaFX matches each against the stylesheets once (issue #15). Fitted only afterwards, as the
        // window's own fit after an open is, the whole diagram was styled again when the fit switched its view.
        double before = zoom();
        double[] atOpen = new double[1];
        boolean[] inScene = new boolean[1];
        robot.interact(() -> {
            window.files().openPath(SAMPLES.resolve("iot-telemetry.eventflow.yaml")); // read and shown in this call
            atOpen[0] = zoom();
            inScene[0] = Find.skin(robot, "edge-gateway").getScene() != null;
        });
        assertThat(inScene[0]).isTrue();
        assertThat(atOpen[0]).as("fitted during the open").isNotEqualTo(before);
        robot.interact(() -> canvas().fitToView());
        // styled, the edges' strokes are a little wider than before: the same fit within 1%
        assertThat(zoom())
                .as("the window's fit after the open")
                .isCloseTo(atOpen[0], org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void revealingAnElementInViewLeavesTheViewAloneAndCentresOneOutOfIt(FxRobot robot) {
        // the sample at fit zoom: every element is in view, so selecting one from Problems or the Diff tab must not
        // pan the fitted diagram (it used to centre the element and push the far end of the diagram off the canvas)
        var vm = canvas().viewModel();
        assertThat(vm.fittingProperty().get()).isTrue();
        double panX = vm.panXProperty().get();
        double panY = vm.panYProperty().get();
        robot.interact(() -> canvas().reveal("shipments"));
        assertThat(vm.panXProperty().get()).isEqualTo(panX);
        assertThat(vm.panYProperty().get()).isEqualTo(panY);
        assertThat(vm.fittingProperty().get()).isTrue();
        assertThat(window.document().getSelection()).containsExactly("shipments");
        // zoomed in and panned away from it: revealing centres it
        robot.interact(() -> {
            vm.fittingProperty().set(false);
            vm.zoomProperty().set(2.0);
            vm.panXProperty().set(5000);
            vm.panYProperty().set(5000);
            canvas().reveal("shipments");
        });
        assertThat(vm.panXProperty().get()).isNotEqualTo(5000.0);
        assertThat(vm.panYProperty().get()).isNotEqualTo(5000.0);
    }

    @Test
    void everySampleFitsFillsAndHasLegibleNamesAt1366x768(FxRobot robot) throws Exception {
        List<Path> samples;
        try (Stream<Path> s = Files.list(SAMPLES)) {
            samples = s.filter(p -> p.toString().endsWith(".eventflow.yaml"))
                    .sorted()
                    .toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(7);
        assertThat(stage.getWidth()).isEqualTo(1366);
        for (Path sample : samples) {
            open(robot, sample);
            String what = String.format(
                    Locale.ROOT, "%s at zoom %.3f, fill %s", sample.getFileName(), zoom(), canvas().fillRatio());
            // A 16 px margin on each side of an 845 px wide canvas leaves 96 %.
            assertThat(fill()).as(what).isGreaterThan(0.93);
            assertThat(canvas().smallestNamePx()).as(what).isGreaterThanOrEqualTo(11);
        }
    }

    @Test
    void fitFollowsTheWindowUntilTheUserZooms(FxRobot robot) {
        open(robot, SAMPLES.resolve("order-pipeline.eventflow.yaml"));
        double wide = zoom();
        assertThat(fill()).isGreaterThan(0.93);
        robot.interact(() -> stage.setWidth(1024));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(zoom()).as("refitted to the narrower window").isLessThan(wide);
        assertThat(fill()).isGreaterThan(0.93);
        robot.interact(() -> canvas().viewModel().zoomAt(1.2, 100, 100));
        double byHand = zoom();
        robot.interact(() -> stage.setWidth(1366));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(zoom()).as("a zoom by hand is kept").isEqualTo(byHand);
        robot.interact(() -> canvas().fitToView());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fill()).isGreaterThan(0.93);
        assertThat(canvas().viewModel().fittingProperty().get()).isTrue();
    }

    @Test
    void farViewShowsNamesOnlyAndDetailsReturnWhenZoomedIn(FxRobot robot) {
        open(robot, SAMPLES.resolve("order-pipeline.eventflow.yaml"));
        var billing = Find.skin(robot, "billing");
        assertThat(billing.isFar()).isTrue();
        // not only hidden: out of the scene graph, so that they cost no styling while the far view is shown
        assertThat(robot.from(billing).lookup(".detail").tryQuery()).isEmpty();
        assertThat(robot.from(billing).lookup(".kind-icon").tryQuery()).isEmpty();
        assertThat(robot.lookup(".edge-label").tryQuery()).isEmpty();
        robot.interact(() -> canvas().viewModel().zoomProperty().set(1.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(billing.isFar()).isFalse();
        assertThat(robot.from(billing).lookup(".detail").query().isManaged()).isTrue();
        assertThat(robot.from(billing).lookup(".kind-icon").tryQuery()).isPresent();
        assertThat(robot.lookup(".edge-label").tryQuery()).isPresent();
        assertThat(billing.nameLabel().getText()).isEqualTo("billing");
    }

    /**
     * An element's tooltip (its whole name, title and address or description) shows when the pointer is over its
     * name, which covers most of the box at fit zoom: before, it was on the box's background only, under the name.
     */
    @Test
    void hoveringAnElementsNameShowsItsTooltip(FxRobot robot) throws java.util.concurrent.TimeoutException {
        open(robot, SAMPLES.resolve("order-pipeline.eventflow.yaml"));
        var invoices = Find.skin(robot, "invoices");
        robot.moveTo(invoices.nameLabel()).moveBy(1, 1);
        // the windows are listed on the FX thread, which opens and closes the tooltip
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                        () -> javafx.stage.Window.getWindows().stream()
                                .anyMatch(w -> w instanceof javafx.scene.control.Tooltip t
                                        && t.isShowing()
                                        && t.getText().startsWith("invoices\n")))
                .get());
        robot.moveBy(0, 400);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                        () -> javafx.stage.Window.getWindows().stream()
                                .noneMatch(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing()))
                .get());
    }
}
