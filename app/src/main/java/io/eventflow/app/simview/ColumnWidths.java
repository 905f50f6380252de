package io.eventflow.app.simview;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

/**
 * Sizes table columns to their content: each column is as wide as its header and the widest value seen so far (the
 * cell text is measured once per distinct value), so that nothing is cut while the user can still resize it.
 */
final class ColumnWidths {
    private static final double CELL_PADDING = 22;
    private static final Text PROBE = new Text();
    private static final double MAX_AUTO_WIDTH = 600;

    private final Set<String> seen = new HashSet<>();

    ColumnWidths() {}

    /** Sets each column's width to fit its header and a typical value (one per column, in order). */
    static void fit(TableView<?> table, String... typical) {
        for (int i = 0; i < table.getColumns().size(); i++) {
            TableColumn<?, ?> c = table.getColumns().get(i);
            String sample = i < typical.length ? typical[i] : "";
            c.setPrefWidth(Math.max(width(c.getText()), width(sample)) + CELL_PADDING);
        }
    }

    /** Widens a column for a value wider than it (each distinct value is measured once). */
    void grow(TableColumn<?, ?> c, String text) {
        if (text != null && !text.isEmpty() && seen.add(c.getText() + "\u0000" + text)) {
            double w = width(text) + CELL_PADDING;
            if (w > c.getPrefWidth() && w < MAX_AUTO_WIDTH) {
                c.setPrefWidth(w);
            }
        }
    }

    /** Widens the columns of {@code table} for its rows (a short table, such as a traced path). */
    static <T> void grow(TableView<T> table, List<? extends T> rows) {
        ColumnWidths w = new ColumnWidths();
        for (T row : rows) {
            for (TableColumn<T, ?> c : table.getColumns()) {
                var v = c.getCellObservableValue(row);
                w.grow(c, v == null || v.getValue() == null ? "" : v.getValue().toString());
            }
        }
    }

    private static double width(String text) {
        PROBE.setText(text);
        return PROBE.getLayoutBounds().getWidth();
    }
}
