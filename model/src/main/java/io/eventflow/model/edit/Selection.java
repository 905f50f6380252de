package io.eventflow.model.edit;

import io.eventflow.model.design.EdgeId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What is selected, typed: element ids and edges. Views keep the selection as keys (element ids and
 * {@link EdgeId#key()}s); this reads them back without string tests.
 *
 * @param elements the selected elements' ids, in selection order
 * @param edges the selected edges, in selection order
 */
public record Selection(Set<String> elements, Set<EdgeId> edges) {
    public static final Selection EMPTY = new Selection(Set.of(), Set.of());

    public Selection {
        elements = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(elements));
        edges = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(edges));
    }

    /** The selection that these keys (element ids and edge keys) make. */
    public static Selection of(Collection<String> keys) {
        Set<String> elements = new LinkedHashSet<>();
        Set<EdgeId> edges = new LinkedHashSet<>();
        for (String k : keys) {
            Optional<EdgeId> e = EdgeId.parse(k);
            if (e.isPresent()) {
                edges.add(e.get());
            } else {
                elements.add(k);
            }
        }
        return new Selection(elements, edges);
    }

    public int size() {
        return elements.size() + edges.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** The one selected element's id, when exactly one element and nothing else is selected. */
    public Optional<String> singleElement() {
        return size() == 1 && elements.size() == 1
                ? Optional.of(elements.iterator().next())
                : Optional.empty();
    }

    /** The one selected edge, when exactly one edge and nothing else is selected. */
    public Optional<EdgeId> singleEdge() {
        return size() == 1 && edges.size() == 1 ? Optional.of(edges.iterator().next()) : Optional.empty();
    }

    /** The keys of this selection: element ids, then edge keys. */
    public List<String> keys() {
        List<String> out = new java.util.ArrayList<>(elements);
        edges.forEach(e -> out.add(e.key()));
        return out;
    }
}
