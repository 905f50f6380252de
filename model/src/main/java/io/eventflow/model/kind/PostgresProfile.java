package io.eventflow.model.kind;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Postgres LISTEN/NOTIFY: a channel is a notification channel name and has no settings. */
final class PostgresProfile implements KindProfile {
    @Override
    public BrokerKind kind() {
        return BrokerKind.POSTGRES;
    }

    @Override
    public void checkPublication(
            Service s, Publication pub, Optional<Channel> ch, BrokerKind kind, String p, Checks out) {
        if ((pub.transaction() != null || pub.rollbackPercent() != null) && !fitsOn(kind)) {
            out.wrongKind(
                    p + "/transaction",
                    "transaction and rollbackPercent describe Postgres NOTIFY, but channel '" + pub.channel()
                            + "' is on a " + kind + " broker",
                    "remove them or move the channel to a postgres broker");
        }
        if (pub.rollbackPercent() != null) {
            if (pub.rollbackPercent() < 0 || pub.rollbackPercent() > 100) {
                out.impossible(
                        p + "/rollbackPercent",
                        "rollbackPercent is a percentage from 0 to 100, not " + pub.rollbackPercent(),
                        null);
            }
            if (pub.transaction() == null) {
                out.impossible(
                        p + "/rollbackPercent",
                        "rollbackPercent needs 'transaction': only notifications sent in a transaction roll back",
                        null);
            }
        }
    }

    @Override
    public void describeChannel(Design d, Channel c, BrokerKind kind, BiConsumer<String, Object> row) {
        if (kind == BrokerKind.POSTGRES) {
            row.accept("Delivery", "LISTEN/NOTIFY: only to sessions listening at that moment; nothing is stored");
        }
    }
}
