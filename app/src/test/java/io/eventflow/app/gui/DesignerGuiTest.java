package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.shell.ActionId;
import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Service;
import io.eventflow.model.io.DesignFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real designer with plain mouse and key events, as a user would. */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class DesignerGuiTest {
    @TempDir
    Path tmp;

    private MainWindow window;
    private ScriptedDialogs dialogs;

    @Start
    void start(Stage stage) throws Exception {
        dialogs = new ScriptedDialogs();
        window = GuiWindows.open(stage, dialogs);
    }

    @BeforeEach
    void awaitPanels() throws TimeoutException {
        Panels.await(window);
    }

    private Design design() {
        return window.document().getDesign();
    }

    /** A point on the canvas, in screen coordinates, at (x, y) from its top-left corner. */
    private Point2D onCanvas(double x, double y) {
        Bounds b = window.canvas().localToScreen(window.canvas().getLayoutBounds());
        return new Point2D(b.getMinX() + x, b.getMinY() + y);
    }

    private void paletteDrag(FxRobot robot, String item, double x, double y) {
        robot.drag("#palette-" + item, MouseButton.PRIMARY)
                .moveTo(onCanvas(x, y))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void portDrag(FxRobot robot, String from, String to) {
        Node port = Find.in(robot, from, ".out-port");
        robot.drag(port, MouseButton.PRIMARY).moveTo(Find.skin(robot, to)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void buildEditUndoSaveReopen(FxRobot robot) throws Exception {
        robot.clickOn(Find.action(robot, ActionId.NEW));
        assertThat(design().elementIds()).isEmpty();

        paletteDrag(robot, "producer", 140, 120);
        paletteDrag(robot, "kafka-topic", 440, 120);
        paletteDrag(robot, "consumer", 740, 120);
        assertThat(design().elementIds()).containsExactlyInAnyOrder("kafka", "topic", "producer", "consumer");

        portDrag(robot, "producer", "topic");
        portDrag(robot, "topic", "consumer");
        Service producer = design().service("producer").orElseThrow();
        assertThat(producer.publishes()).extracting(p -> p.channel()).containsExactly("topic");
        assertThat(producer.role()).isEqualTo(Service.Role.PRODUCER);
        assertThat(design().service("consumer").orElseThrow().subscribes())
                .extracting(s -> s.channel())
                .containsExactly("topic");
        assertThat(robot.lookup(".edge").queryAll()).hasSize(2);

        // Edit a property in the inspector: invalid text is flagged and not applied, valid text is.
        robot.clickOn(Find.skin(robot, "producer"));
        robot.doubleClickOn("#field-instances").write("many").type(KeyCode.ENTER);
        assertThat(robot.lookup("#error-instances").queryAs(Label.class).getText())
                .contains("not a whole number");
        assertThat(design().service("producer").orElseThrow().instances()).isNull();
        robot.doubleClickOn("#field-instances").eraseText(4).write("3").type(KeyCode.ENTER);
        assertThat(design().service("producer").orElseThrow().instances()).isEqualTo(3);
        assertThat(window.document().titleProperty().get()).startsWith("●");

        // Undo and redo from the keyboard, with the canvas focused.
        robot.clickOn(window.canvas(), MouseButton.PRIMARY);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(design().service("producer").orElseThrow().instances()).isNull();
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        assertThat(design().service("producer").orElseThrow().instances()).isEqualTo(3);

        // Save, then reopen and compare.
        Path file = tmp.resolve("built.eventflow.yaml");
        dialogs.saveAnswer(file);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        assertThat(file).exists();
        assertThat(window.document().isDirty()).isFalse();
        Design saved = design();
        robot.clickOn(Find.action(robot, ActionId.NEW));
        assertThat(design().elementIds()).isEmpty();
        dialogs.openAnswer(file);
        robot.clickOn(Find.action(robot, ActionId.OPEN));
        assertThat(design()).isEqualTo(saved);
        assertThat(DesignFiles.open(file)).isEqualTo(saved);
        assertThat(window.document().pathProperty().get()).isEqualTo(file);
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void moveIsOneUndoStepAndDeleteRemovesEdges(FxRobot robot) {
        // The sample design is open.
        assertThat(design().service("checkout")).isPresent();
        robot.clickOn(Find.action(robot, ActionId.FIT));
        var before = design().layout().get("checkout");
        robot.drag(Find.skin(robot, "checkout"), MouseButton.PRIMARY)
                .moveBy(30, 10)
                .moveBy(30, 50)
                .release(MouseButton.PRIMARY);
        var after = design().layout().get("checkout");
        assertThat(after).isNotEqualTo(before);
        assertThat(window.document().document().history().undoSize()).isEqualTo(1);

        robot.clickOn(Find.skin(robot, "orders"));
        robot.type(KeyCode.DELETE);
        assertThat(design().channel("orders")).isEmpty();
        assertThat(design().service("checkout").orElseThrow().publishes()).isEmpty();
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(design().channel("orders")).isPresent();
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(design().layout().get("checkout")).isEqualTo(before);
    }

    @Test
    void panAndZoomMoveTheDiagramAsOneBitmapOnlyDuringTheGesture(FxRobot robot) throws Exception {
        var canvas = window.canvas();
        var vm = canvas.viewModel();
        robot.clickOn(Find.action(robot, ActionId.FIT));
        double panX = vm.panXProperty().get();
        double panY = vm.panYProperty().get();
        robot.moveTo(onCanvas(20, 20)).press(MouseButton.MIDDLE).moveBy(60, 10).moveBy(20, 20);
        assertThat(canvas.isViewChanging()).isTrue();
        robot.release(MouseButton.MIDDLE);
        assertThat(canvas.isViewChanging()).isFalse();
        assertThat(vm.panXProperty().get()).isCloseTo(panX + 80, org.assertj.core.data.Offset.offset(1.0));
        assertThat(vm.panYProperty().get()).isCloseTo(panY + 30, org.assertj.core.data.Offset.offset(1.0));
        // Elements are still where the pointer finds them: click selects, the edges are still there.
        robot.clickOn(Find.skin(robot, "orders"));
        assertThat(window.document().getSelection()).containsExactly("orders");
        assertThat(robot.lookup(".edge").queryAll()).isNotEmpty();

        double zoom = vm.zoomProperty().get();
        robot.moveTo(onCanvas(200, 200))
                .press(KeyCode.CONTROL)
                .scroll(2, javafx.geometry.VerticalDirection.UP)
                .release(KeyCode.CONTROL);
        assertThat(vm.zoomProperty().get()).isNotEqualTo(zoom);
        // the zoom settles shortly after the last wheel step (read on the FX thread, which ends it)
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                        () -> !canvas.isViewChanging())
                .get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> canvas.isViewChanging())
                        .get(10, java.util.concurrent.TimeUnit.SECONDS))
                .isFalse();
    }

    @Test
    void previewExportImportLaidOutWithoutOverlap(FxRobot robot) throws Exception {
        robot.clickOn("#tab-asyncapi");
        String preview = robot.lookup("#asyncapi-text")
                .queryAs(javafx.scene.control.TextArea.class)
                .getText();
        assertThat(preview).contains("asyncapi: 3.0.0").contains("orders.placed.v1");

        // The preview follows edits.
        robot.clickOn(Find.skin(robot, "orders"));
        robot.doubleClickOn("#field-address")
                .eraseText(20)
                .write("orders.created.v2")
                .type(KeyCode.ENTER);
        // the preview refreshes a moment after the edit (a debounce): wait for it on the FX thread
        javafx.scene.control.TextArea previewArea =
                robot.lookup("#asyncapi-text").queryAs(javafx.scene.control.TextArea.class);
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                            () -> previewArea.getText().contains("orders.created.v2"))
                    .get());
        } catch (java.util.concurrent.TimeoutException e) {
            // the assertion below shows what the preview says instead
        }
        WaitForAsyncUtils.waitForFxEvents();
        preview = WaitForAsyncUtils.asyncFx(() -> previewArea.getText()).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(preview).contains("orders.created.v2");

        // Export from the menu, then import the export as a new design.
        Path spec = tmp.resolve("shop.asyncapi.yaml");
        dialogs.fileAnswer(spec);
        robot.clickOn("File").clickOn("Export").clickOn("AsyncAPI 3.0 (YAML)…");
        assertThat(Files.readString(spec)).isEqualTo(preview);
        // The other exports, as the menu items call them (TestFX finds stale menu popups on a second visit).
        Path html = tmp.resolve("shop.html");
        dialogs.fileAnswer(html);
        robot.interact(() -> window.exports().exportHtml());
        assertThat(Files.readString(html)).contains("<html").contains("orders.created.v2");
        Path svg = tmp.resolve("shop.svg");
        dialogs.fileAnswer(svg);
        robot.interact(() -> window.exports().exportSvg());
        assertThat(Files.readString(svg)).contains("<svg").contains("orders");
        Path png = tmp.resolve("shop.png");
        dialogs.fileAnswer(png);
        robot.interact(window::exportPng);
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(1000);

        dialogs.fileAnswer(spec);
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.errors()).isEmpty();
        assertThat(design().service("billing")).isPresent();
        assertThat(design().channels()).extracting(c -> c.address()).contains("orders.created.v2");
        var skins = robot.lookup(".element").queryAll().stream()
                .filter(n -> !n.getStyleClass().contains("broker"))
                .map(n -> n.getBoundsInParent())
                .toList();
        assertThat(skins).hasSizeGreaterThanOrEqualTo(9);
        for (int i = 0; i < skins.size(); i++) {
            for (int j = i + 1; j < skins.size(); j++) {
                assertThat(skins.get(i).intersects(skins.get(j)))
                        .as("skins %s and %s overlap", skins.get(i), skins.get(j))
                        .isFalse();
            }
        }
    }

    @Test
    void messageEditorChecksSchemaShowsFieldsAndExample(FxRobot robot) {
        robot.clickOn("#message-OrderPlaced");
        var fields = robot.lookup("#schema-fields").queryTableView();
        assertThat(fields.getItems()).hasSizeGreaterThanOrEqualTo(5);
        String example = robot.lookup("#schema-example")
                .queryAs(javafx.scene.control.TextArea.class)
                .getText();
        assertThat(example).contains("\"orderId\"").contains("\"currency\" : \"EUR\"");

        var text = robot.lookup("#schema-text").queryAs(javafx.scene.control.TextArea.class);
        robot.interact(() -> text.setText("{\n  \"type\": \"object\",\n  \"properties\": {\n}"));
        assertThat(robot.lookup(".schema-status").queryAs(Label.class).getText())
                .startsWith("Line 4");
        assertThat(robot.lookup("#schema-apply").queryButton().isDisabled()).isTrue();

        robot.interact(() -> text.setText("{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}"));
        robot.clickOn("#schema-apply");
        assertThat(design().message("OrderPlaced")
                        .orElseThrow()
                        .payload()
                        .path("properties")
                        .has("id"))
                .isTrue();
        robot.clickOn(window.canvas(), MouseButton.PRIMARY);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(design().message("OrderPlaced")
                        .orElseThrow()
                        .payload()
                        .path("properties")
                        .has("orderId"))
                .isTrue();
    }

    @Test
    void inspectorEditsHeadersSchemaAndRequestReply(FxRobot robot) {
        robot.clickOn("#message-OrderPlaced");
        var headers = robot.lookup("#headers-text").queryAs(javafx.scene.control.TextArea.class);
        robot.interact(() -> headers.setText("{\"type\": \"object\","));
        assertThat(robot.lookup(".headers-status").queryAs(Label.class).getText())
                .startsWith("Line");
        var apply = robot.lookup("#headers-apply").queryButton();
        assertThat(apply.isDisabled()).isTrue();
        robot.interact(() -> headers.setText("{\"type\": \"object\", \"properties\": {\"traceId\": {}}}"));
        robot.interact(apply::fire);
        assertThat(design().message("OrderPlaced")
                        .orElseThrow()
                        .headers()
                        .path("properties")
                        .has("traceId"))
                .isTrue();

        robot.clickOn(window.canvas(), MouseButton.PRIMARY);
        robot.interact(() -> window.document().getSelection().add("billing"));
        javafx.scene.control.Hyperlink add = robot.lookup(".hyperlink")
                .match((javafx.scene.control.Hyperlink h) -> h.getText().startsWith("Add a request"))
                .query();
        robot.interact(add::fire);
        assertThat(design().service("billing").orElseThrow().requests()).hasSize(1);
        var timeout = robot.lookup("#field-request-1-timeout").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> timeout.setText("soon"));
        assertThat(timeout.getPseudoClassStates().toString()).contains("invalid");
        robot.interact(() -> {
            timeout.setText("2s");
            timeout.fireEvent(new javafx.event.ActionEvent());
        });
        assertThat(design().service("billing").orElseThrow().requests().get(0).timeout())
                .hasToString("2s");
        assertThat(window.document().document().history().undoSize()).isEqualTo(3);
    }

    @Test
    void lintSettingsOpenInPlaceAndEditTheDesign(FxRobot robot) {
        robot.clickOn(Find.action(robot, ActionId.NEW));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#field-ef005").tryQuery()).isEmpty();
        robot.clickOn("#lint-settings-open");
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn("#field-expected-downtime").write("2h").type(KeyCode.ENTER);
        assertThat(design().lint().expectedDowntime()).hasToString("2h");
        // A design that customises lint shows its settings at once.
        assertThat(robot.lookup("#field-ef005").tryQuery()).isPresent();
    }
}
