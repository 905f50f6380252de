package io.eventflow.app.inspector;

import io.eventflow.app.canvas.EdgeRef;
import io.eventflow.app.shell.DocumentViewModel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.RequestReply;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.edit.DesignChange;
import io.eventflow.model.edit.DesignEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.SetChangeListener;

/**
 * What the inspector shows (the selected element, edge, or the design itself) and the edits it makes: one command per
 * committed field.
 */
public final class InspectorViewModel {
    private final DocumentViewModel doc;
    private final ReadOnlyObjectWrapper<Object> subject = new ReadOnlyObjectWrapper<>(this, "subject");

    public InspectorViewModel(DocumentViewModel doc) {
        this.doc = doc;
        doc.designProperty().addListener(o -> refresh());
        doc.getSelection().addListener((SetChangeListener<String>) c -> refresh());
        refresh();
    }

    public DocumentViewModel document() {
        return doc;
    }

    private void refresh() {
        Design d = doc.getDesign();
        Object s = d;
        if (doc.getSelection().size() == 1) {
            String id = doc.getSelection().iterator().next();
            EdgeRef e = EdgeRef.parse(id);
            s = e != null ? edgeSubject(d, e) : DesignEdits.find(d, id);
        } else if (doc.getSelection().size() > 1) {
            s = List.copyOf(doc.getSelection());
        }
        if (!Objects.equals(s, subject.get())) {
            subject.set(s);
        }
    }

    /**
     * For an edge: the publication or subscription it stands for, with its service (no service, publication or
     * subscription for an SNS subscription, which runs from topic to queue).
     */
    public record EdgeSubject(EdgeRef ref, Service service, Publication publication, Subscription subscription) {}

    private static Object edgeSubject(Design d, EdgeRef e) {
        if (e.kind() == EdgeRef.Kind.SNS) {
            return d.channel(e.channel()).isPresent() ? new EdgeSubject(e, null, null, null) : null;
        }
        Service s = d.service(e.service()).orElse(null);
        if (s == null) {
            return null;
        }
        Publication p = s.publishes().stream()
                .filter(x -> x.channel().equals(e.channel()))
                .findFirst()
                .orElse(null);
        Subscription sub = s.subscribes().stream()
                .filter(x -> e.kind() == EdgeRef.Kind.DEAD_LETTER
                        ? e.channel().equals(x.deadLetter())
                        : x.channel().equals(e.channel()))
                .findFirst()
                .orElse(null);
        return new EdgeSubject(e, s, e.kind() == EdgeRef.Kind.PUBLISH ? p : null, sub);
    }

    /** Sets a component of the element with this id; renaming the id keeps it selected. */
    public void editElement(String id, String field, Object value) {
        Object current = DesignEdits.find(doc.getDesign(), id);
        if (!(current instanceof Record r)) {
            return;
        }
        Object changed = Records.with(r, field, value);
        String newId = DesignEdits.idOf(changed);
        if (!newId.equals(id) && DesignEdits.find(doc.getDesign(), newId) != null) {
            return;
        }
        doc.execute(DesignChange.of("Edit " + id + " " + field, d -> DesignEdits.replace(d, id, changed)));
        if (!newId.equals(id)) {
            doc.getSelection().clear();
            doc.getSelection().add(newId);
        }
    }

    /** Replaces the element with an edited copy (for nested settings). */
    public void replaceElement(String id, String what, Object changed) {
        doc.execute(DesignChange.of("Edit " + id + " " + what, d -> DesignEdits.replace(d, id, changed)));
    }

    public void editPublication(String service, String channel, String what, UnaryOperator<Publication> f) {
        doc.execute(DesignChange.of(
                "Edit " + service + " → " + channel + " " + what,
                d -> DesignEdits.updateService(
                        d,
                        service,
                        s -> s.withPublishes(map(s.publishes(), p -> p.channel().equals(channel) ? f.apply(p) : p)))));
    }

    /** Edits the service's request/reply exchange at {@code index}; a null result removes it. One undo step. */
    public void editRequest(String service, int index, String what, UnaryOperator<RequestReply> f) {
        doc.execute(DesignChange.of(
                "Edit " + service + " request " + (index + 1) + " " + what,
                d -> DesignEdits.updateService(d, service, s -> {
                    List<RequestReply> out = new ArrayList<>();
                    for (int i = 0; i < s.requests().size(); i++) {
                        RequestReply r = i == index
                                ? f.apply(s.requests().get(i))
                                : s.requests().get(i);
                        if (r != null) {
                            out.add(r);
                        }
                    }
                    return Records.with(s, "requests", out);
                })));
    }

    /** Adds a request/reply exchange on a channel; its reply channel is chosen afterwards. */
    public void addRequest(String service, String channel) {
        doc.execute(DesignChange.of(
                "Add a request to " + service,
                d -> DesignEdits.updateService(d, service, s -> {
                    List<RequestReply> out = new ArrayList<>(s.requests());
                    out.add(new RequestReply(channel, null, null, null, null, null, null, null));
                    return Records.with(s, "requests", out);
                })));
    }

    public void editSubscription(String service, String channel, String what, UnaryOperator<Subscription> f) {
        doc.execute(DesignChange.of(
                "Edit " + channel + " → " + service + " " + what,
                d -> DesignEdits.updateService(
                        d,
                        service,
                        s -> s.withSubscribes(
                                map(s.subscribes(), x -> x.channel().equals(channel) ? f.apply(x) : x)))));
    }

    public void editDesign(String what, UnaryOperator<Design> f) {
        doc.execute(DesignChange.of("Edit design " + what, f));
    }

    public void select(String id) {
        doc.getSelection().clear();
        doc.getSelection().add(id);
    }

    private static <T> List<T> map(List<T> list, UnaryOperator<T> f) {
        List<T> out = new ArrayList<>();
        for (T t : list) {
            out.add(f.apply(t));
        }
        return out;
    }

    public ReadOnlyObjectProperty<Object> subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    public Object getSubject() {
        return subject.get();
    }
}
