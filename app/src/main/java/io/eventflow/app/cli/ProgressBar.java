package io.eventflow.app.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on stderr: runs done, runs per second and time left, redrawn at most 10 times a second. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private int lastLength;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** After each run; {@code total} is -1 when it is not known in advance (a minimise search). */
    void update(long done, long total) {
        long now = System.nanoTime();
        if (now - lastDrawn < 100_000_000L && done != total) {
            return;
        }
        lastDrawn = now;
        String line = line(done, total, (now - started) / 1e9);
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    /** Removes the bar, so that what follows starts on a clean line. */
    void clear() {
        if (lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            lastLength = 0;
        }
    }

    /** The bar's text after {@code seconds} of wall time. */
    static String line(long done, long total, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        if (total <= 0) {
            return String.format(Locale.ROOT, "%,d runs  %.1f runs/s  %s", done, rate, clock(seconds));
        }
        int filled = (int) (WIDTH * done / total);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String left = rate > 0 ? clock((total - done) / rate) + " left" : "--:-- left";
        return String.format(Locale.ROOT, "[%s] %,d/%,d runs  %.1f runs/s  %s", bar, done, total, rate, left);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
