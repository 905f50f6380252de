package io.eventflow.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.design.Acks;
import io.eventflow.model.design.Arrival;
import io.eventflow.model.design.ArrivalKind;
import io.eventflow.model.design.Backoff;
import io.eventflow.model.design.CommitMode;
import io.eventflow.model.design.CommitPolicy;
import io.eventflow.model.design.DeliveryGuarantee;
import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.DistributionKind;
import io.eventflow.model.design.ExactlyOnceMechanism;
import io.eventflow.model.design.Isolation;
import io.eventflow.model.design.Jitter;
import io.eventflow.model.design.ProducerSettings;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Reply;
import io.eventflow.model.design.RequestReply;
import io.eventflow.model.design.RetryPolicy;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.StartFrom;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import java.util.ArrayList;
import java.util.List;

/** Reads the services of a design file: publications, subscriptions, requests and their policies. */
final class ServiceReader {
    private ServiceReader() {}

    static Service service(Fields f) {
        String id = DesignReader.id(f, "service");
        List<Publication> pubs = new ArrayList<>();
        for (Fields p : f.objects("publishes", n -> id)) {
            if (p != null) {
                pubs.add(publication(p));
            }
        }
        List<Subscription> subs = new ArrayList<>();
        for (Fields s : f.objects("subscribes", n -> id)) {
            if (s != null) {
                subs.add(subscription(s));
            }
        }
        List<RequestReply> reqs = new ArrayList<>();
        for (Fields r : f.objects("requests", n -> id)) {
            if (r != null) {
                reqs.add(request(r));
            }
        }
        Fields prod = f.object("producer", id);
        ProducerSettings producer = null;
        if (prod != null) {
            producer = new ProducerSettings(
                    prod.keyed("acks", Acks.class, "producer acks"),
                    prod.bool("idempotent"),
                    prod.bool("transactional"),
                    retry(prod.object("retry", id)),
                    prod.extensions());
            prod.rejectUnknown();
        }
        Service s = new Service(
                id,
                f.str("title"),
                f.str("description"),
                f.integer("instances"),
                pubs,
                subs,
                producer,
                reqs,
                f.bool("external"),
                f.extensions());
        f.rejectUnknown();
        return s;
    }

    static Publication publication(Fields f) {
        String channel = required(f, "channel", "publication");
        Publication p = new Publication(
                channel,
                f.str("message"),
                f.rate("rate"),
                arrival(f),
                f.str("key"),
                f.str("keys"),
                f.str("per"),
                f.str("from"),
                f.str("routingKey"),
                f.bool("will"),
                f.timeSpan("transaction"),
                f.number("rollbackPercent"),
                f.extensions());
        if (p.per() != null && !p.isChained()) {
            f.error("per", "'per' must be 'processed'", "write per: processed to publish once per processed message");
        }
        f.rejectUnknown();
        return p;
    }

    static String required(Fields f, String key, String what) {
        String v = f.str(key);
        if (v == null) {
            f.error(null, "this " + what + " has no '" + key + "'", null);
            return "(none)";
        }
        return v;
    }

    static Arrival arrival(Fields f) {
        JsonNode v = f.node().get("arrival");
        if (v == null || v.isNull()) {
            f.raw("arrival");
            return null;
        }
        if (v.isValueNode()) {
            ArrivalKind kind = f.keyed("arrival", ArrivalKind.class, "arrival process");
            return kind == null ? null : new Arrival(kind, null, null, null, null, null);
        }
        Fields a = f.object("arrival", f.element());
        if (a == null) {
            return null;
        }
        ArrivalKind kind = a.keyed("kind", ArrivalKind.class, "arrival process");
        Arrival arrival = new Arrival(
                kind == null ? ArrivalKind.CONSTANT : kind,
                a.timeSpan("on"),
                a.timeSpan("off"),
                a.rate("from"),
                a.rate("to"),
                a.timeSpan("over"),
                a.extensions());
        a.rejectUnknown();
        return arrival;
    }

    static RetryPolicy retry(Fields f) {
        if (f == null) {
            return null;
        }
        Integer attempts = f.integer("maxAttempts");
        if (attempts != null && attempts < 0) {
            f.error("maxAttempts", "'maxAttempts' cannot be negative", null);
            attempts = null;
        }
        RetryPolicy r = new RetryPolicy(
                attempts,
                f.keyed("backoff", Backoff.class, "backoff"),
                f.timeSpan("initial"),
                f.timeSpan("max"),
                f.number("multiplier"),
                f.keyed("jitter", Jitter.class, "jitter"),
                f.extensions());
        f.rejectUnknown();
        return r;
    }

    static Subscription subscription(Fields f) {
        String channel = required(f, "channel", "subscription");
        Distribution processing = distribution(f, "processing");
        Fields c = f.object("commit", f.element());
        CommitPolicy commit = null;
        if (c != null) {
            commit = new CommitPolicy(
                    c.keyed("mode", CommitMode.class, "commit mode"), c.timeSpan("interval"), c.extensions());
            c.rejectUnknown();
        }
        Fields r = f.object("reply", f.element());
        Reply reply = null;
        if (r != null) {
            reply = new Reply(r.str("channel"), r.str("message"), r.extensions());
            r.rejectUnknown();
        }
        Subscription s = new Subscription(
                channel,
                f.str("group"),
                f.keyed("startFrom", StartFrom.class, "start position"),
                processing,
                f.integer("concurrency"),
                f.integer("prefetch"),
                f.keyed("delivery", DeliveryGuarantee.class, "delivery guarantee"),
                f.keyed("mechanism", ExactlyOnceMechanism.class, "exactly-once mechanism"),
                f.timeSpan("dedupWindow"),
                commit,
                retry(f.object("retry", f.element())),
                f.str("deadLetter"),
                f.integer("qos"),
                reply,
                f.timeSpan("maxDowntime"),
                f.bool("durable"),
                f.timeSpan("sessionExpiry"),
                f.integer("receiveMaximum"),
                f.timeSpan("claimIdle"),
                f.keyed("isolation", Isolation.class, "isolation level"),
                f.timeSpan("rebalancePause"),
                f.bool("verify"),
                f.extensions());
        f.rejectUnknown();
        return s;
    }

    static Distribution distribution(Fields f, String key) {
        JsonNode v = f.node().get(key);
        if (v == null || v.isNull()) {
            f.raw(key);
            return null;
        }
        if (v.isValueNode()) {
            TimeSpan t = f.timeSpan(key);
            return t == null ? null : new Distribution(null, t, null, null, null);
        }
        Fields d = f.object(key, f.element());
        if (d == null) {
            return null;
        }
        Distribution dist = new Distribution(
                d.keyed("distribution", DistributionKind.class, "distribution"),
                d.timeSpan("mean"),
                d.timeSpan("stddev"),
                d.timeSpan("min"),
                d.timeSpan("max"),
                d.extensions());
        d.rejectUnknown();
        return dist;
    }

    static RequestReply request(Fields f) {
        String channel = required(f, "channel", "request");
        RequestReply r = new RequestReply(
                channel,
                f.str("message"),
                f.str("replyChannel"),
                f.str("replyMessage"),
                f.rate("rate"),
                arrival(f),
                f.timeSpan("timeout"),
                retry(f.object("retry", f.element())),
                f.extensions());
        f.rejectUnknown();
        return r;
    }
}
