package io.eventflow.app.inspector;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.EdgeId;
import io.eventflow.model.design.Element;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.RequestReply;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.edit.DesignChange;
import io.eventflow.model.edit.DesignEdits;
import io.eventflow.model.edit.Selection;
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
    private final ReadOnlyObjectWrapper<Selection> selection =
            new ReadOnlyObjectWrapper<>(this, "selection", Selection.EMPTY);
    private final javafx.util.Subscription subscriptions;

    public InspectorViewModel(DocumentViewModel doc) {
        this.doc = doc;
        SetChangeListener<String> onSelection = c -> refresh();
        doc.getSelection().addListener(onSelection);
        subscriptions = doc.designProperty().subscribe(this::refresh).and(() -> doc.getSelection()
                .removeListener(onSelection));
        refresh();
    }

    /** Stops following the document (its design and selection). */
    public void dispose() {
        subscriptions.unsubscribe();
    }

    public DocumentViewModel document() {
        return doc;
    }

    private void refresh() {
        Design d = doc.getDesign();
        Selection sel = Selection.of(doc.getSelection());
        if (!sel.equals(selection.get())) {
            selection.set(sel);
        }
        Object s = d;
        if (sel.size() == 1) {
            s = sel.singleEdge()
                    .map(e -> edgeSubject(d, e))
                    .orElseGet(() -> DesignEdits.find(d, sel.singleElement().orElseThrow()));
        } else if (sel.size() > 1) {
            s = List.copyOf(doc.getSelection());
        }
        if (!Objects.equals(s, subject.get())) {
            subject.set(s);
        }
    }

    /**
     * For an edge: the publication or subscription it stands for, with its service (no service, publication or
     * subscription for a link between two channels, such as a fan-out topic feeding a queue).
     */
    public record EdgeSubject(EdgeId ref, Service service, Publication publication, Subscription subscription) {}

    private static Object edgeSubject(Design d, EdgeId e) {
        // An edge that starts at a channel is a link between two channels (ids are unique across elements).
        if (d.channel(e.service()).isPresent()) {
            return d.channel(e.channel()).isPresent() ? new EdgeSubject(e, null, null, null) : null;
        }
        Service s = d.service(e.service()).orElse(null);
        if (s == null) {
            return null;
        }
        Publication p = EdgeId.publish(e.service(), e.channel()).publication(d).orElse(null);
        // A publish edge also shows the service's subscription to the same channel, if it has one.
        EdgeId sub = e.kind() == EdgeId.Kind.DEAD_LETTER ? e : EdgeId.subscribe(e.service(), e.channel());
        return new EdgeSubject(
                e,
                s,
                e.kind() == EdgeId.Kind.PUBLISH ? p : null,
                sub.subscription(d).orElse(null));
    }

    /**
     * Renames an element and keeps it selected; references follow it. Does nothing when the model's id rule or
     * uniqueness refuses the new id ({@link DesignEdits#renameProblem}; the form's field shows why).
     */
    public void rename(String id, String newId) {
        if (newId == null || newId.equals(id) || DesignEdits.renameProblem(doc.getDesign(), id, newId) != null) {
            return;
        }
        doc.execute(DesignChange.of("Edit " + id + " id", d -> DesignEdits.rename(d, id, newId)));
        doc.getSelection().clear();
        doc.getSelection().add(newId);
    }

    public void editService(String id, String what, UnaryOperator<Service> f) {
        edit(id, Service.class, what, f);
    }

    public void editChannel(String id, String what, UnaryOperator<Channel> f) {
        edit(id, Channel.class, what, f);
    }

    public void editBroker(String id, String what, UnaryOperator<Broker> f) {
        edit(id, Broker.class, what, f);
    }

    public void editMessage(String id, String what, UnaryOperator<MessageType> f) {
        edit(id, MessageType.class, what, f);
    }

    /** Edits the element with this id, when it is of this type: one command, named by {@code what}. */
    private <E extends Element> void edit(String id, Class<E> type, String what, UnaryOperator<E> f) {
        Element current = DesignEdits.find(doc.getDesign(), id);
        if (!type.isInstance(current)) {
            return;
        }
        E changed = f.apply(type.cast(current));
        doc.execute(DesignChange.of("Edit " + id + " " + what, d -> DesignEdits.replace(d, id, changed)));
    }

    /** Replaces the element with an edited copy (for nested settings). */
    public void replaceElement(String id, String what, Element changed) {
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
                    return s.withRequests(out);
                })));
    }

    /** Adds a request/reply exchange on a channel; its reply channel is chosen afterwards. */
    public void addRequest(String service, String channel) {
        doc.execute(DesignChange.of(
                "Add a request to " + service,
                d -> DesignEdits.updateService(d, service, s -> {
                    List<RequestReply> out = new ArrayList<>(s.requests());
                    out.add(new RequestReply(channel, null, null, null, null, null, null, null));
                    return s.withRequests(out);
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

    /** What is selected, typed: elements and edges. */
    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Object> subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    public Object getSubject() {
        return subject.get();
    }
}
