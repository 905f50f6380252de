package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.canvas.BrokerSkin;
import io.eventflow.app.canvas.ElementSkin;
import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.simview.SimSession;
import io.eventflow.app.simview.SimulationRunner;
import io.eventflow.app.simview.TokenOverlay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The simulation overlay's badges on the order pipeline: one stack per element, none on another or on a node. */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class SimulationOverlayBadgesGuiTest {
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = GuiWindows.open(stage);
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

    private SimSession session() {
        return window.simulate().session();
    }

    @Test
    void badgesOverlapNeitherOneAnotherNorOtherElements(FxRobot robot) throws Exception {
        robot.clickOn("#mode-simulate");
        WaitForAsyncUtils.waitForFxEvents();
        runUntil(robot, "3s", 3_000_000_000L);
        // a broker node crash: its state and the partitions' new leaders join the badges
        robot.rightClickOn(robot.point(Find.skin(robot, "kafka"))
                .atPosition(javafx.geometry.Pos.TOP_LEFT)
                .atOffset(new javafx.geometry.Point2D(40, 10)));
        robot.clickOn("Crash node 0 (restart after 10s)");
        runUntil(robot, "4s", 4_000_000_000L);
        settle();
        assertNoOverlap(robot, "fitted");
        // closer and further: the badges keep their size while the elements scale, so they crowd differently
        for (double zoom : new double[] {0.5, 1.0, 1.5}) {
            robot.interact(() -> window.canvas().viewModel().zoomProperty().set(zoom));
            settle();
            assertNoOverlap(robot, "zoom " + zoom);
        }
    }

    private void runUntil(FxRobot robot, String time, long nanos) throws Exception {
        robot.doubleClickOn("#sim-until").eraseText(12).write(time).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> session().runner().state() == SimulationRunner.State.PAUSED
                        && session().runner().snapshot().time() >= nanos);
    }

    private static void settle() {
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertNoOverlap(FxRobot robot, String view) throws Exception {
        TokenOverlay overlay = window.simulate().overlay();
        List<TokenOverlay.Badge> badges =
                WaitForAsyncUtils.asyncFx(overlay::badges).get(5, TimeUnit.SECONDS);
        // the order pipeline has a Kafka broker region with channels inside it: the channel's depth, its leader moves
        // and the region's node state are all shown (depth and node state overlapped before)
        assertThat(badges).anySatisfy(b -> assertThat(b.text()).startsWith("depth "));
        assertThat(badges).anySatisfy(b -> assertThat(b.text()).isEqualTo("node 0 down"));
        assertThat(badges).anySatisfy(b -> assertThat(b.text()).contains("leader"));

        for (int i = 0; i < badges.size(); i++) {
            TokenOverlay.Badge a = badges.get(i);
            Bounds ab = scene(overlay, a);
            for (int j = i + 1; j < badges.size(); j++) {
                TokenOverlay.Badge b = badges.get(j);
                assertThat(overlaps(ab, scene(overlay, b)))
                        .as(
                                view + ": %s '%s' %s vs %s '%s' %s",
                                a.element(),
                                a.text(),
                                ab,
                                b.element(),
                                b.text(),
                                scene(overlay, b))
                        .isFalse();
            }
        }

        List<ElementSkin> skins =
                robot.lookup(".element").queryAllAs(ElementSkin.class).stream().toList();
        Map<String, Bounds> skinBounds = new HashMap<>();
        for (ElementSkin s : skins) {
            skinBounds.put(s.elementId(), s.localToScene(s.getLayoutBounds()));
        }
        assertThat(skinBounds).isNotEmpty();
        for (TokenOverlay.Badge b : badges) {
            Bounds bb = scene(overlay, b);
            Bounds own = skinBounds.get(b.element());
            for (ElementSkin s : skins) {
                if (s.elementId().equals(b.element())) {
                    continue;
                }
                Bounds sb = skinBounds.get(s.elementId());
                if (s instanceof BrokerSkin && own != null && sb.contains(own)) {
                    // a channel inside a broker region: only the region's title line is in the way (24 world units)
                    double z = sb.getHeight() / s.getLayoutBounds().getHeight();
                    sb = new BoundingBox(sb.getMinX(), sb.getMinY(), sb.getWidth(), 24 * z);
                }
                assertThat(overlaps(bb, sb))
                        .as(view + ": %s '%s' %s on %s %s", b.element(), b.text(), bb, s.elementId(), sb)
                        .isFalse();
            }
        }
    }

    private static Bounds scene(TokenOverlay overlay, TokenOverlay.Badge b) {
        var r = b.bounds();
        return overlay.localToScene(new BoundingBox(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight()));
    }

    /** Interiors intersect (touching edges do not count). */
    private static boolean overlaps(Bounds a, Bounds b) {
        return a.getMinX() < b.getMaxX()
                && b.getMinX() < a.getMaxX()
                && a.getMinY() < b.getMaxY()
                && b.getMinY() < a.getMaxY();
    }
}
