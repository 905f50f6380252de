package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.shell.ActionId;
import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import io.eventflow.model.design.Design;
import io.eventflow.model.diff.Change;
import io.eventflow.model.edit.DesignChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Compare with saved version / with file: the Diff tab lists the changes and marks them on the canvas. */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class DiffPanelGuiTest {
    private static final Path SAMPLE = Path.of(System.getProperty("eventflow.repo", ".."))
            .toAbsolutePath()
            .resolve("assets/samples/order-pipeline.eventflow.yaml");

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

    private void edit(String what, java.util.function.UnaryOperator<Design> change) {
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> window.document().execute(DesignChange.of(what, change)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private TableView<Change> table(FxRobot robot) {
        return robot.lookup("#diff-changes").queryAs(TableView.class);
    }

    @Test
    void comparesWithTheSavedVersionMarksTheCanvasAndClearsOnClose(FxRobot robot) throws Exception {
        Path file = tmp.resolve("orders.eventflow.yaml");
        Files.copy(SAMPLE, file);
        robot.interact(() -> window.files().openPath(file));
        WaitForAsyncUtils.waitForFxEvents();
        // A breaking change (the address consumers use) and a harmless one (a title).
        edit(
                "move orders",
                d -> d.withChannels(d.channels().stream()
                        .map(c -> c.id().equals("orders") ? c.withAddress("orders.placed.v2") : c)
                        .toList()));
        edit(
                "retitle",
                d -> d.withChannels(d.channels().stream()
                        .map(c -> c.id().equals("orders-dlq") ? c.withTitle("Dead orders") : c)
                        .toList()));

        robot.interact(() -> window.run(ActionId.COMPARE_SAVED));
        WaitForAsyncUtils.waitForFxEvents();

        TabPane dock = robot.lookup(".tab-pane").queryAs(TabPane.class);
        Tab tab = dock.getTabs().stream()
                .filter(t -> "tab-diff".equals(t.getId()))
                .findFirst()
                .orElseThrow();
        assertThat(dock.getSelectionModel().getSelectedItem()).isSameAs(tab);
        TableView<Change> table = table(robot);
        assertThat(table.getItems())
                .extracting(Change::id)
                .containsExactly("channel-address-changed:orders", "doc-changed:orders-dlq:title");
        assertThat(robot.lookup("#diff-summary")
                        .queryAs(javafx.scene.control.Label.class)
                        .getText())
                .isEqualTo("2 changes from the saved version, 1 breaking.");
        // The dock grew to show the rows, not only the column headers (about 70 px at the dock's default share). It is
        // laid out at the next pulse, which a loaded machine may hold back past waitForFxEvents (height 0 seen once).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getHeight() > 150);
        assertThat(table.getHeight()).isGreaterThan(150);
        assertThat(window.canvas().diffMark("orders")).isTrue();
        assertThat(window.canvas().diffMark("orders-dlq")).isFalse();
        assertThat(window.canvas().diffMark("billing")).isNull();
        assertThat(Find.skin(robot, "orders").getPseudoClassStates())
                .extracting(Object::toString)
                .contains("diff-breaking");

        // Clicking a change selects its element.
        robot.interact(() -> window.document().getSelection().clear());
        robot.interact(() -> table.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.document().getSelection()).containsExactly("orders-dlq");

        // Edits keep the panel current: undoing the move leaves only the title.
        robot.interact(() -> window.document().undo());
        robot.interact(() -> window.document().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).isEmpty();
        assertThat(window.canvas().diffMark("orders")).isNull();
        robot.interact(() -> window.document().redo());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.canvas().diffMark("orders")).isTrue();

        // Closing the tab clears the canvas.
        robot.interact(() -> {
            dock.getTabs().remove(tab);
            tab.getOnClosed().handle(null);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.canvas().diffMark("orders")).isNull();
    }

    @Test
    void comparesWithAChosenFileAndReportsAnUnreadableOne(FxRobot robot) throws Exception {
        robot.interact(() -> window.files().openPath(SAMPLE));
        WaitForAsyncUtils.waitForFxEvents();
        Path older = tmp.resolve("older.eventflow.yaml");
        // The older version also required 'currency': the open design no longer does.
        Files.writeString(
                older,
                Files.readString(SAMPLE)
                        .replace(
                                "required: [orderId, customerId, total]",
                                "required: [orderId, customerId, total, currency]"));
        dialogs.fileAnswer(older);
        robot.interact(() -> window.run(ActionId.COMPARE_FILE));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getItems())
                .extracting(Change::id)
                .containsExactly("schema-required-removed:OrderPlaced:/properties/currency");
        // OrderPlaced is not drawn: the channel carrying it is marked (not breaking under BACKWARD).
        assertThat(window.canvas().diffMark("orders")).isFalse();

        Path broken = tmp.resolve("broken.eventflow.yaml");
        Files.writeString(broken, "eventflow: 1\nchannels: [{id: c, partitions: many}]\n");
        dialogs.fileAnswer(broken);
        robot.interact(() -> window.run(ActionId.COMPARE_FILE));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.errors()).anySatisfy(e -> assertThat(e)
                .startsWith("Could not compare with broken.eventflow.yaml")
                .contains("broken.eventflow.yaml:2:"));
    }
}
