package io.eventflow.app.inspector;

import impl.org.controlsfx.skin.DecorationPane;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Element;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The inspector: properties of the selection, or of the design when nothing is selected. */
public final class InspectorView extends ScrollPane {
    private final InspectorViewModel vm;
    private final Map<Object, Form> forms = new HashMap<>();
    private final Map<Form, Node> shells = new HashMap<>();
    private Form form;
    private Object shownKind;
    private boolean showing;
    private java.util.function.Consumer<String> onVaryInSweep;
    private final javafx.util.Subscription subjectShown;

    public InspectorView(InspectorViewModel vm) {
        this.vm = vm;
        // The menu opens on the secondary button's press (as the platform's own context menu does on Linux and
        // Windows) and on the keyboard's menu key; a field a sweep can vary gets this menu instead of the default one.
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY) {
                contextMenu(e.getTarget(), e.getScreenX(), e.getScreenY(), e);
            }
        });
        addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (e.isKeyboardTrigger()) {
                contextMenu(e.getTarget(), e.getScreenX(), e.getScreenY(), e);
            } else if (sweepName(e.getTarget()) != null) {
                e.consume(); // already shown on the press
            }
        });
        getStyleClass().add("inspector");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        subjectShown = vm.subjectProperty().subscribe((a, s) -> show(s));
        // The first form waits until after the window shows (issue #7); at start-up the design is usually replaced
        // by the opened one right away, which builds its own form.
        Platform.runLater(() -> {
            if (form == null) {
                show(vm.getSubject());
            }
        });
    }

    /** Stops showing the view model's subject, and the view model stops following the document. */
    public void dispose() {
        subjectShown.unsubscribe();
        vm.dispose();
    }

    /** What "Vary in sweep" (the context menu of a field a sweep can vary) does with the setting's sweep name. */
    public void setOnVaryInSweep(java.util.function.Consumer<String> action) {
        this.onVaryInSweep = action;
    }

    /** The text field a target is in, or null. */
    private static javafx.scene.control.TextField fieldOf(Object target) {
        javafx.scene.Node n = target instanceof javafx.scene.Node node ? node : null;
        while (n != null && !(n instanceof javafx.scene.control.TextField)) {
            n = n.getParent();
        }
        return (javafx.scene.control.TextField) n;
    }

    private String sweepName(Object target) {
        javafx.scene.control.TextField field = fieldOf(target);
        return onVaryInSweep == null || field == null ? null : SweepTargets.of(vm.getSubject(), field.getId());
    }

    /** Right-click on a field a sweep can vary: "Vary in sweep", then the text field's copy and paste. */
    private void contextMenu(Object target, double x, double y, javafx.event.Event e) {
        String name = sweepName(target);
        if (name == null) {
            return;
        }
        javafx.scene.control.TextField field = fieldOf(target);
        javafx.scene.control.MenuItem vary = new javafx.scene.control.MenuItem("Vary in sweep");
        vary.setId("menu-vary-in-sweep");
        vary.setOnAction(a -> onVaryInSweep.accept(name));
        javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy");
        copy.setOnAction(a -> field.copy());
        javafx.scene.control.MenuItem paste = new javafx.scene.control.MenuItem("Paste");
        paste.setOnAction(a -> field.paste());
        javafx.scene.control.ContextMenu menu =
                new javafx.scene.control.ContextMenu(vary, new javafx.scene.control.SeparatorMenuItem(), copy, paste);
        menu.setAutoHide(true);
        menu.show(field, x, y);
        e.consume();
    }

    /**
     * Shows the view model's subject in the form kept for its kind of subject, bound to it; the pending edit of the
     * last subject is committed first.
     */
    private void show(Object requested) {
        if (showing) {
            return; // an edit committed while binding: the subject is read after it
        }
        showing = true;
        try {
            if (form != null) {
                form.flush();
            }
            bind(vm.getSubject());
        } finally {
            showing = false;
        }
    }

    private void bind(Object subject) {
        String focused = form == null ? null : form.focusedKey();
        Object kind = subject == null ? null : subject.getClass();
        boolean sameKind = kind == shownKind;
        double scroll = getVvalue();
        Design d = vm.document().getDesign();
        Form f = forms.computeIfAbsent(formKey(d, subject), k -> new Form());
        f.rebind();
        if (subject instanceof Element element) {
            element.match(
                    b -> run(() -> ChannelForms.broker(f, vm, d, b)),
                    c -> run(() -> ChannelForms.channel(f, vm, d, c)),
                    s -> run(() -> ServiceForms.service(f, vm, d, s)),
                    m -> run(() -> MessageEditor.message(f, vm, d, m)));
        } else if (subject instanceof InspectorViewModel.EdgeSubject e) {
            if (e.service() == null) {
                KindForms.link(f, vm, d, e.ref());
            } else {
                ServiceForms.edge(f, vm, d, e);
            }
        } else if (subject instanceof List<?> l) {
            f.section(l.size() + " items selected");
            f.info(
                    "Selection",
                    String.join(", ", l.stream().map(String::valueOf).toList()));
        } else if (subject instanceof Design design) {
            ChannelForms.design(f, vm, design);
        } else {
            f.wide(new javafx.scene.control.Label("Nothing to show"));
        }
        f.end();
        form = f;
        shownKind = kind;
        Node shell = shells.computeIfAbsent(f, x -> {
            VBox box = new VBox(x);
            box.getStyleClass().add("inspector-content");
            // Validation marks of the fields are drawn in this pane (ControlsFX), not over the whole window.
            DecorationPane pane = new DecorationPane();
            pane.setRoot(box);
            return pane;
        });
        if (getContent() != shell) {
            setContent(shell);
        }
        if (sameKind) {
            setVvalue(scroll);
            if (focused != null) {
                Platform.runLater(() -> f.focus(focused));
            }
        }
    }

    private static Void run(Runnable r) {
        r.run();
        return null;
    }

    /** Which kept form shows a subject: one per element type, per channel kind, per kind of edge. */
    private static Object formKey(Design d, Object subject) {
        if (subject instanceof Element e) {
            return e.match(
                    b -> "broker",
                    c -> "channel " + d.kindOf(c).orElse(BrokerKind.OTHER).key(),
                    s -> "service",
                    m -> "message");
        }
        if (subject instanceof InspectorViewModel.EdgeSubject e) {
            return e.service() == null ? "link" : "edge";
        }
        if (subject instanceof List<?>) {
            return "selection";
        }
        return subject instanceof Design ? "design" : "nothing";
    }

    /** The forms kept so far, by {@link #formKey} (for tests). */
    Map<Object, Form> forms() {
        return forms;
    }

    /** The form showing the subject. */
    Form form() {
        return form;
    }
}
