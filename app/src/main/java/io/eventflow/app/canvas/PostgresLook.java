package io.eventflow.app.canvas;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import java.util.List;
import java.util.Optional;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;

/**
 * Postgres LISTEN/NOTIFY on the canvas: a broadcast that stores nothing; the simulation view shows the notifications
 * waiting for their transaction to commit instead of a depth.
 */
public final class PostgresLook implements KindLook {
    public static final PaletteItem CHANNEL = PaletteItem.channel(
            "POSTGRES_CHANNEL",
            "Postgres notify",
            "notify",
            MaterialDesignB.BELL_RING_OUTLINE,
            BrokerKind.POSTGRES,
            c -> c,
            "Postgres LISTEN/NOTIFY: stores nothing, reaches only the sessions listening at that moment");
    public static final PaletteItem BROKER = PaletteItem.broker(
            "POSTGRES_BROKER",
            "Postgres",
            "postgres",
            BrokerKind.POSTGRES,
            "A Postgres database used for LISTEN/NOTIFY");

    @Override
    public BrokerKind kind() {
        return BrokerKind.POSTGRES;
    }

    @Override
    public List<PaletteItem> channelItems() {
        return List.of(CHANNEL);
    }

    @Override
    public Optional<PaletteItem> brokerItem() {
        return Optional.of(BROKER);
    }

    @Override
    public PaletteItem itemOf(Channel c) {
        return CHANNEL;
    }

    @Override
    public String settings(Design d, Channel c, String messages, List<String> chips) {
        chips.add("no storage");
        return "LISTEN · " + messages;
    }

    @Override
    public Depth depth(Channel c) {
        return Depth.UNCOMMITTED;
    }

    @Override
    public String sampleScenario() {
        return "jobs-postgres-notify.scenario.yaml";
    }

    @Override
    public ConnectionHints connectionHints() {
        return new ConnectionHints(
                "jdbc:postgresql://db:5432/app (empty: runs embedded)", "username=app", "password", "PGPASSWORD");
    }
}
