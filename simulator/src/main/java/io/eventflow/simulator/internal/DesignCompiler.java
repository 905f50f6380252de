package io.eventflow.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.design.Arrival;
import io.eventflow.model.design.ArrivalKind;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.CommitMode;
import io.eventflow.model.design.DeliveryGuarantee;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.ExactlyOnceMechanism;
import io.eventflow.model.design.Limits;
import io.eventflow.model.design.ProducerSettings;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.RequestReply;
import io.eventflow.model.design.RetryPolicy;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Signing;
import io.eventflow.model.design.StartFrom;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.schema.MessageSize;
import io.eventflow.simulator.random.Backoff;
import io.eventflow.simulator.random.Delay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resolves a design into a {@link Plan}: defaults applied, durations in nanoseconds, unsupported kinds refused. */
public final class DesignCompiler {
    /** Defaults for what the design format has no key for yet (overridable with {@code x-} keys). */
    public static final long DEFAULT_FAILOVER = 2_000_000_000L;

    public static final long DEFAULT_REPLICATION_LAG = 10_000_000L;
    public static final long DEFAULT_REBALANCE_PAUSE = 0L;
    private static final Pattern KEYS = Pattern.compile("\\s*(?:uniform\\s*\\(\\s*)?([0-9]+)\\s*\\)?\\s*");

    private final Design design;
    private final List<String> problems = new ArrayList<>();

    private DesignCompiler(Design design) {
        this.design = design;
    }

    /**
     * The plan of {@code design}, whose brokers must be of kinds {@code runtimes} runs.
     *
     * @throws DesignProblems naming every element the simulator cannot run
     */
    public static Plan compile(Design design, BrokerKindProvider.Registry runtimes) {
        DesignCompiler c = new DesignCompiler(design);
        Plan plan = c.run(runtimes);
        if (!c.problems.isEmpty()) {
            throw new DesignProblems(c.problems);
        }
        return plan;
    }

    private Plan run(BrokerKindProvider.Registry runtimes) {
        List<Plan.Broker> brokers = new ArrayList<>();
        for (Broker b : design.brokers()) {
            if (runtimes.find(b.kind()).isEmpty()) {
                problems.add("broker '" + b.id() + "' is of kind " + b.kind().key() + ", which the simulator does not"
                        + " model yet (supported: " + String.join(", ", runtimes.supported()) + ")");
                continue;
            }
            brokers.add(new Plan.Broker(
                    b.id(),
                    b.kind().key(),
                    b.nodeCount(),
                    span(b.failoverTime(), b.extensions(), "x-failoverTime", DEFAULT_FAILOVER),
                    span(b.replicationLag(), b.extensions(), "x-replicationLag", DEFAULT_REPLICATION_LAG),
                    b));
        }
        List<Plan.Channel> channels = new ArrayList<>();
        for (Channel c : design.channels()) {
            if (brokers.stream().noneMatch(b -> b.id().equals(c.broker()))) {
                if (design.broker(c.broker()).isEmpty()) {
                    problems.add("channel '" + c.id() + "' names broker '" + c.broker() + "', which does not exist");
                }
                continue;
            }
            channels.add(channel(c));
        }
        List<Plan.Service> services = new ArrayList<>();
        for (Service s : design.services()) {
            services.add(service(s, channels));
        }
        double total = messagesPerSecond(services);
        if (total > Limits.MAX_MESSAGES_PER_SECOND) {
            problems.add("this design would create " + Limits.format(total) + " messages per simulated second; the"
                    + " limit is " + Limits.format(Limits.MAX_MESSAGES_PER_SECOND)
                    + " (lower the rates or the instances)");
        }
        return new Plan(design.name(), brokers, channels, services);
    }

    /**
     * The most messages the services create per simulated second on their own (publications at their highest rate,
     * ramps included, and requests; times instances). Messages published per processed message are not counted: they
     * follow from these.
     */
    public static double messagesPerSecond(List<Plan.Service> services) {
        double total = 0;
        for (Plan.Service s : services) {
            double perInstance = 0;
            for (Plan.Publication p : s.publishes()) {
                if (!p.perProcessed()) {
                    perInstance += Math.max(p.ratePerSecond(), p.shape().rampTo());
                }
            }
            for (Plan.Request r : s.requests()) {
                perInstance += r.ratePerSecond();
            }
            total += perInstance * s.instances();
        }
        return total;
    }

    private Plan.Channel channel(Channel c) {
        return new Plan.Channel(c.id(), c.broker(), c.deadLetter(), c);
    }

    private Plan.Service service(Service s, List<Plan.Channel> channels) {
        List<Plan.Publication> pubs = new ArrayList<>();
        List<Plan.Subscription> subs = new ArrayList<>();
        List<Plan.Request> reqs = new ArrayList<>();
        for (Publication p : s.publishes()) {
            if (known(channels, p.channel(), "service '" + s.id() + "' publishes on")) {
                pubs.add(publication(s, p));
            }
        }
        for (Subscription sub : s.subscribes()) {
            if (!known(channels, sub.channel(), "service '" + s.id() + "' subscribes to")) {
                continue;
            }
            subs.add(subscription(s, sub));
            if (sub.reply() != null && known(channels, sub.reply().channel(), "service '" + s.id() + "' replies on")) {
                pubs.add(new Plan.Publication(
                        sub.reply().channel(),
                        sub.reply().message(),
                        true,
                        sub.channel(),
                        0,
                        Plan.Arrival.CONSTANT,
                        0,
                        null,
                        size(sub.reply().message(), sub.reply().channel()),
                        Plan.Shape.STEADY,
                        null,
                        signed(sub.reply().message(), sub.reply().channel())));
            }
        }
        for (RequestReply r : s.requests()) {
            if (!known(channels, r.channel(), "service '" + s.id() + "' sends requests on")
                    || !known(channels, r.replyChannel(), "service '" + s.id() + "' awaits replies on")) {
                continue;
            }
            reqs.add(new Plan.Request(
                    r.channel(),
                    r.replyChannel(),
                    r.rate() == null ? 0 : r.rate().perSecond(),
                    arrival(r.arrival()),
                    r.timeoutOrDefault().nanos(),
                    retry(r.retry()),
                    size(r.message(), r.channel())));
            subs.add(replyListener(s, r));
        }
        ProducerSettings ps = s.producerOrDefault();
        Plan.Producer producer = new Plan.Producer(
                Plan.Acks.valueOf(ps.acksOrDefault().name()),
                ps.isIdempotent() || ps.isTransactional(),
                ps.retry() == null ? Plan.Retry.NONE : retry(ps.retry()),
                30_000_000_000L);
        return new Plan.Service(s.id(), s.instanceCount(), pubs, subs, producer, reqs);
    }

    private boolean known(List<Plan.Channel> channels, String id, String what) {
        if (channels.stream().anyMatch(c -> c.id().equals(id))) {
            return true;
        }
        Channel c = design.channel(id).orElse(null);
        if (c == null) {
            problems.add(what + " channel '" + id + "', which does not exist");
        } else if (design.broker(c.broker()).isPresent()) {
            problems.add(what + " channel '" + id + "' on broker '" + c.broker() + "' ("
                    + design.broker(c.broker()).get().kind().key() + "), which the simulator does not model yet");
        }
        return false;
    }

    private Plan.Publication publication(Service s, Publication p) {
        int keys = 0;
        if (p.keys() != null) {
            Matcher m = KEYS.matcher(p.keys());
            // More than 9 digits is more keys than an int holds (and than Long.parseLong takes from 19 digits on).
            keys = !m.matches() ? 1000 : m.group(1).length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(m.group(1));
        } else if (p.key() != null) {
            keys = 1000;
        }
        Arrival a = p.arrivalOrDefault();
        Plan.Shape shape = Plan.Shape.STEADY;
        if (a.kind() == ArrivalKind.BURSTS) {
            shape = new Plan.Shape(nanos(a.on(), 1_000_000_000L), nanos(a.off(), 1_000_000_000L), -1, 0);
        } else if (a.kind() == ArrivalKind.RAMP) {
            shape = new Plan.Shape(0, 0, a.to() == null ? 0 : a.to().perSecond(), nanos(a.over(), 60_000_000_000L));
        }
        double rate = p.rate() == null ? 0 : p.rate().perSecond();
        if (a.kind() == ArrivalKind.RAMP && a.from() != null) {
            rate = a.from().perSecond();
        }
        return new Plan.Publication(
                p.channel(),
                p.message(),
                p.isChained(),
                p.from(),
                rate,
                arrival(a),
                keys,
                p.routingKey(),
                size(p.message(), p.channel()),
                shape,
                p,
                signed(p.message(), p.channel()));
    }

    /** The signing cost of a message on a channel (the channel's first message when none is named), null if unsigned. */
    private Plan.Signed signed(String messageId, String channelId) {
        Channel c = design.channel(channelId).orElse(null);
        String id = messageId != null || c == null || c.messages().isEmpty()
                ? messageId
                : c.messages().get(0);
        Signing s = Signing.effective(id == null ? null : design.message(id).orElse(null), c);
        if (s == null) {
            return null;
        }
        int bytes = size(messageId, channelId);
        return new Plan.Signed(SigningCosts.signNanos(s, bytes), SigningCosts.verifyNanos(s, bytes), s);
    }

    private static Plan.Arrival arrival(Arrival a) {
        return a != null && a.kind() == ArrivalKind.POISSON ? Plan.Arrival.POISSON : Plan.Arrival.CONSTANT;
    }

    private int size(String messageId, String channelId) {
        String id = messageId;
        if (id == null) {
            id = design.channel(channelId)
                    .map(c -> c.messages().isEmpty() ? null : c.messages().get(0))
                    .orElse(null);
        }
        // the one place a message's size is decided: typed, else measured from its schema's example, else 1 KiB
        return id == null
                ? (int) MessageSize.DEFAULT_BYTES
                : (int) Math.min(
                        Integer.MAX_VALUE,
                        design.message(id)
                                .map(m -> MessageSize.of(m).bytes())
                                .orElse(MessageSize.DEFAULT_BYTES)
                                .longValue());
    }

    private Plan.Subscription subscription(Service s, Subscription sub) {
        span(
                sub.extensions(),
                "x-pollInterval",
                0); // checked here (a bad value is a problem); the polling kind's runtime reads it
        DeliveryGuarantee d = sub.deliveryOrDefault();
        CommitMode mode = sub.commit() == null || sub.commit().mode() == null
                ? null
                : sub.commit().mode();
        Plan.Guarantee g =
                switch (d) {
                    case AT_MOST_ONCE -> Plan.Guarantee.AT_MOST_ONCE;
                    case EXACTLY_ONCE -> Plan.Guarantee.EXACTLY_ONCE;
                    case AT_LEAST_ONCE -> mode == CommitMode.BEFORE_PROCESSING
                            ? Plan.Guarantee.AT_MOST_ONCE
                            : Plan.Guarantee.AT_LEAST_ONCE;
                };
        Plan.CommitMode cm = mode == CommitMode.AUTO ? Plan.CommitMode.AUTO : Plan.CommitMode.AFTER_PROCESSING;
        long interval = sub.commit() == null
                ? 5_000_000_000L
                : sub.commit().intervalOrDefault().nanos();
        return new Plan.Subscription(
                sub.channel(),
                sub.groupOr(s.id()),
                delay(sub.processingOrDefault()),
                sub.concurrencyOrDefault(),
                sub.prefetch() == null ? Math.max(1, sub.concurrencyOrDefault()) : sub.prefetch(),
                g,
                sub.mechanism() == ExactlyOnceMechanism.TRANSACTIONAL,
                cm,
                interval,
                sub.retry() == null ? Plan.Retry.NONE : retry(sub.retry()),
                sub.deadLetter(),
                sub.startFromOrDefault() == StartFrom.EARLIEST,
                span(sub.rebalancePause(), sub.extensions(), "x-rebalancePause", DEFAULT_REBALANCE_PAUSE),
                sub.reply() == null ? null : sub.reply().channel(),
                sub.dedupWindow() == null ? Plan.NONE : sub.dedupWindow().nanos(),
                sub);
    }

    private Plan.Subscription replyListener(Service s, RequestReply r) {
        return new Plan.Subscription(
                r.replyChannel(),
                s.id(),
                Delay.constant(0),
                1,
                1,
                Plan.Guarantee.AT_LEAST_ONCE,
                false,
                Plan.CommitMode.AFTER_PROCESSING,
                0,
                Plan.Retry.NONE,
                null,
                false,
                0,
                null,
                Plan.NONE,
                null);
    }

    static Plan.Retry retry(RetryPolicy r) {
        if (r == null) {
            return Plan.Retry.NONE;
        }
        long initial = r.initialOrDefault().nanos();
        long max = Math.max(initial, r.maxOrDefault().nanos());
        boolean exp = r.backoffOrDefault() == io.eventflow.model.design.Backoff.EXPONENTIAL;
        Backoff b = new Backoff(
                exp,
                initial,
                max,
                exp ? Math.max(1, r.multiplierOrDefault()) : 1,
                Backoff.Jitter.valueOf(r.jitterOrDefault().name()));
        return new Plan.Retry(Math.max(1, r.attempts()), b);
    }

    /** The processing-time distribution as a sampler. */
    public static Delay delay(Distribution d) {
        double mean = d.meanNanos();
        double sd = d.stddev() == null ? 0 : d.stddev().nanos();
        return switch (d.kindOrDefault()) {
            case CONSTANT -> Delay.constant(Math.round(mean));
            case EXPONENTIAL -> mean > 0 ? new Delay.Exponential(mean) : Delay.constant(0);
            case UNIFORM -> new Delay.Uniform(
                    d.min() == null ? 0 : d.min().nanos(),
                    d.max() == null ? Math.round(2 * mean) : d.max().nanos());
            case NORMAL -> new Delay.Normal(mean, sd);
            case LOGNORMAL -> mean > 0 ? new Delay.LogNormal(mean, sd) : Delay.constant(0);
        };
    }

    private static long nanos(TimeSpan t, long dflt) {
        return t == null ? dflt : t.nanos();
    }

    /** The documented key's value, else its old {@code x-} spelling's, else the default. */
    private long span(TimeSpan value, Map<String, JsonNode> ext, String oldKey, long dflt) {
        return value != null ? value.nanos() : span(ext, oldKey, dflt);
    }

    /** A duration kept in an {@code x-} key (a duration, or seconds); a bad value is a problem and gives the default. */
    private long span(Map<String, JsonNode> ext, String key, long dflt) {
        JsonNode n = ext == null ? null : ext.get(key);
        if (n == null) {
            return dflt;
        }
        try {
            // A bare number is seconds; TimeSpan.parse refuses negative and too long durations.
            return TimeSpan.parse(n.isValueNode() ? n.asText() : "").nanos();
        } catch (IllegalArgumentException e) {
            problems.add(key + " " + n + " is not a duration (write e.g. 500ms or 2s): " + e.getMessage());
            return dflt;
        }
    }
}
