package io.eventflow.model.edit;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Element;
import io.eventflow.model.design.ElementId;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Position;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Rate;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Pure functions that make a new design from an old one: the building blocks of the editor's commands. */
public final class DesignEdits {
    private DesignEdits() {}

    /** A fresh id starting with {@code base}: {@code base}, {@code base-2}, {@code base-3}... */
    public static String uniqueId(Design design, String base) {
        Set<String> taken = new java.util.HashSet<>(design.elementIds().toList());
        if (!taken.contains(base)) {
            return base;
        }
        int n = 2;
        while (taken.contains(base + "-" + n)) {
            n++;
        }
        return base + "-" + n;
    }

    /** Moves elements: sets their canvas positions. */
    public static Design withPositions(Design design, Map<String, Position> positions) {
        Map<String, Position> layout = new LinkedHashMap<>(design.layout());
        layout.putAll(positions);
        return design.withLayout(layout);
    }

    /** Adds a broker, channel, service or message type at a position. */
    public static Design add(Design design, Element element, Position at) {
        Design d = element.match(
                b -> design.withBrokers(append(design.brokers(), b)),
                c -> design.withChannels(append(design.channels(), c)),
                s -> design.withServices(append(design.services(), s)),
                m -> design.withMessages(append(design.messages(), m)));
        return at == null ? d : withPositions(d, Map.of(element.id(), at));
    }

    /** The element with this id, or null. */
    public static Element find(Design design, String id) {
        return design.elementIds().anyMatch(id::equals)
                ? design.service(id)
                        .<Element>map(s -> s)
                        .or(() -> design.channel(id))
                        .or(() -> design.broker(id))
                        .or(() -> design.message(id))
                        .orElse(null)
                : null;
    }

    /**
     * Removes elements and everything that points at them: publications and subscriptions on removed channels,
     * message ids on channels, a removed broker on its channels, dead-letter links, layout and notes.
     */
    public static Design remove(Design design, Set<String> ids) {
        Design d = design.withBrokers(design.brokers().stream()
                        .filter(b -> !ids.contains(b.id()))
                        .toList())
                .withMessages(design.messages().stream()
                        .filter(m -> !ids.contains(m.id()))
                        .toList())
                .withChannels(design.channels().stream()
                        .filter(c -> !ids.contains(c.id()))
                        .map(c -> References.dropFromChannel(c, ids))
                        .toList())
                .withServices(design.services().stream()
                        .filter(s -> !ids.contains(s.id()))
                        .map(s -> References.dropFromService(s, ids))
                        .toList());
        Map<String, Position> layout = new LinkedHashMap<>(d.layout());
        Map<String, String> notes = new LinkedHashMap<>(d.notes());
        layout.keySet().removeAll(ids);
        notes.keySet().removeAll(ids);
        return d.withLayout(layout).withNotes(notes);
    }

    /** Service publishes on channel (an edge service → channel). Chained when the service already consumes. */
    public static Design connectPublish(Design design, String serviceId, String channelId) {
        Service s = design.service(serviceId).orElseThrow();
        if (s.publishes().stream().anyMatch(p -> p.channel().equals(channelId))) {
            return design;
        }
        s = s.withoutRoleHint(); // connected: what it does decides how it is drawn
        String message = design.channel(channelId)
                .filter(c -> c.messages().size() == 1)
                .map(c -> c.messages().get(0))
                .orElse(null);
        Publication p = s.subscribes().isEmpty()
                ? new Publication(channelId, message, Rate.parse("10/s"))
                : new Publication(
                        channelId,
                        message,
                        null,
                        null,
                        null,
                        null,
                        "processed",
                        null,
                        null,
                        null,
                        null,
                        null,
                        Map.of());
        return replaceService(design, serviceId, s.withPublishes(append(s.publishes(), p)));
    }

    /**
     * Service subscribes to channel (an edge channel → service). The subscription names no group: its group is the
     * service id, and follows a rename of the service until the user sets one.
     */
    public static Design connectSubscribe(Design design, String channelId, String serviceId) {
        Service s = design.service(serviceId).orElseThrow();
        if (s.subscribes().stream().anyMatch(x -> x.channel().equals(channelId))) {
            return design;
        }
        s = s.withoutRoleHint(); // connected: what it does decides how it is drawn
        Service withSub = s.withSubscribes(append(s.subscribes(), new Subscription(channelId, null)));
        // A service that starts consuming turns its self-paced publications into chained ones.
        List<Publication> chained = withSub.publishes().stream()
                .map(p -> p.rate() == null && !p.isChained() && !p.isWill()
                        ? new Publication(
                                p.channel(),
                                p.message(),
                                null,
                                null,
                                null,
                                null,
                                "processed",
                                null,
                                null,
                                null,
                                null,
                                null,
                                p.extensions())
                        : p)
                .toList();
        return replaceService(design, serviceId, withSub.withPublishes(chained));
    }

    /** Removes the publication of service on channel. */
    public static Design disconnectPublish(Design design, String serviceId, String channelId) {
        Service s = design.service(serviceId).orElseThrow();
        return replaceService(
                design,
                serviceId,
                s.withPublishes(s.publishes().stream()
                        .filter(p -> !p.channel().equals(channelId))
                        .toList()));
    }

    /** Removes the subscription of service to channel. */
    public static Design disconnectSubscribe(Design design, String channelId, String serviceId) {
        Service s = design.service(serviceId).orElseThrow();
        return replaceService(
                design,
                serviceId,
                s.withSubscribes(s.subscribes().stream()
                        .filter(x -> !x.channel().equals(channelId))
                        .toList()));
    }

    /** Replaces the element with id {@code oldId}; when the new element has another id, references follow it. */
    public static Design replace(Design design, String oldId, Element element) {
        String newId = element.id();
        Design d = element.match(
                b -> design.withBrokers(swap(design.brokers(), oldId, b, Broker::id)),
                c -> design.withChannels(swap(design.channels(), oldId, c, Channel::id)),
                s -> design.withServices(swap(design.services(), oldId, s, Service::id)),
                m -> design.withMessages(swap(design.messages(), oldId, m, MessageType::id)));
        return oldId.equals(newId) ? d : References.rename(d, oldId, newId);
    }

    /**
     * What stops renaming element {@code id} to {@code newId}, fit to show to the user; null when the rename can be
     * made. Every rename (canvas, inspector, paste) checks this: {@link ElementId}'s rule and uniqueness.
     */
    public static String renameProblem(Design design, String id, String newId) {
        String bad = ElementId.problem(newId);
        if (bad != null) {
            return bad;
        }
        if (!newId.equals(id) && design.elementIds().anyMatch(newId::equals)) {
            return "'" + newId + "' is already the id of another element";
        }
        return find(design, id) == null ? "there is no element '" + id + "'" : null;
    }

    /**
     * Renames element {@code id} to {@code newId}; references (channels' brokers and messages, publications,
     * subscriptions, dead-letter routes, layout, notes) follow it.
     *
     * @throws IllegalArgumentException with {@link #renameProblem} when the rename cannot be made
     */
    public static Design rename(Design design, String id, String newId) {
        String problem = renameProblem(design, id, newId);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return newId.equals(id) ? design : replace(design, id, find(design, id).withId(newId));
    }

    public static Design replaceService(Design design, String id, Service service) {
        return replace(design, id, service);
    }

    /** Applies {@code f} to the service with this id. */
    public static Design updateService(Design design, String id, UnaryOperator<Service> f) {
        return replace(design, id, f.apply(design.service(id).orElseThrow()));
    }

    static <T> List<T> append(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    private static <T> List<T> swap(List<T> list, String oldId, T item, java.util.function.Function<T, String> id) {
        List<T> out = new ArrayList<>(list);
        for (int i = 0; i < out.size(); i++) {
            if (id.apply(out.get(i)).equals(oldId)) {
                out.set(i, item);
                return out;
            }
        }
        throw new IllegalArgumentException("no element " + oldId);
    }
}
