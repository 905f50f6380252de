package io.eventflow.app.inspector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * A property form: label, field and an inline message under the field. Text fields check as the user types and commit
 * on Enter or when focus leaves; choices and check boxes commit at once.
 */
public final class Form extends GridPane {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final Map<String, Control> fields = new LinkedHashMap<>();
    private int row;

    public Form() {
        getStyleClass().add("inspector-form");
        setHgap(8);
        setVgap(2);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(96);
        c0.setPrefWidth(110);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        c1.setFillWidth(true);
        getColumnConstraints().addAll(c0, c1);
    }

    public void section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("form-section");
        add(l, 0, row++, 2, 1);
    }

    /** A text field; {@code parser} turns text into a value (blank: null) or throws with a message. */
    public <T> TextField text(
            String label, Object value, Function<String, ? extends T> parser, Consumer<? super T> commit) {
        return text(label, value, null, parser, commit);
    }

    /**
     * A text field whose blank value means a default derived from something else (an address from the channel id, a
     * group from the service id): the default shows as a placeholder and is never copied into the design.
     */
    public <T> TextField text(
            String label,
            Object value,
            String placeholder,
            Function<String, ? extends T> parser,
            Consumer<? super T> commit) {
        TextField f = new TextField(Parsers.show(value));
        if (placeholder != null) {
            f.setPromptText(placeholder);
        }
        f.setId("field-" + key(label));
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setId("error-" + key(label));
        error.setManaged(false);
        error.setVisible(false);
        String initial = f.getText();
        f.textProperty().addListener((o, a, text) -> {
            String msg = Parsers.error(parser, text);
            f.pseudoClassStateChanged(INVALID, msg != null);
            error.setText(msg == null ? "" : msg);
            error.setVisible(msg != null);
            error.setManaged(msg != null);
        });
        Runnable apply = () -> {
            if (!f.getText().equals(initial) && Parsers.error(parser, f.getText()) == null) {
                commit.accept(Parsers.parse(parser, f.getText()));
            }
        };
        f.setOnAction(e -> apply.run());
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                apply.run();
            }
        });
        addRow(label, f);
        add(error, 1, row++);
        return f;
    }

    /** A choice among enum values, with an empty "default" entry. */
    public <E> ComboBox<E> choice(String label, E[] values, E current, Consumer<E> commit) {
        ComboBox<E> box = new ComboBox<>();
        box.setId("field-" + key(label));
        box.getItems().add(null);
        box.getItems().addAll(values);
        box.setValue(current);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPromptText("default");
        box.setOnAction(e -> {
            if (box.getValue() != current) {
                commit.accept(box.getValue());
            }
        });
        addRow(label, box);
        return box;
    }

    /**
     * A reference to another element (a broker, channel or message type): a searchable list of their ids (ControlsFX
     * {@link org.controlsfx.control.SearchableComboBox}: type to filter a long list), with "(none)" to clear it.
     */
    public ComboBox<String> reference(String label, String[] ids, String current, Consumer<String> commit) {
        org.controlsfx.control.SearchableComboBox<String> box = new org.controlsfx.control.SearchableComboBox<>();
        box.setId("field-" + key(label));
        box.getItems().add(NONE);
        box.getItems().addAll(ids);
        box.setValue(current);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPromptText("none");
        box.setOnAction(e -> {
            String v = box.getValue() == null || box.getValue().equals(NONE) ? null : box.getValue();
            if (!java.util.Objects.equals(v, current)) {
                commit.accept(v);
            }
        });
        addRow(label, box);
        return box;
    }

    /** The entry of {@link #reference} lists that clears the reference. */
    static final String NONE = "(none)";

    public CheckBox check(String label, Boolean value, Consumer<Boolean> commit) {
        CheckBox c = checkBox("", key(label), value, commit);
        addRow(label, c);
        return c;
    }

    /**
     * A check box with its own text, for one of several options under one label ({@code label} blank on the rows after
     * the first); its id is {@code field-} and the key.
     */
    public CheckBox option(String label, String key, String text, Boolean value, Consumer<Boolean> commit) {
        CheckBox c = checkBox(text, key(key), value, commit);
        addRow(label, key(key), c);
        return c;
    }

    /** A check box with id {@code field-key} that commits TRUE when checked and null when not. */
    private static CheckBox checkBox(String text, String key, Boolean value, Consumer<Boolean> commit) {
        CheckBox c = new CheckBox(text);
        c.setId("field-" + key);
        c.setSelected(Boolean.TRUE.equals(value));
        c.setOnAction(e -> commit.accept(c.isSelected() ? Boolean.TRUE : null));
        return c;
    }

    /** A read-only value. */
    public void info(String label, String value) {
        Label v = new Label(value);
        v.getStyleClass().add("form-info");
        v.setWrapText(true);
        Label l = new Label(label);
        l.getStyleClass().add("form-label");
        add(l, 0, row);
        add(v, 1, row++);
    }

    public void link(String text, Runnable action) {
        Hyperlink h = new Hyperlink(text);
        h.setOnAction(e -> action.run());
        add(h, 0, row++, 2, 1);
    }

    /** A node over both columns. */
    public void wide(Node node) {
        GridPane.setHgrow(node, Priority.ALWAYS);
        add(node, 0, row++, 2, 1);
    }

    private void addRow(String label, Control field) {
        field.setTooltip(new Tooltip(label));
        addRow(label, key(label), field);
    }

    /** A labelled row without a tooltip; {@code key} finds the field for {@link #focus}. */
    private void addRow(String label, String key, Control field) {
        Label l = new Label(label);
        l.getStyleClass().add("form-label");
        l.setLabelFor(field);
        field.setMaxWidth(Double.MAX_VALUE);
        fields.put(key, field);
        add(l, 0, row);
        add(field, 1, row++);
    }

    /** The key of the field that has focus, if any. */
    public String focusedKey() {
        return fields.entrySet().stream()
                .filter(e -> e.getValue().isFocused())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    public void focus(String key) {
        Control c = fields.get(key);
        if (c != null) {
            c.requestFocus();
        }
    }

    static String key(String label) {
        return label.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
