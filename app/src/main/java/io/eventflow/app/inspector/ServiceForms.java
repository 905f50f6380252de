package io.eventflow.app.inspector;

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
import io.eventflow.model.design.EdgeId;
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
import java.util.function.UnaryOperator;

/** Forms for services and their edges (publications and subscriptions). */
final class ServiceForms {
    private ServiceForms() {}

    static void service(Form f, InspectorViewModel vm, Design d, Service s) {
        String id = s.id();
        f.section(
                switch (s.role()) {
                    case PRODUCER -> "Producer";
                    case CONSUMER -> "Consumer";
                    case SERVICE -> "Service (consumes and publishes)";
                });
        f.text("Id", id, Parsers.uniqueId(d, id), v -> vm.rename(id, v));
        f.text("Title", s.title(), Parsers.TEXT, v -> vm.editService(id, "title", x -> x.withTitle(v)));
        f.text(
                "Description",
                s.description(),
                Parsers.TEXT,
                v -> vm.editService(id, "description", x -> x.withDescription(v)));
        f.text(
                "Instances",
                s.instances(),
                Parsers.POSITIVE_INT,
                v -> vm.editService(id, "instances", x -> x.withInstances(v)));
        f.check("External", s.external(), v -> vm.editService(id, "external", x -> x.withExternal(v)));
        if (!s.publishes().isEmpty() || !s.requests().isEmpty()) {
            ProducerSettings p = s.producer() == null ? ProducerSettings.EMPTY : s.producer();
            f.section("Producer");
            f.choice(
                    "Acks",
                    Acks.values(),
                    p.acks(),
                    v -> vm.editService(id, "producer", x -> x.withProducer(p.withAcks(v))));
            f.check(
                    "Idempotent",
                    p.idempotent(),
                    v -> vm.editService(id, "producer", x -> x.withProducer(p.withIdempotent(v))));
            f.check(
                    "Transactional",
                    p.transactional(),
                    v -> vm.editService(id, "producer", x -> x.withProducer(p.withTransactional(v))));
            retry(f, p.retry(), r -> vm.editService(id, "producer", x -> x.withProducer(p.withRetry(r))));
        }
        f.section("Publishes");
        s.publishes()
                .forEach(p -> f.link(
                        "→ " + p.channel() + (p.message() == null ? "" : "  ·  " + p.message()),
                        () -> vm.select(EdgeId.publish(id, p.channel()).key())));
        f.section("Subscribes");
        s.subscribes()
                .forEach(x -> f.link(
                        "← " + x.channel() + "  ·  group " + x.groupOr(id),
                        () -> vm.select(EdgeId.subscribe(id, x.channel()).key())));
        RequestForms.requests(f, vm, d, s);
        ChannelForms.notes(f, vm, d, id);
    }

    private static String[] channelIds(Design d) {
        return d.channels().stream().map(Channel::id).toArray(String[]::new);
    }

    static void edge(Form f, InspectorViewModel vm, Design d, InspectorViewModel.EdgeSubject e) {
        String svc = e.service().id();
        if (e.publication() != null) {
            Publication p = e.publication();
            String ch = p.channel();
            f.section("Publishes: " + svc + " → " + ch);
            // The channel itself can be changed here: this is how a dangling reference (a typo) is fixed in place.
            f.reference("Channel", channelIds(d), ch, v -> {
                if (v != null && !v.equals(ch)) {
                    vm.editPublication(svc, ch, "channel", x -> x.withChannel(v));
                    vm.select(EdgeId.publish(svc, v).key());
                }
            });
            f.reference(
                    "Message",
                    d.messages().stream().map(MessageType::id).toArray(String[]::new),
                    p.message(),
                    v -> vm.editPublication(svc, ch, "message", x -> x.withMessage(v)));
            f.choice(
                    "Trigger",
                    new String[] {"processed"},
                    p.per(),
                    v -> vm.editPublication(svc, ch, "trigger", x -> x.withPer(v)));
            f.text("Rate", p.rate(), Parsers.RATE, v -> vm.editPublication(svc, ch, "rate", x -> x.withRate(v)));
            Arrival a = p.arrival();
            f.choice(
                    "Arrival",
                    ArrivalKind.values(),
                    a == null ? null : a.kind(),
                    v -> vm.editPublication(
                            svc,
                            ch,
                            "arrival",
                            x -> x.withArrival(v == null ? null : (a == null ? Arrival.EMPTY : a).withKind(v))));
            arrivalDetails(f, vm, svc, ch, a);
            f.choice(
                    "From",
                    e.service().subscribes().stream().map(Subscription::channel).toArray(String[]::new),
                    p.from(),
                    v -> vm.editPublication(svc, ch, "from", x -> x.withFrom(v)));
            f.text("Key field", p.key(), Parsers.TEXT, v -> vm.editPublication(svc, ch, "key", x -> x.withKey(v)));
            f.text("Key values", p.keys(), Parsers.TEXT, v -> vm.editPublication(svc, ch, "keys", x -> x.withKeys(v)));
            f.text(
                    "Routing key",
                    p.routingKey(),
                    Parsers.TEXT,
                    v -> vm.editPublication(svc, ch, "routing key", x -> x.withRoutingKey(v)));
            KindForms.publication(f, vm, d, svc, p);
        }
        if (e.subscription() != null) {
            subscription(f, vm, d, svc, e.subscription());
        }
        f.link("Open service " + svc, () -> vm.select(svc));
    }

    /** On/off periods of bursts, start and end rate and duration of a ramp: shown for that kind of arrival. */
    private static void arrivalDetails(Form f, InspectorViewModel vm, String svc, String ch, Arrival a) {
        if (a == null || (a.kind() != ArrivalKind.BURSTS && a.kind() != ArrivalKind.RAMP)) {
            return;
        }
        java.util.function.BiConsumer<String, UnaryOperator<Arrival>> edit =
                (what, change) -> vm.editPublication(svc, ch, "arrival " + what, x -> withArrival(x, change));
        if (a.kind() == ArrivalKind.BURSTS) {
            f.text("Burst on", a.on(), Parsers.DURATION, v -> edit.accept("on", x -> x.withOn(v)));
            f.text("Burst off", a.off(), Parsers.DURATION, v -> edit.accept("off", x -> x.withOff(v)));
        } else {
            f.text("Ramp from", a.from(), Parsers.RATE, v -> edit.accept("from", x -> x.withFrom(v)));
            f.text("Ramp to", a.to(), Parsers.RATE, v -> edit.accept("to", x -> x.withTo(v)));
            f.text("Ramp over", a.over(), Parsers.DURATION, v -> edit.accept("over", x -> x.withOver(v)));
        }
    }

    /** The publication with its arrival process changed (an empty one when it has none yet). */
    static Publication withArrival(Publication p, UnaryOperator<Arrival> change) {
        return p.withArrival(change.apply(p.arrival() == null ? Arrival.EMPTY : p.arrival()));
    }

    private static void subscription(Form f, InspectorViewModel vm, Design d, String svc, Subscription x) {
        String ch = x.channel();
        f.section("Subscribes: " + ch + " → " + svc);
        f.reference("Channel", channelIds(d), ch, v -> {
            if (v != null && !v.equals(ch)) {
                vm.editSubscription(svc, ch, "channel", s -> s.withChannel(v));
                vm.select(EdgeId.subscribe(svc, v).key());
            }
        });
        f.text(
                "Group",
                x.group(),
                svc + " (the service id)",
                Parsers.ID,
                v -> vm.editSubscription(svc, ch, "group", s -> s.withGroup(v)));
        f.choice(
                "Start from",
                StartFrom.values(),
                x.startFrom(),
                v -> vm.editSubscription(svc, ch, "start", s -> s.withStartFrom(v)));
        f.choice(
                "Delivery",
                DeliveryGuarantee.values(),
                x.delivery(),
                v -> vm.editSubscription(svc, ch, "delivery", s -> s.withDelivery(v)));
        f.choice(
                "Exactly-once via",
                ExactlyOnceMechanism.values(),
                x.mechanism(),
                v -> vm.editSubscription(svc, ch, "mechanism", s -> s.withMechanism(v)));
        f.text(
                "Dedup window",
                x.dedupWindow(),
                Parsers.DURATION,
                v -> vm.editSubscription(svc, ch, "dedup window", s -> s.withDedupWindow(v)));
        Distribution pr = x.processing() == null ? Distribution.EMPTY : x.processing();
        f.choice(
                "Processing",
                DistributionKind.values(),
                pr.kind(),
                v -> vm.editSubscription(svc, ch, "processing", s -> s.withProcessing(pr.withKind(v))));
        f.text(
                "Mean time",
                pr.mean(),
                Parsers.DURATION,
                v -> vm.editSubscription(svc, ch, "processing", s -> s.withProcessing(pr.withMean(v))));
        f.text(
                "Std deviation",
                pr.stddev(),
                Parsers.DURATION,
                v -> vm.editSubscription(svc, ch, "processing", s -> s.withProcessing(pr.withStddev(v))));
        f.text(
                "Concurrency",
                x.concurrency(),
                Parsers.POSITIVE_INT,
                v -> vm.editSubscription(svc, ch, "concurrency", s -> s.withConcurrency(v)));
        f.text(
                "Prefetch",
                x.prefetch(),
                Parsers.POSITIVE_INT,
                v -> vm.editSubscription(svc, ch, "prefetch", s -> s.withPrefetch(v)));
        CommitPolicy cp = x.commit() == null ? CommitPolicy.EMPTY : x.commit();
        f.choice(
                "Commit",
                CommitMode.values(),
                cp.mode(),
                v -> vm.editSubscription(svc, ch, "commit", s -> s.withCommit(cp.withMode(v))));
        f.text(
                "Commit interval",
                cp.interval(),
                Parsers.DURATION,
                v -> vm.editSubscription(svc, ch, "commit", s -> s.withCommit(cp.withInterval(v))));
        retry(f, x.retry(), r -> vm.editSubscription(svc, ch, "retry", s -> s.withRetry(r)));
        String[] channels = d.channels().stream().map(Channel::id).toArray(String[]::new);
        f.reference(
                "Dead letter",
                channels,
                x.deadLetter(),
                v -> vm.editSubscription(svc, ch, "dead letter", s -> s.withDeadLetter(v)));
        KindForms.subscription(f, vm, d, svc, x);
        SigningRows.verify(f, x, v -> vm.editSubscription(svc, ch, "verify", s -> s.withVerify(v)));
        f.text(
                "Max downtime",
                x.maxDowntime(),
                Parsers.DURATION,
                v -> vm.editSubscription(svc, ch, "max downtime", s -> s.withMaxDowntime(v)));
    }

    private static void retry(Form f, RetryPolicy retry, Consumer<RetryPolicy> commit) {
        RetryPolicy r = retry == null ? RetryPolicy.EMPTY : retry;
        f.text("Retry attempts", r.maxAttempts(), Parsers.NON_NEGATIVE_INT, v -> commit.accept(r.withMaxAttempts(v)));
        f.choice("Backoff", Backoff.values(), r.backoff(), v -> commit.accept(r.withBackoff(v)));
        f.text("First wait", r.initial(), Parsers.DURATION, v -> commit.accept(r.withInitial(v)));
        f.text("Longest wait", r.max(), Parsers.DURATION, v -> commit.accept(r.withMax(v)));
        f.choice("Jitter", Jitter.values(), r.jitter(), v -> commit.accept(r.withJitter(v)));
    }
}
