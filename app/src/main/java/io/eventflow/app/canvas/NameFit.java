package io.eventflow.app.canvas;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Measures element names in the canvas's name font (bold system font, as studio.css draws {@code .element .name}) and
 * breaks a name that is too wide for one line at a word boundary (after '-', '_', '.', or before a capital).
 */
final class NameFit {
    /** The full view's name size (studio.css {@code .element .name}). */
    static final double NAME_PX = 13;

    private static final Text PROBE = new Text();

    private NameFit() {}

    /** The width of {@code text} in the bold name font of {@code px} pixels. */
    static double width(String text, double px) {
        PROBE.setFont(Font.font("System", FontWeight.BOLD, px));
        PROBE.setText(text);
        return PROBE.getLayoutBounds().getWidth();
    }

    /** The width of the widest line of {@code text}. */
    static double widestLine(String text, double px) {
        double w = 0;
        for (String line : text.split("\n", -1)) {
            w = Math.max(w, width(line, px));
        }
        return w;
    }

    /**
     * The name as it fits a line of {@code room} pixels: itself when it fits, else two lines split at the word boundary
     * that makes the longer line shortest (still too long lines are ellipsized by the label).
     */
    static String lines(String name, double px, double room) {
        if (name.isEmpty() || width(name, px) <= room) {
            return name;
        }
        int best = -1;
        double bestW = Double.MAX_VALUE;
        for (int i = 1; i < name.length(); i++) {
            char prev = name.charAt(i - 1);
            char c = name.charAt(i);
            boolean boundary = prev == '-'
                    || prev == '_'
                    || prev == '.'
                    || (Character.isUpperCase(c) && Character.isLowerCase(prev));
            if (boundary) {
                double w = Math.max(width(name.substring(0, i), px), width(name.substring(i), px));
                if (w < bestW) {
                    bestW = w;
                    best = i;
                }
            }
        }
        return best < 0 ? name : name.substring(0, best) + "\n" + name.substring(best);
    }
}
