package io.eventflow.app.inspector;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Service;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The inspector: properties of the selection, or of the design when nothing is selected. */
public final class InspectorView extends ScrollPane {
    private final InspectorViewModel vm;
    private Form form;
    private Object shownKind;

    public InspectorView(InspectorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("inspector");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        vm.subjectProperty().addListener((o, a, s) -> show(s));
        // The first form waits until after the window shows (issue #7); at start-up the design is usually replaced
        // by the opened one right away, which builds its own form.
        Platform.runLater(() -> {
            if (form == null) {
                show(vm.getSubject());
            }
        });
    }

    private void show(Object subject) {
        String focused = form == null ? null : form.focusedKey();
        Object kind = subject == null ? null : subject.getClass();
        boolean sameKind = kind == shownKind;
        double scroll = getVvalue();
        Design d = vm.document().getDesign();
        Form f;
        if (subject instanceof Service s) {
            f = ServiceForms.service(vm, d, s);
        } else if (subject instanceof Channel c) {
            f = ChannelForms.channel(vm, d, c);
        } else if (subject instanceof Broker b) {
            f = ChannelForms.broker(vm, d, b);
        } else if (subject instanceof MessageType m) {
            f = MessageEditor.message(vm, d, m);
        } else if (subject instanceof InspectorViewModel.EdgeSubject e) {
            f = e.service() == null ? KindForms.snsEdge(vm, e.ref()) : ServiceForms.edge(vm, d, e);
        } else if (subject instanceof List<?> l) {
            f = new Form();
            f.section(l.size() + " items selected");
            f.info(
                    "Selection",
                    String.join(", ", l.stream().map(String::valueOf).toList()));
        } else if (subject instanceof Design design) {
            f = ChannelForms.design(vm, design);
        } else {
            f = new Form();
            f.wide(new Label("Nothing to show"));
        }
        form = f;
        shownKind = kind;
        VBox box = new VBox(f);
        box.getStyleClass().add("inspector-content");
        setContent(box);
        if (sameKind) {
            setVvalue(scroll);
            if (focused != null) {
                Platform.runLater(() -> f.focus(focused));
            }
        }
    }
}
