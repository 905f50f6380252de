package io.eventflow.model.edit;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Element;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Position;
import io.eventflow.model.design.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Copy and paste: a fragment is a small design holding copies of the selected elements and their positions. */
public final class Fragments {
    private Fragments() {}

    /** The result of a paste: the new design and the ids the pasted elements got. */
    public record Pasted(Design design, List<String> ids) {}

    /** Copies the elements with these ids (and their layout and notes) into a fragment. */
    public static Design copy(Design design, Set<String> ids) {
        Map<String, Position> layout = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        design.layout().forEach((k, v) -> {
            if (ids.contains(k)) {
                layout.put(k, v);
            }
        });
        design.notes().forEach((k, v) -> {
            if (ids.contains(k)) {
                notes.put(k, v);
            }
        });
        return Design.empty("fragment")
                .withBrokers(design.brokers().stream()
                        .filter(b -> ids.contains(b.id()))
                        .toList())
                .withMessages(design.messages().stream()
                        .filter(m -> ids.contains(m.id()))
                        .toList())
                .withChannels(design.channels().stream()
                        .filter(c -> ids.contains(c.id()))
                        .toList())
                .withServices(design.services().stream()
                        .filter(s -> ids.contains(s.id()))
                        .toList())
                .withLayout(layout)
                .withNotes(notes);
    }

    /**
     * Pastes a fragment, offset by (dx, dy). Every element gets a fresh id; references between pasted elements follow
     * the new ids, references to elements outside the fragment stay as they are.
     */
    public static Pasted paste(Design design, Design fragment, double dx, double dy) {
        Design frag = fragment;
        Design taken = design;
        List<String> newIds = new ArrayList<>();
        for (String id : fragment.elementIds().toList()) {
            String fresh = DesignEdits.uniqueId(taken, id.replaceAll("-copy(-\\d+)?$", "") + "-copy");
            frag = renameOwn(frag, id, fresh);
            // Reserve the id so that the next element does not take it.
            taken = DesignEdits.add(taken, new MessageType(fresh), null);
            newIds.add(fresh);
        }
        Design out = design;
        for (Broker b : frag.brokers()) {
            out = DesignEdits.add(out, b, null);
        }
        for (MessageType m : frag.messages()) {
            out = DesignEdits.add(out, m, null);
        }
        for (Channel c : frag.channels()) {
            out = DesignEdits.add(out, c, null);
        }
        for (Service s : frag.services()) {
            out = DesignEdits.add(out, s, null);
        }
        Map<String, Position> positions = new LinkedHashMap<>();
        frag.layout().forEach((k, v) -> positions.put(k, new Position(v.x() + dx, v.y() + dy)));
        Map<String, String> notes = new LinkedHashMap<>(out.notes());
        notes.putAll(frag.notes());
        return new Pasted(DesignEdits.withPositions(out, positions).withNotes(notes), newIds);
    }

    private static Design renameOwn(Design d, String from, String to) {
        Element e = DesignEdits.find(d, from);
        return e == null ? d : DesignEdits.replace(d, from, e.withId(to));
    }
}
