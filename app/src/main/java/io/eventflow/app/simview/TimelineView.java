package io.eventflow.app.simview;

import io.eventflow.model.io.InputException;
import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The scenario's faults and actions as bars over simulated time. Drag a bar to move it; click to edit it as one line
 * of scenario YAML; add faults for the selected element; save the scenario back to its file; apply resets the run.
 */
final class TimelineView extends VBox {
    private static final double ROW = 22;
    private static final double LEFT = 8;
    /** Height of the time axis above the bars. */
    private static final double AXIS = 20;

    private final SimSession session;
    private final TimelineEditor editor;
    private final Pane bars = new Pane();
    private final Group content = new Group();
    private final Line cursor = new Line();
    private final TextField edit = new TextField();
    private final Label info = new Label();
    private int selected = -1;

    TimelineView(SimSession session, java.util.function.Supplier<String> selection) {
        this.session = session;
        this.editor = new TimelineEditor(session, selection);
        setId("sim-timeline");
        setSpacing(4);
        MenuButton add = new MenuButton("Add fault");
        add.setId("timeline-add");
        add.setOnShowing(e -> {
            add.getItems().clear();
            for (var t : editor.templates()) {
                MenuItem i = new MenuItem(t.label());
                i.setOnAction(a -> {
                    addItem(t.item());
                });
                add.getItems().add(i);
            }
            if (add.getItems().isEmpty()) {
                add.getItems().add(new MenuItem("Select a service, channel, broker or edge first"));
            }
        });
        edit.setId("timeline-edit");
        edit.setPromptText(
                "select a bar to edit it, e.g. {at: 5s, kind: poison, target: orders, percent: 10, for: 5s}");
        HBox.setHgrow(edit, Priority.ALWAYS);
        edit.setOnAction(e -> commitEdit());
        Button delete = new Button("Delete");
        delete.setOnAction(e -> {
            if (selected >= 0) {
                List<Object> items = items();
                items.remove(selected);
                selected = -1;
                store(items);
            }
        });
        Button save = new Button("Save");
        save.setId("timeline-save");
        save.setOnAction(e -> info.setText(editor.save(false)));
        Button saveAs = new Button("Save as…");
        saveAs.setOnAction(e -> info.setText(editor.save(true)));
        Button apply = new Button("Apply (reset run)");
        apply.setId("timeline-apply");
        apply.setOnAction(e -> session.reset());
        info.setId("timeline-info");
        cursor.getStyleClass().add("timeline-cursor");
        bars.getChildren().addAll(content, cursor);
        bars.setMinHeight(3 * ROW);
        ScrollPane scroll = new ScrollPane(bars);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(new HBox(6, add, edit, delete, save, saveAs, apply), info, scroll);
        bars.widthProperty().addListener(o -> redraw());
        session.scenarioProperty().addListener(o -> redraw());
    }

    private List<Object> items() {
        Scenario s = session.scenarioProperty().get();
        List<Object> all = new ArrayList<>(s.faults());
        all.addAll(s.actions());
        return all;
    }

    void addItem(Object item) {
        List<Object> all = items();
        all.add(item);
        selected = all.size() - 1;
        store(all);
        info.setText("Added " + line(item) + " — Apply to rerun with it, Save to keep it.");
    }

    private void store(List<Object> all) {
        Scenario s = session.scenarioProperty().get();
        List<Fault> faults = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        for (Object o : all) {
            if (o instanceof Fault f) {
                faults.add(f);
            } else {
                actions.add((Action) o);
            }
        }
        session.scenarioProperty().set(new Scenario(s.design(), s.seed(), s.duration(), faults, actions, s.payloads()));
    }

    static String line(Object o) {
        return o instanceof Fault f ? ScenarioYaml.fault(f) : ScenarioYaml.action((Action) o);
    }

    private void commitEdit() {
        String text = edit.getText().trim();
        boolean fault = !text.matches(".*kind:\\s*(replay|redrive|scale|rate)\\b.*");
        String doc = "eventflow-scenario: 1\n" + (fault ? "faults:\n" : "actions:\n") + "  - " + text + "\n";
        try {
            Scenario one = ScenarioReader.parse("timeline", doc, session.currentDesign());
            Object item = fault ? one.faults().get(0) : one.actions().get(0);
            List<Object> all = items();
            if (selected >= 0 && selected < all.size()) {
                all.set(selected, item);
            } else {
                all.add(item);
                selected = all.size() - 1;
            }
            store(all);
            info.setText("Changed: " + line(item));
        } catch (InputException e) {
            info.setText(e.problems().get(0).message()
                    + (e.problems().get(0).hint() == null
                            ? ""
                            : " (" + e.problems().get(0).hint() + ")"));
        }
    }

    private double span() {
        Scenario s = session.scenarioProperty().get();
        long end = session.source().endTime();
        long d = end > 0 && end != Long.MAX_VALUE ? end : s.duration() != null ? s.duration() : 60_000_000_000L;
        return Math.max(1, d);
    }

    private double scale() {
        return Math.max(100, bars.getWidth() - 2 * LEFT) / span();
    }

    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");

    void redraw() {
        content.getChildren().clear();
        List<Object> all = items();
        double k = scale();
        for (int i = 0; i < all.size(); i++) {
            Object o = all.get(i);
            long at = o instanceof Fault f ? f.at() : ((Action) o).at();
            long len = TimelineEditor.length(o);
            double x = LEFT + at * k;
            double w = Math.max(8, (len < 0 ? span() - at : len) * k);
            Rectangle r = new Rectangle(x, AXIS + i * ROW + 2, w, ROW - 4);
            r.setArcWidth(6);
            r.setArcHeight(6);
            r.getStyleClass().addAll("timeline-bar", o instanceof Fault ? "fault" : "action");
            r.pseudoClassStateChanged(SELECTED, i == selected);
            Text t = new Text(x + 4, AXIS + i * ROW + 15, TimelineEditor.title(o));
            t.setMouseTransparent(true);
            t.getStyleClass().add("timeline-text");
            int index = i;
            new BarDrag(r, t, k, at, (newAt) -> move(index, newAt), () -> pick(index));
            content.getChildren().addAll(r, t);
        }
        axis(k);
        bars.setPrefHeight(AXIS + Math.max(3, all.size() + 1) * ROW);
        cursor.setStartY(0);
        cursor.endYProperty().bind(bars.heightProperty());
    }

    /** The time axis: a tick and a label at every step of {@link #tickStep}, along the top. */
    private void axis(double k) {
        double span = span();
        long step = tickStep((long) span, Math.max(100, bars.getWidth() - 2 * LEFT));
        Line base = new Line(LEFT, AXIS - 2, LEFT + span * k, AXIS - 2);
        base.getStyleClass().add("timeline-axis");
        content.getChildren().add(base);
        for (long t = 0; t <= span; t += step) {
            double x = LEFT + t * k;
            Line tick = new Line(x, AXIS - 6, x, AXIS - 2);
            tick.getStyleClass().add("timeline-axis");
            Text label = new Text(x + 2, AXIS - 8, SimSession.formatTime(t).replace(".000 s", " s"));
            label.getStyleClass().addAll("timeline-text", "timeline-axis-label");
            label.setMouseTransparent(true);
            content.getChildren().addAll(tick, label);
        }
    }

    /**
     * A tick step of 1, 2 or 5 times a power of ten (in nanoseconds, at least 1 ms) that puts labels at least 70 px
     * apart on a timeline {@code width} pixels wide showing {@code span} nanoseconds.
     */
    static long tickStep(long span, double width) {
        double minStep = span * 70.0 / Math.max(1, width);
        long step = 1_000_000L;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (step * m >= minStep) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }

    private void pick(int index) {
        selected = index;
        List<Object> all = items();
        if (index < all.size()) {
            edit.setText(line(all.get(index)));
        }
        redraw();
    }

    private void move(int index, long at) {
        List<Object> all = items();
        all.set(index, TimelineEditor.withAt(all.get(index), at));
        selected = index;
        store(all);
        edit.setText(line(all.get(index)));
    }

    /** Moves the cursor to the simulated time. */
    void frame(long simTime) {
        double x = LEFT + simTime * scale();
        cursor.setStartX(x);
        cursor.setEndX(x);
    }
}
