package io.eventflow.model.edit;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.ChannelSettings;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Position;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Reply;
import io.eventflow.model.design.RequestReply;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.kind.KindProfiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Keeps references between elements right when elements are removed or renamed. */
final class References {
    private References() {}

    static Channel dropFromChannel(Channel c, Set<String> ids) {
        String broker = ids.contains(c.broker()) ? null : c.broker();
        String dl = ids.contains(c.deadLetter()) ? null : c.deadLetter();
        List<String> messages =
                c.messages().stream().filter(m -> !ids.contains(m)).toList();
        ChannelSettings settings = KindProfiles.mapChannelRefs(c.settings(), t -> ids.contains(t) ? null : t);
        return mapChannel(c, x -> x, broker, dl, messages, settings);
    }

    static Service dropFromService(Service s, Set<String> ids) {
        List<Publication> pubs = s.publishes().stream()
                .filter(p -> !ids.contains(p.channel()))
                .map(p -> ids.contains(p.message()) ? pub(p, p.channel(), null, p.from()) : p)
                .toList();
        List<Subscription> subs = s.subscribes().stream()
                .filter(x -> !ids.contains(x.channel()))
                .map(x -> ids.contains(x.deadLetter()) ? x.withDeadLetter(null) : x)
                .toList();
        List<RequestReply> reqs =
                s.requests().stream().filter(r -> !ids.contains(r.channel())).toList();
        return new Service(
                s.id(),
                s.title(),
                s.description(),
                s.instances(),
                pubs,
                subs,
                s.producer(),
                reqs,
                s.external(),
                s.extensions());
    }

    /** Renames an element id everywhere it is referred to. */
    static Design rename(Design d, String from, String to) {
        UnaryOperator<String> r = id -> from.equals(id) ? to : id;
        Design out = d.withChannels(d.channels().stream()
                        .map(c -> mapChannel(
                                c,
                                r,
                                r.apply(c.broker()),
                                r.apply(c.deadLetter()),
                                c.messages().stream().map(r).toList(),
                                KindProfiles.mapChannelRefs(c.settings(), r)))
                        .toList())
                .withServices(d.services().stream().map(s -> renameIn(s, r)).toList());
        Map<String, Position> layout = new LinkedHashMap<>();
        out.layout().forEach((k, v) -> layout.put(r.apply(k), v));
        Map<String, String> notes = new LinkedHashMap<>();
        out.notes().forEach((k, v) -> notes.put(r.apply(k), v));
        return out.withLayout(layout).withNotes(notes);
    }

    private static Service renameIn(Service s, UnaryOperator<String> r) {
        List<Publication> pubs = s.publishes().stream()
                .map(p -> pub(p, r.apply(p.channel()), r.apply(p.message()), r.apply(p.from())))
                .toList();
        List<Subscription> subs = s.subscribes().stream().map(x -> sub(x, r)).toList();
        List<RequestReply> reqs = s.requests().stream()
                .map(q -> new RequestReply(
                        r.apply(q.channel()),
                        r.apply(q.message()),
                        r.apply(q.replyChannel()),
                        r.apply(q.replyMessage()),
                        q.rate(),
                        q.arrival(),
                        q.timeout(),
                        q.retry()))
                .toList();
        return new Service(
                s.id(),
                s.title(),
                s.description(),
                s.instances(),
                pubs,
                subs,
                s.producer(),
                reqs,
                s.external(),
                s.extensions());
    }

    private static Subscription sub(Subscription x, UnaryOperator<String> r) {
        Reply reply = x.reply() == null
                ? null
                : new Reply(r.apply(x.reply().channel()), r.apply(x.reply().message()));
        return new Subscription(
                r.apply(x.channel()),
                x.group(),
                x.startFrom(),
                x.processing(),
                x.concurrency(),
                x.prefetch(),
                x.delivery(),
                x.mechanism(),
                x.dedupWindow(),
                x.commit(),
                x.retry(),
                r.apply(x.deadLetter()),
                x.qos(),
                reply,
                x.maxDowntime(),
                x.durable(),
                x.sessionExpiry(),
                x.receiveMaximum(),
                x.claimIdle(),
                x.isolation(),
                x.rebalancePause(),
                x.verify(),
                x.extensions());
    }

    static Publication pub(Publication p, String channel, String message, String from) {
        return new Publication(
                channel,
                message,
                p.rate(),
                p.arrival(),
                p.key(),
                p.keys(),
                p.per(),
                from,
                p.routingKey(),
                p.will(),
                p.transaction(),
                p.rollbackPercent(),
                p.extensions());
    }

    private static Channel mapChannel(
            Channel c,
            UnaryOperator<String> idMap,
            String broker,
            String deadLetter,
            List<String> messages,
            ChannelSettings settings) {
        return new Channel(
                idMap.apply(c.id()),
                broker,
                c.address(),
                messages,
                c.title(),
                c.description(),
                c.external(),
                deadLetter,
                settings,
                c.compatibility(),
                c.signing(),
                c.extensions());
    }
}
