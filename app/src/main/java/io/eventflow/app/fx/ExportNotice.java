package io.eventflow.app.fx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;
import org.tinylog.Logger;

/**
 * The confirmation after an export: a notification in the window's corner saying what was written where, with "Open
 * folder" (ControlsFX {@link Notifications}: it does not block the work the way a dialog would).
 */
public final class ExportNotice {
    private ExportNotice() {}

    /** Shows that {@code file} was written; does nothing without a window to show it in. */
    public static void show(Window owner, String what, Path file) {
        if (owner == null || !owner.isShowing()) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        Notifications.create()
                .owner(owner)
                .title(what + " exported")
                .text(file.getFileName() + "\nin " + dir)
                .hideAfter(Duration.seconds(8))
                .action(new Action("Open folder", e -> openFolder(dir)))
                .showInformation();
    }

    /** The command that shows a folder in the system's file manager, for {@code os.name}. */
    static List<String> openFolderCommand(String osName, Path dir) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return List.of("explorer.exe", dir.toString());
        } else if (os.contains("mac")) {
            return List.of("open", dir.toString());
        }
        return List.of("xdg-open", dir.toString());
    }

    /** Opens the folder in the file manager, off the FX thread; a failure is logged, never thrown. */
    public static void openFolder(Path dir) {
        List<String> cmd = openFolderCommand(System.getProperty("os.name", ""), dir);
        Thread t = new Thread(
                () -> {
                    try {
                        new ProcessBuilder(cmd).inheritIO().start();
                    } catch (IOException e) {
                        Logger.warn(e, "cannot open the folder {} with {}", dir, cmd);
                    }
                },
                "open-folder");
        t.setDaemon(true);
        t.start();
    }
}
