package io.eventflow.model.kind;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.DeliveryGuarantee;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.RedisStream;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Redis Streams: a channel is a stream read by consumer groups ({@link RedisStream}). */
final class RedisProfile implements KindProfile {
    /** AsyncAPI 3.0 names the protocol but defines no binding fields or versions: a document's own stays as it is. */
    private static final KindBindings BINDINGS = new KindBindings() {
        @Override
        public List<Protocol> protocols() {
            return List.of(new Protocol("redis", Set.of(), Map.of()));
        }
    };

    @Override
    public KindBindings bindings() {
        return BINDINGS;
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.REDIS;
    }

    @Override
    public String asyncApiNote() {
        return "Redis Streams (the redis binding has no fields): a channel is a stream read by consumer"
                + " groups; a channel's x-eventflow holds maxLen (MAXLEN trimming), a receive operation's"
                + " claimIdle (XAUTOCLAIM).";
    }

    static final String REDIS_NO_CLAIM = "EF019";
    static final String REDIS_TRIM = "EF020";

    @Override
    public List<KindRule> lintRules() {
        return List.of(
                new KindRule(
                        REDIS_NO_CLAIM,
                        false,
                        "Redis Streams consumer group with no claimIdle",
                        "Entries a crashed consumer had read stay in its pending entries list until that same consumer"
                                + " comes back; without claimIdle (XAUTOCLAIM) no other consumer of the group takes"
                                + " them over. Only for groups of two or more consumers."),
                new KindRule(
                        REDIS_TRIM,
                        false,
                        "Redis stream maxLen smaller than what arrives during a subscriber's downtime",
                        "MAXLEN trimming evicts the oldest entries whether read or not, so a group that falls behind"
                                + " (a consumer down for maxDowntime, else lint.expectedDowntime) loses entries."
                                + " Compares maxLen with the publication rates times that downtime."));
    }

    @Override
    public void lintSubscription(Service s, Subscription sub, Channel c, String p, LintContext out) {
        if (sub.deliveryOrDefault() == DeliveryGuarantee.AT_MOST_ONCE) {
            return;
        }
        int instances = out.groupInstances(sub.groupOr(s.id()), c.id());
        if (sub.claimIdle() == null && instances > 1) {
            out.report(
                    REDIS_NO_CLAIM,
                    s.id(),
                    p,
                    "'" + s.id() + "' reads stream '" + c.id() + "' with " + instances + " consumers but no"
                            + " claimIdle: entries a crashed consumer had read stay in its pending list until that"
                            + " same consumer comes back (for ever if it never does); no other consumer takes them",
                    "set 'claimIdle' (XAUTOCLAIM min idle time) above the longest processing time");
        }
        Integer maxLen = RedisStream.of(c).maxLen();
        double rate = out.rateInto(c);
        boolean own = sub.maxDowntime() != null;
        TimeSpan down = out.downtime(sub);
        if (maxLen != null && rate * down.seconds() > maxLen) {
            out.report(
                    REDIS_TRIM,
                    s.id(),
                    own ? p + "/maxDowntime" : p,
                    "stream '" + c.id() + "' keeps its newest " + maxLen + " entries (maxLen), but at "
                            + LintContext.formatRate(rate) + "/s about " + Math.round(rate * down.seconds())
                            + " arrive while '" + s.id() + "' may be down (" + down
                            + (own ? "" : ", lint.expectedDowntime") + "): trimming evicts entries it has not read",
                    "raise maxLen above " + Math.round(rate * down.seconds()) + ", or trim by age (MINID) after"
                            + " every group has read");
        }
    }

    @Override
    public void describeSubscription(
            Subscription sub, Optional<Channel> channel, BrokerKind on, Consumer<String> part) {
        if (sub.claimIdle() != null) {
            part.accept("claims entries idle over " + sub.claimIdle());
        }
    }

    @Override
    public KindShape shape(Design d, Channel c) {
        return new KindShape(
                "log",
                badge(),
                RedisStream.of(c).maxLen() == null
                        ? "stream"
                        : "stream · maxLen " + RedisStream.of(c).maxLen(),
                6);
    }

    @Override
    public String replayTarget() {
        return "a stream (redis)";
    }

    @Override
    public Optional<Refusal> refuseDiskLimit(String channel) {
        return Optional.of(new Refusal(
                "the retention fault limits a log's disk; '" + channel + "' is a redis stream",
                "bound a stream with the channel's maxLen"));
    }

    @Override
    public RedisStream readChannel(SettingsSource f) {
        return new RedisStream(f.integer("maxLen"));
    }

    @Override
    public void writeChannel(Channel c, SettingsSink o) {
        o.put("maxLen", RedisStream.of(c).maxLen());
    }

    @Override
    public void checkChannel(Channel c, Broker broker, String p, Checks out) {
        out.positive(p + "/maxLen", "maxLen", RedisStream.of(c).maxLen());
    }

    @Override
    public String settingsName() {
        return "Redis Streams settings (maxLen)";
    }

    @Override
    public void checkSubscription(Service s, Subscription sub, Channel c, BrokerKind kind, String p, Checks out) {
        if (sub.claimIdle() != null && !fitsOn(kind)) {
            out.wrongKind(
                    p + "/claimIdle",
                    "claimIdle is a Redis Streams setting (XAUTOCLAIM), but '" + c.id() + "' is on a " + kind
                            + " broker",
                    "remove it");
        }
    }

    @Override
    public void describeChannel(Design d, Channel c, BrokerKind on, BiConsumer<String, Object> row) {
        Integer maxLen = RedisStream.of(c).maxLen();
        if (maxLen != null) {
            row.accept("Max length (MAXLEN)", maxLen + " entries; older ones are trimmed, read or not");
        }
    }
}
