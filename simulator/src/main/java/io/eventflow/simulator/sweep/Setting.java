package io.eventflow.simulator.sweep;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Rate;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.edit.DesignEdits;
import io.eventflow.model.kind.KindProfile;
import io.eventflow.model.kind.KindProfiles;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A design setting a sweep can vary, named as in the design file. Each one is a typed edit of the immutable design:
 * {@link #apply} returns a new design with the element's setting set to the value.
 */
public enum Setting {
    /** A service's {@code instances}. */
    INSTANCES("instances", Target.SERVICE, Kind.COUNT),
    /** A rate-driven publication's {@code rate}. */
    RATE("rate", Target.PUBLICATION, Kind.RATE),
    /** A subscription's {@code concurrency}. */
    CONCURRENCY("concurrency", Target.SUBSCRIPTION, Kind.COUNT),
    /** A subscription's {@code prefetch}. */
    PREFETCH("prefetch", Target.SUBSCRIPTION, Kind.COUNT),
    /** The mean of a subscription's {@code processing} time (its distribution's shape is kept). */
    PROCESSING("processing", Target.SUBSCRIPTION, Kind.TIME),
    /** A partitioned channel's {@code partitions} (of the kind whose channels have that key). */
    PARTITIONS("partitions", Target.CHANNEL, Kind.COUNT),
    /** A replicated channel's {@code replicationFactor} (of the kind whose channels have that key). */
    REPLICATION_FACTOR("replicationFactor", Target.CHANNEL, Kind.COUNT),
    /** A replicated channel's {@code minInSyncReplicas} (of the kind whose channels have that key). */
    MIN_IN_SYNC_REPLICAS("minInSyncReplicas", Target.CHANNEL, Kind.COUNT),
    /** A broker's {@code nodes}. */
    NODES("nodes", Target.BROKER, Kind.COUNT);

    /** What kind of element a setting belongs to. */
    public enum Target {
        SERVICE,
        PUBLICATION,
        SUBSCRIPTION,
        CHANNEL,
        BROKER
    }

    /** The type of a setting's values. */
    public enum Kind {
        /** A whole number of at least 1. */
        COUNT,
        /** A rate such as {@code 1000/s}. */
        RATE,
        /** A time span such as {@code 4ms}. */
        TIME
    }

    private final String key;
    private final Target target;
    private final Kind kind;

    Setting(String key, Target target, Kind kind) {
        this.key = key;
        this.target = target;
        this.kind = kind;
    }

    /** The key as written in design files, e.g. {@code instances}. */
    public String key() {
        return key;
    }

    public Target target() {
        return target;
    }

    public Kind kind() {
        return kind;
    }

    /** The keys of every setting, for "did you mean" and help. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Setting::key).toList();
    }

    /** The setting with this key (case-insensitive), or null. */
    public static Setting byKey(String key) {
        for (Setting s : values()) {
            if (s.key.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    /** The setting's current value in the design, as text, or null when the design leaves it to its default. */
    public String current(Design design, ElementRef ref) {
        return switch (this) {
            case INSTANCES -> text(service(design, ref).instances());
            case RATE -> publication(design, ref).rate() == null
                    ? null
                    : publication(design, ref).rate().text();
            case CONCURRENCY -> text(subscription(design, ref).concurrency());
            case PREFETCH -> text(subscription(design, ref).prefetch());
            case PROCESSING -> {
                Distribution p = subscription(design, ref).processing();
                yield p == null || p.mean() == null ? null : p.mean().text();
            }
            case PARTITIONS, REPLICATION_FACTOR, MIN_IN_SYNC_REPLICAS -> channelValue(design, ref);
            case NODES -> text(broker(design, ref).nodes());
        };
    }

    /** A new design with the setting of the referenced element set to {@code value}. */
    public Design apply(Design design, ElementRef ref, Value value) {
        return switch (this) {
            case INSTANCES -> DesignEdits.updateService(design, ref.element(), s -> s.withInstances(value.count()));
            case RATE -> updatePublication(design, ref, p -> withRate(p, value.rate()));
            case CONCURRENCY -> updateSubscription(design, ref, s -> Edits.withConcurrency(s, value.count()));
            case PREFETCH -> updateSubscription(design, ref, s -> Edits.withPrefetch(s, value.count()));
            case PROCESSING -> updateSubscription(design, ref, s -> Edits.withProcessingMean(s, value.time()));
            case PARTITIONS, REPLICATION_FACTOR, MIN_IN_SYNC_REPLICAS -> withChannelValue(design, ref, value.count());
            case NODES -> {
                Broker b = broker(design, ref);
                yield DesignEdits.replace(
                        design,
                        b.id(),
                        new Broker(
                                b.id(),
                                b.kind(),
                                value.count(),
                                b.host(),
                                b.protocol(),
                                b.protocolVersion(),
                                b.description(),
                                b.extensions()));
            }
        };
    }

    private static String text(Integer i) {
        return i == null ? null : i.toString();
    }

    private static Service service(Design d, ElementRef ref) {
        return d.service(ref.element()).orElseThrow(() -> new SweepException("no service '" + ref.element() + "'"));
    }

    private static Channel channel(Design d, ElementRef ref) {
        return d.channel(ref.element()).orElseThrow(() -> new SweepException("no channel '" + ref.element() + "'"));
    }

    private static Broker broker(Design d, ElementRef ref) {
        return d.broker(ref.element()).orElseThrow(() -> new SweepException("no broker '" + ref.element() + "'"));
    }

    private static Publication publication(Design d, ElementRef ref) {
        return service(d, ref).publishes().stream()
                .filter(p -> p.channel().equals(ref.channel()))
                .findFirst()
                .orElseThrow();
    }

    private static Subscription subscription(Design d, ElementRef ref) {
        return service(d, ref).subscribes().stream()
                .filter(s -> s.channel().equals(ref.channel()))
                .findFirst()
                .orElseThrow();
    }

    private static Design updatePublication(Design d, ElementRef ref, java.util.function.UnaryOperator<Publication> f) {
        return DesignEdits.updateService(
                d,
                ref.element(),
                s -> s.withPublishes(s.publishes().stream()
                        .map(p -> p.channel().equals(ref.channel()) && !p.isChained() ? f.apply(p) : p)
                        .toList()));
    }

    private static Design updateSubscription(
            Design d, ElementRef ref, java.util.function.UnaryOperator<Subscription> f) {
        return DesignEdits.updateService(
                d,
                ref.element(),
                s -> s.withSubscribes(s.subscribes().stream()
                        .map(x -> x.channel().equals(ref.channel()) ? f.apply(x) : x)
                        .toList()));
    }

    /** The profile of the kind whose channels have this setting's key (a whole number). */
    private KindProfile owner() {
        for (BrokerKind kind : BrokerKind.values()) {
            KindProfile p = KindProfiles.of(kind);
            if (p.readsChannelKey(key, 1)) {
                return p;
            }
        }
        throw new IllegalStateException("no broker kind has the channel setting " + key);
    }

    private String channelValue(Design d, ElementRef ref) {
        Object v = owner().channelValues(channel(d, ref)).get(key);
        return v == null ? null : v.toString();
    }

    private Design withChannelValue(Design d, ElementRef ref, int count) {
        Channel c = channel(d, ref);
        KindProfile p = owner();
        Map<String, Object> values = new LinkedHashMap<>(p.channelValues(c));
        values.put(key, count);
        return DesignEdits.replace(d, c.id(), p.withChannelValues(c, values));
    }

    private static Publication withRate(Publication p, Rate rate) {
        return new Publication(
                p.channel(),
                p.message(),
                rate,
                p.arrival(),
                p.key(),
                p.keys(),
                p.per(),
                p.from(),
                p.routingKey(),
                p.will(),
                p.transaction(),
                p.rollbackPercent(),
                p.extensions());
    }

    /** One value of a setting: its text as written and its number (count, messages per second, or nanoseconds). */
    public record Value(String text, double number) implements Comparable<Value> {
        int count() {
            return (int) number;
        }

        Rate rate() {
            return new Rate(number, text);
        }

        TimeSpan time() {
            return new TimeSpan((long) number, text);
        }

        @Override
        public int compareTo(Value o) {
            return Double.compare(number, o.number);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
