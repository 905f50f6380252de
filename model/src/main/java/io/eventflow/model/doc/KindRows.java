package io.eventflow.model.doc;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.kind.KindProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the page shows of the settings of publications and subscriptions that belong to one kind (its profile's). */
final class KindRows {
    private KindRows() {}

    /** What a publication's "When" cell adds for its kind settings (a last will, a transaction); empty when nothing. */
    static String publication(Publication p) {
        for (BrokerKind kind : BrokerKind.values()) {
            String when = KindProfiles.of(kind).describePublicationWhen(p);
            if (!when.isEmpty()) {
                return when;
            }
        }
        return "";
    }

    /** The kind settings of a subscription (session, durability), for its "Delivery" cell; empty when it has none. */
    static String subscription(Design d, Subscription sub) {
        Optional<Channel> channel = d.channel(sub.channel());
        BrokerKind on = channel.flatMap(d::kindOf).orElse(BrokerKind.OTHER);
        List<String> parts = new ArrayList<>();
        for (BrokerKind kind : BrokerKind.values()) {
            KindProfiles.of(kind).describeSubscription(sub, channel, on, parts::add);
        }
        return String.join(", ", parts);
    }
}
