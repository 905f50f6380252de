package io.eventflow.app.canvas;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.RedisStream;
import java.util.List;
import java.util.Optional;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** Redis streams on the canvas: a log of entries, its MAXLEN as a chip. */
public final class RedisLook implements KindLook {
    public static final PaletteItem STREAM = PaletteItem.channel(
            "REDIS_STREAM",
            "Redis stream",
            "stream",
            MaterialDesignF.FORMAT_LIST_NUMBERED,
            BrokerKind.REDIS,
            c -> c,
            "Redis stream: consumer groups, pending entries, MAXLEN trimming");
    public static final PaletteItem BROKER =
            PaletteItem.broker("REDIS_BROKER", "Redis", "redis", BrokerKind.REDIS, "A Redis server with streams");

    @Override
    public BrokerKind kind() {
        return BrokerKind.REDIS;
    }

    @Override
    public List<PaletteItem> channelItems() {
        return List.of(STREAM);
    }

    @Override
    public Optional<PaletteItem> brokerItem() {
        return Optional.of(BROKER);
    }

    @Override
    public PaletteItem itemOf(Channel c) {
        return STREAM;
    }

    @Override
    public String settings(Design d, Channel c, String messages, List<String> chips) {
        if (RedisStream.of(c).maxLen() != null) {
            chips.add("maxLen " + RedisStream.of(c).maxLen());
        }
        return "stream · " + messages;
    }

    @Override
    public String sampleScenario() {
        return "activity-redis-streams.scenario.yaml";
    }

    @Override
    public ConnectionHints connectionHints() {
        return new ConnectionHints(
                "redis://cache:6379 or rediss://cache:6380 (empty: needs a local redis-server)",
                "username=orders-app",
                "password",
                "REDIS_PASSWORD");
    }
}
