package io.eventflow.app.inspector;

import io.eventflow.app.canvas.EdgeRef;
import io.eventflow.model.design.Acks;
import io.eventflow.model.design.Arrival;
import io.eventflow.model.design.ArrivalKind;
import io.eventflow.model.design.Backoff;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.CommitMode;
import io.eventflow.model.design.CommitPolicy;
import io.eventflow.model.design.DeliveryGuarantee;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.DistributionKind;
import io.eventflow.model.design.ExactlyOnceMechanism;
import io.eventflow.model.design.Jitter;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.ProducerSettings;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.RetryPolicy;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.StartFrom;
import io.eventflow.model.design.Subscription;
import java.util.function.Consumer;

/** Forms for services and their edges (publications and subscriptions). */
final class ServiceForms {
    private ServiceForms() {}

    static Form service(InspectorViewModel vm, Design d, Service s) {
        Form f = new Form();
        String id = s.id();
        f.section(
                switch (s.role()) {
                    case PRODUCER -> "Producer";
                    case CONSUMER -> "Consumer";
                    case SERVICE -> "Service (consumes and publishes)";
                });
        f.text("Id", id, Parsers.uniqueId(d, id), v -> vm.editElement(id, "id", v));
        f.text("Title", s.title(), Parsers.TEXT, v -> vm.editElement(id, "title", v));
        f.text("Description", s.description(), Parsers.TEXT, v -> vm.editElement(id, "description", v));
        f.text("Instances", s.instances(), Parsers.POSITIVE_INT, v -> vm.editElement(id, "instances", v));
        f.check("External", s.external(), v -> vm.editElement(id, "external", v));
        if (!s.publishes().isEmpty() || !s.requests().isEmpty()) {
            ProducerSettings p = Records.orEmpty(s.producer(), ProducerSettings.class);
            f.section("Producer");
            f.choice("Acks", Acks.values(), p.acks(), v -> vm.editElement(id, "producer", Records.with(p, "acks", v)));
            f.check(
                    "Idempotent",
                    p.idempotent(),
                    v -> vm.editElement(id, "producer", Records.with(p, "idempotent", v)));
            f.check(
                    "Transactional",
                    p.transactional(),
                    v -> vm.editElement(id, "producer", Records.with(p, "transactional", v)));
            retry(f, p.retry(), r -> vm.editElement(id, "producer", Records.with(p, "retry", r)));
        }
        f.section("Publishes");
        s.publishes()
                .forEach(p -> f.link(
                        "→ " + p.channel() + (p.message() == null ? "" : "  ·  " + p.message()),
                        () -> vm.select(new EdgeRef(EdgeRef.Kind.PUBLISH, id, p.channel(), "").id())));
        f.section("Subscribes");
        s.subscribes()
                .forEach(x -> f.link(
                        "← " + x.channel() + "  ·  group " + x.groupOr(id),
                        () -> vm.select(new EdgeRef(EdgeRef.Kind.SUBSCRIBE, id, x.channel(), "").id())));
        RequestForms.requests(f, vm, d, s);
        ChannelForms.notes(f, vm, d, id);
        return f;
    }

    private static String[] channelIds(Design d) {
        return d.channels().stream().map(Channel::id).toArray(String[]::new);
    }

    static Form edge(InspectorViewModel vm, Design d, InspectorViewModel.EdgeSubject e) {
        Form f = new Form();
        String svc = e.service().id();
        if (e.publication() != null) {
            Publication p = e.publication();
            String ch = p.channel();
            f.section("Publishes: " + svc + " → " + ch);
            // The channel itself can be changed here: this is how a dangling reference (a typo) is fixed in place.
            f.reference("Channel", channelIds(d), ch, v -> {
                if (v != null && !v.equals(ch)) {
                    vm.editPublication(svc, ch, "channel", x -> Records.with(x, "channel", v));
                    vm.select(new EdgeRef(EdgeRef.Kind.PUBLISH, svc, v, "").id());
                }
            });
            f.reference(
                    "Message",
                    d.messages().stream().map(MessageType::id).toArray(String[]::new),
                    p.message(),
                    v -> vm.editPublication(svc, ch, "message", x -> Records.with(x, "message", v)));
            f.choice(
                    "Trigger",
                    new String[] {"processed"},
                    p.per(),
                    v -> vm.editPublication(svc, ch, "trigger", x -> Records.with(x, "per", v)));
            f.text(
                    "Rate",
                    p.rate(),
                    Parsers.RATE,
                    v -> vm.editPublication(svc, ch, "rate", x -> Records.with(x, "rate", v)));
            Arrival a = p.arrival();
            f.choice(
                    "Arrival",
                    ArrivalKind.values(),
                    a == null ? null : a.kind(),
                    v -> vm.editPublication(
                            svc,
                            ch,
                            "arrival",
                            x -> Records.with(
                                    x,
                                    "arrival",
                                    v == null ? null : Records.with(Records.orEmpty(a, Arrival.class), "kind", v))));
            arrivalDetails(f, vm, svc, ch, a);
            f.choice(
                    "From",
                    e.service().subscribes().stream().map(Subscription::channel).toArray(String[]::new),
                    p.from(),
                    v -> vm.editPublication(svc, ch, "from", x -> Records.with(x, "from", v)));
            f.text(
                    "Key field",
                    p.key(),
                    Parsers.TEXT,
                    v -> vm.editPublication(svc, ch, "key", x -> Records.with(x, "key", v)));
            f.text(
                    "Key values",
                    p.keys(),
                    Parsers.TEXT,
                    v -> vm.editPublication(svc, ch, "keys", x -> Records.with(x, "keys", v)));
            f.text(
                    "Routing key",
                    p.routingKey(),
                    Parsers.TEXT,
                    v -> vm.editPublication(svc, ch, "routing key", x -> Records.with(x, "routingKey", v)));
            KindForms.publication(f, vm, d, svc, p);
        }
        if (e.subscription() != null) {
            subscription(f, vm, d, svc, e.subscription());
        }
        f.link("Open service " + svc, () -> vm.select(svc));
        return f;
    }

    /** On/off periods of bursts, start and end rate and duration of a ramp: shown for that kind of arrival. */
    private static void arrivalDetails(Form f, InspectorViewModel vm, String svc, String ch, Arrival a) {
        if (a == null || (a.kind() != ArrivalKind.BURSTS && a.kind() != ArrivalKind.RAMP)) {
            return;
        }
        Consumer<Object[]> edit =
                kv -> vm.editPublication(svc, ch, "arrival " + kv[0], x -> withArrival(x, (String) kv[0], kv[1]));
        if (a.kind() == ArrivalKind.BURSTS) {
            f.text("Burst on", a.on(), Parsers.DURATION, v -> edit.accept(new Object[] {"on", v}));
            f.text("Burst off", a.off(), Parsers.DURATION, v -> edit.accept(new Object[] {"off", v}));
        } else {
            f.text("Ramp from", a.from(), Parsers.RATE, v -> edit.accept(new Object[] {"from", v}));
            f.text("Ramp to", a.to(), Parsers.RATE, v -> edit.accept(new Object[] {"to", v}));
            f.text("Ramp over", a.over(), Parsers.DURATION, v -> edit.accept(new Object[] {"over", v}));
        }
    }

    /** The publication with one component of its arrival process changed. */
    static Publication withArrival(Publication p, String component, Object value) {
        return Records.with(p, "arrival", Records.with(Records.orEmpty(p.arrival(), Arrival.class), component, value));
    }

    private static void subscription(Form f, InspectorViewModel vm, Design d, String svc, Subscription x) {
        String ch = x.channel();
        f.section("Subscribes: " + ch + " → " + svc);
        f.reference("Channel", channelIds(d), ch, v -> {
            if (v != null && !v.equals(ch)) {
                vm.editSubscription(svc, ch, "channel", s -> s.withChannel(v));
                vm.select(new EdgeRef(EdgeRef.Kind.SUBSCRIBE, svc, v, "").id());
            }
        });
        f.text(
                "Group",
                x.group(),
                svc + " (the service id)",
                Parsers.ID,
                v -> vm.editSubscription(svc, ch, "group", s -> Records.with(s, "group", v)));
        f.choice(
                "Start from",
                StartFrom.values(),
                x.startFrom(),
                v -> vm.editSubscription(svc, ch, "start", s -> Records.with(s, "startFrom", v)));
        f.choice(
                "Delivery",
                DeliveryGuarantee.values(),
                x.delivery(),
                v -> vm.editSubscription(svc, ch, "delivery", s -> Records.with(s, "delivery", v)));
        f.choice(
                "Exactly-once via",
                ExactlyOnceMechanism.values(),
                x.mechanism(),
                v -> vm.editSubscription(svc, ch, "mechanism", s -> Records.with(s, "mechanism", v)));
        f.text(
                "Dedup window",
                x.dedupWindow(),
                Parsers.DURATION,
                v -> vm.editSubscription(svc, ch, "dedup window", s -> Records.with(s, "dedupWindow", v)));
        Distribution pr = Records.orEmpty(x.processing(), Distribution.class);
        f.choice(
                "Processing",
                DistributionKind.values(),
                pr.kind(),
                v -> vm.editSubscription(
                        svc, ch, "processing", s -> Records.with(s, "processing", Records.with(pr, "kind", v))));
        f.text(
                "Mean time",
                pr.mean(),
                Parsers.DURATION,
                v -> vm.editSubscription(
                        svc, ch, "processing", s -> Records.with(s, "processing", Records.with(pr, "mean", v))));
        f.text(
                "Std deviation",
                pr.stddev(),
                Parsers.DURATION,
                v -> vm.editSubscription(
                        svc, ch, "processing", s -> Records.with(s, "processing", Records.with(pr, "stddev", v))));
        f.text(
                "Concurrency",
                x.concurrency(),
                Parsers.POSITIVE_INT,
                v -> vm.editSubscription(svc, ch, "concurrency", s -> Records.with(s, "concurrency", v)));
        f.text(
                "Prefetch",
                x.prefetch(),
                Parsers.POSITIVE_INT,
                v -> vm.editSubscription(svc, ch, "prefetch", s -> Records.with(s, "prefetch", v)));
        CommitPolicy cp = Records.orEmpty(x.commit(), CommitPolicy.class);
        f.choice(
                "Commit",
                CommitMode.values(),
                cp.mode(),
                v -> vm.editSubscription(
                        svc, ch, "commit", s -> Records.with(s, "commit", Records.with(cp, "mode", v))));
        f.text(
                "Commit interval",
                cp.interval(),
                Parsers.DURATION,
                v -> vm.editSubscription(
                        svc, ch, "commit", s -> Records.with(s, "commit", Records.with(cp, "interval", v))));
        retry(f, x.retry(), r -> vm.editSubscription(svc, ch, "retry", s -> Records.with(s, "retry", r)));
        String[] channels = d.channels().stream().map(Channel::id).toArray(String[]::new);
        f.reference(
                "Dead letter",
                channels,
                x.deadLetter(),
                v -> vm.editSubscription(svc, ch, "dead letter", s -> s.withDeadLetter(v)));
        KindForms.subscription(f, vm, d, svc, x);
        f.text(
                "Max downtime",
                x.maxDowntime(),
                Parsers.DURATION,
                v -> vm.editSubscription(svc, ch, "max downtime", s -> Records.with(s, "maxDowntime", v)));
    }

    private static void retry(Form f, RetryPolicy retry, Consumer<RetryPolicy> commit) {
        RetryPolicy r = Records.orEmpty(retry, RetryPolicy.class);
        f.text(
                "Retry attempts",
                r.maxAttempts(),
                Parsers.NON_NEGATIVE_INT,
                v -> commit.accept(Records.with(r, "maxAttempts", v)));
        f.choice("Backoff", Backoff.values(), r.backoff(), v -> commit.accept(Records.with(r, "backoff", v)));
        f.text("First wait", r.initial(), Parsers.DURATION, v -> commit.accept(Records.with(r, "initial", v)));
        f.text("Longest wait", r.max(), Parsers.DURATION, v -> commit.accept(Records.with(r, "max", v)));
        f.choice("Jitter", Jitter.values(), r.jitter(), v -> commit.accept(Records.with(r, "jitter", v)));
    }
}
