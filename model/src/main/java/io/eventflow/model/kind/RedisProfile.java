package io.eventflow.model.kind;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.RedisStream;

/** Redis Streams: a channel is a stream read by consumer groups ({@link RedisStream}). */
final class RedisProfile implements KindProfile {
    @Override
    public BrokerKind kind() {
        return BrokerKind.REDIS;
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
    public void checkChannel(Channel c, Broker broker, String p, ChannelChecks out) {
        out.positive(p + "/maxLen", "maxLen", RedisStream.of(c).maxLen());
    }

    @Override
    public String settingsName() {
        return "Redis Streams settings (maxLen)";
    }
}
