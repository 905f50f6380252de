package io.eventflow.model.kind;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.RedisStream;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Redis Streams: a channel is a stream read by consumer groups ({@link RedisStream}). */
final class RedisProfile implements KindProfile {
    @Override
    public BrokerKind kind() {
        return BrokerKind.REDIS;
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
