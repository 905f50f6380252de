package io.eventflow.app.gui;

import io.eventflow.app.shell.MainWindow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** The main window builds its palette, inspector and dock right after its first frame (issue #7): tests wait for it. */
final class Panels {
    private Panels() {}

    /** Waits for the FX queue until the window's panels are built. */
    static void await(MainWindow window) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return WaitForAsyncUtils.asyncFx(window::panelsBuilt).get();
        });
    }
}
