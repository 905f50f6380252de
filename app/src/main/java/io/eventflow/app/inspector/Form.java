package io.eventflow.app.inspector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
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
import javafx.util.Subscription;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * A property form: label, field and an inline message under the field. Text fields check as the user types and commit
 * on Enter or when focus leaves; choices and check boxes commit at once.
 *
 * <p>A form is long-lived: the inspector keeps one per kind of subject and binds it to each subject it shows. {@link
 * #rebind} releases the last subject's listeners (each registered as a {@link Subscription}); the row calls that
 * follow reuse the rows of the last subject in order (same kind of row, same label) and only build the rows that
 * differ; {@link #end} drops the rows left over. Invalid input is decorated on the field with its message (ControlsFX
 * validation, one {@link ValidationSupport} per field; the decorations live in the inspector's own decoration pane).
 */
public final class Form extends GridPane {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    /** One row: what made it (its type and key), its nodes, and for a text field what it is bound to. */
    private static final class Row {
        final String type;
        final String key;
        final List<Node> nodes = new ArrayList<>();
        final int height;
        Control field;
        Label label;
        Label error;
        Node wide;
        /** The parser of the subject a text field is bound to (its validation uses it). */
        Function<String, ?> parser;
        /** The reference ids a reference field is bound to, for its "unknown reference" check. */
        List<String> ids = List.of();
        /** What commits a text field's pending edit. */
        Runnable apply;
        /** A text field's warning about its value (an id that names nothing), or null; it does not block the edit. */
        Function<String, String> warning;
        /** The field's validation. */
        ValidationSupport support;

        Row(String type, String key, int height) {
            this.type = type;
            this.key = key;
            this.height = height;
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private final List<Subscription> bound = new ArrayList<>();
    /** The index of the next row to bind, and its grid row. */
    private int next;

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

    /**
     * Starts binding the form to another subject: the last subject's listeners are released; the row calls that follow
     * reuse this form's rows in order.
     */
    public void rebind() {
        bound.forEach(Subscription::unsubscribe);
        bound.clear();
        fields.clear();
        next = 0;
        row = 0;
    }

    /** Ends binding: drops the rows the subject did not use. Rows added later (on demand) go after the last. */
    public void end() {
        truncate(next);
    }

    /**
     * Commits the edit pending in the focused text field (typed, valid, not yet committed), as leaving the field
     * would; before the form is bound to another subject, so that a selection change loses no typing.
     */
    public void flush() {
        for (Row r : rows) {
            if (r.apply != null && r.field.isFocused()) {
                r.apply.run();
            }
        }
    }

    /** How many listeners the form holds for its subject (released by {@link #rebind}). */
    int listeners() {
        return bound.size();
    }

    /** The row of this type and key at the current position, reused; else null (and the rows from here dropped). */
    private Row reuse(String type, String key) {
        if (next < rows.size()) {
            Row r = rows.get(next);
            if (r.type.equals(type) && Objects.equals(r.key, key)) {
                next++;
                row += r.height;
                return r;
            }
            truncate(next);
        }
        return null;
    }

    private Row row(String type, String key, Supplier<Row> build) {
        Row r = reuse(type, key);
        if (r == null) {
            r = build.get();
            rows.add(r);
            next++;
            row += r.height;
        }
        return r;
    }

    private void truncate(int from) {
        while (rows.size() > from) {
            getChildren().removeAll(rows.remove(rows.size() - 1).nodes);
        }
    }

    private void place(Row r, Node n, int column, int span) {
        add(n, column, row, span, 1);
        r.nodes.add(n);
    }

    private Subscription onAction(Node n, EventHandler<ActionEvent> h) {
        n.addEventHandler(ActionEvent.ACTION, h);
        return () -> n.removeEventHandler(ActionEvent.ACTION, h);
    }

    public void section(String title) {
        Row r = row("section", null, () -> {
            Row x = new Row("section", null, 1);
            Label l = new Label();
            l.getStyleClass().add("form-section");
            x.label = l;
            place(x, l, 0, 2);
            return x;
        });
        r.label.setText(title);
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
        String key = key(label);
        Row r = row("text", key, () -> textRow(label, key));
        TextField f = (TextField) r.field;
        Label error = r.error;
        // The subject's parser first: the field's validation checks the new text with it.
        r.parser = parser;
        r.warning = null;
        f.setText(Parsers.show(value));
        f.setPromptText(placeholder);
        showError(f, error, null);
        String[] committed = {f.getText()};
        r.apply = () -> {
            String text = f.getText();
            if (!text.equals(committed[0]) && Parsers.error(parser, text) == null) {
                committed[0] = text;
                commit.accept(Parsers.parse(parser, text));
            }
        };
        Runnable apply = r.apply;
        bound.add(f.textProperty().subscribe((a, text) -> showError(f, error, Parsers.error(parser, text))));
        bound.add(onAction(f, e -> apply.run()));
        bound.add(f.focusedProperty().subscribe((was, now) -> {
            if (!now) {
                apply.run();
            }
        }));
        fields.put(key, f);
        return f;
    }

    private Row textRow(String label, String key) {
        Row r = new Row("text", key, 2);
        TextField f = new TextField();
        f.setId("field-" + key);
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setId("error-" + key);
        error.setManaged(false);
        error.setVisible(false);
        r.field = f;
        r.error = error;
        labelled(r, label, f, true);
        wholeValueTip(f, label);
        add(error, 1, row + 1);
        r.nodes.add(error);
        r.support = decorate(f, (c, value) -> {
            String text = value == null ? "" : (String) value;
            String msg = r.parser == null ? null : Parsers.error(r.parser, text);
            if (msg != null) {
                return ValidationResult.fromError(c, msg);
            }
            String warning = r.warning == null ? null : r.warning.apply(text);
            return ValidationResult.fromWarningIf(c, warning == null ? "" : warning, warning != null);
        });
        return r;
    }

    /**
     * Marks the ids in a text field of id lists that name none of {@code known} with a warning (ControlsFX), e.g. a
     * message type that is not in the design: "unknown message type 'X'". The value is still applied (the validator
     * lists the dangling reference under Problems).
     */
    public void warnUnknown(TextField field, java.util.Collection<String> known, String what) {
        java.util.Set<String> ids = java.util.Set.copyOf(known);
        for (Row r : rows) {
            if (r.field == field) {
                Function<String, ?> parser = r.parser;
                r.warning = text -> {
                    if (Parsers.error(parser, text) != null
                            || !(Parsers.parse(parser, text) instanceof List<?> values)) {
                        return null;
                    }
                    List<String> unknown = values.stream()
                            .map(String::valueOf)
                            .filter(v -> !ids.contains(v))
                            .toList();
                    return unknown.isEmpty()
                            ? null
                            : "unknown " + what + " "
                                    + String.join(
                                            ", ",
                                            unknown.stream()
                                                    .map(v -> "'" + v + "'")
                                                    .toList()) + ": not in the design";
                };
                r.support.revalidate(field);
            }
        }
    }

    /** Shows a field's problem under it (or hides it: null). */
    private static void showError(TextField f, Label error, String msg) {
        f.pseudoClassStateChanged(INVALID, msg != null);
        error.setText(msg == null ? "" : msg);
        error.setVisible(msg != null);
        error.setManaged(msg != null);
    }

    /**
     * Decorates the field with the problem {@code check} finds in its value (ControlsFX: an error mark at the field's
     * corner with the message as its tooltip), re-checked whenever the value changes.
     */
    private static ValidationSupport decorate(Control c, org.controlsfx.validation.Validator<Object> check) {
        ValidationSupport support = new ValidationSupport();
        support.setValidationDecorator(new GraphicValidationDecoration());
        support.registerValidator(c, false, check);
        return support;
    }

    /** A choice among enum values, with an empty "default" entry. */
    @SuppressWarnings("unchecked")
    public <E> ComboBox<E> choice(String label, E[] values, E current, Consumer<E> commit) {
        String key = key(label);
        Row r = row("choice", key, () -> {
            Row x = new Row("choice", key, 1);
            ComboBox<E> box = new ComboBox<>();
            box.setId("field-" + key);
            box.setMaxWidth(Double.MAX_VALUE);
            x.field = box;
            labelled(x, label, box, true);
            return x;
        });
        ComboBox<E> box = (ComboBox<E>) r.field;
        List<E> items = new ArrayList<>();
        items.add(null);
        items.addAll(List.of(values));
        if (!box.getItems().equals(items)) {
            box.getItems().setAll(items);
        }
        box.setValue(current);
        box.setPromptText("default");
        bound.add(onAction(box, e -> {
            if (box.getValue() != current) {
                commit.accept(box.getValue());
            }
        }));
        fields.put(key, box);
        return box;
    }

    /**
     * A reference to another element (a broker, channel or message type): a searchable list of their ids (ControlsFX
     * {@link org.controlsfx.control.SearchableComboBox}: type to filter a long list), with "(none)" to clear it. A
     * current value that names no such element is decorated as an unknown reference.
     */
    @SuppressWarnings("unchecked")
    public ComboBox<String> reference(String label, String[] ids, String current, Consumer<String> commit) {
        String key = key(label);
        Row r = row("reference", key, () -> {
            Row x = new Row("reference", key, 1);
            org.controlsfx.control.SearchableComboBox<String> box = new org.controlsfx.control.SearchableComboBox<>();
            box.setId("field-" + key);
            box.setMaxWidth(Double.MAX_VALUE);
            box.setPromptText("none");
            x.field = box;
            labelled(x, label, box, true);
            decorate(box, (c, v) -> {
                boolean unknown = v != null && !NONE.equals(v) && !x.ids.contains(v);
                return ValidationResult.fromErrorIf(
                        c, "unknown reference: no element '" + v + "' to refer to here", unknown);
            });
            return x;
        });
        ComboBox<String> box = (ComboBox<String>) r.field;
        r.ids = List.of(ids);
        List<String> items = new ArrayList<>();
        items.add(NONE);
        items.addAll(r.ids);
        if (!box.getItems().equals(items)) {
            box.getItems().setAll(items);
        }
        box.setValue(current);
        bound.add(onAction(box, e -> {
            String v = box.getValue() == null || box.getValue().equals(NONE) ? null : box.getValue();
            if (!Objects.equals(v, current)) {
                commit.accept(v);
            }
        }));
        fields.put(key, box);
        return box;
    }

    /** The entry of {@link #reference} lists that clears the reference. */
    static final String NONE = "(none)";

    public CheckBox check(String label, Boolean value, Consumer<Boolean> commit) {
        String key = key(label);
        Row r = row("check", key, () -> {
            Row x = new Row("check", key, 1);
            CheckBox c = new CheckBox("");
            c.setId("field-" + key);
            x.field = c;
            labelled(x, label, c, true);
            return x;
        });
        return bindCheck(r, key, value, commit);
    }

    /**
     * A check box with its own text, for one of several options under one label ({@code label} blank on the rows after
     * the first); its id is {@code field-} and the key.
     */
    public CheckBox option(String label, String key, String text, Boolean value, Consumer<Boolean> commit) {
        String k = key(key);
        Row r = row("option", k, () -> {
            Row x = new Row("option", k, 1);
            CheckBox c = new CheckBox();
            c.setId("field-" + k);
            x.field = c;
            labelled(x, label, c, false);
            return x;
        });
        r.label.setText(label);
        ((CheckBox) r.field).setText(text);
        return bindCheck(r, k, value, commit);
    }

    /** Binds a check box that commits TRUE when checked and null when not. */
    private CheckBox bindCheck(Row r, String key, Boolean value, Consumer<Boolean> commit) {
        CheckBox c = (CheckBox) r.field;
        c.setSelected(Boolean.TRUE.equals(value));
        bound.add(onAction(c, e -> commit.accept(c.isSelected() ? Boolean.TRUE : null)));
        fields.put(key, c);
        return c;
    }

    /** A read-only value. */
    public void info(String label, String value) {
        String key = key(label);
        Row r = row("info", key, () -> {
            Row x = new Row("info", key, 1);
            Label v = new Label();
            v.getStyleClass().add("form-info");
            v.setWrapText(true);
            Label l = new Label();
            l.getStyleClass().add("form-label");
            x.label = l;
            x.error = v;
            place(x, l, 0, 1);
            place(x, v, 1, 1);
            return x;
        });
        r.label.setText(label);
        r.error.setText(value);
    }

    public void link(String text, Runnable action) {
        Row r = row("link", null, () -> {
            Row x = new Row("link", null, 1);
            Hyperlink h = new Hyperlink();
            x.field = h;
            place(x, h, 0, 2);
            return x;
        });
        Hyperlink h = (Hyperlink) r.field;
        h.setText(text);
        bound.add(onAction(h, e -> action.run()));
    }

    /** A node over both columns (a new node each time the form is bound: it replaces the last one in its row). */
    public void wide(Node node) {
        Row r = row("wide", null, () -> new Row("wide", null, 1));
        if (r.wide != node) {
            if (r.wide != null) {
                getChildren().remove(r.wide);
                r.nodes.remove(r.wide);
            }
            GridPane.setHgrow(node, Priority.ALWAYS);
            add(node, 0, row - 1, 2, 1);
            r.nodes.add(node);
            r.wide = node;
        }
    }

    /** A labelled row; with {@code tip}, the field's tooltip is its label. {@code key} finds the field for focus. */
    private void labelled(Row r, String label, Control field, boolean tip) {
        if (tip) {
            field.setTooltip(new Tooltip(label));
        }
        Label l = new Label(label);
        l.getStyleClass().add("form-label");
        l.setLabelFor(field);
        field.setMaxWidth(Double.MAX_VALUE);
        r.label = l;
        place(r, l, 0, 1);
        place(r, field, 1, 1);
    }

    /**
     * The field's tooltip shows its whole value while the value is wider than the field (a long summary or schema
     * format is cut at 1366x768), its label otherwise.
     */
    static void wholeValueTip(TextField f, String label) {
        Tooltip tip = f.getTooltip() != null ? f.getTooltip() : new Tooltip(label);
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        f.setTooltip(tip);
        Runnable update = () -> tip.setText(isCut(f) ? f.getText() : label);
        f.textProperty().subscribe(update);
        f.widthProperty().subscribe(update);
        f.fontProperty().subscribe(update);
    }

    /** Whether the field's text is wider than the room the field gives it (the text scrolls out of sight). */
    static boolean isCut(TextField f) {
        String text = f.getText();
        if (text == null || text.isEmpty() || f.getWidth() <= 0) {
            return false;
        }
        javafx.scene.text.Text measure = new javafx.scene.text.Text(text);
        measure.setFont(f.getFont());
        double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
        return measure.getLayoutBounds().getWidth() > room;
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
