package io.eventflow.model.kind;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.DeliveryGuarantee;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Postgres LISTEN/NOTIFY: a channel is a notification channel name and has no settings. */
final class PostgresProfile implements KindProfile {
    @Override
    public BrokerKind kind() {
        return BrokerKind.POSTGRES;
    }

    @Override
    public String asyncApiNote() {
        return "Postgres LISTEN/NOTIFY (AsyncAPI defines no binding): a channel is a notification"
                + " channel; nothing is stored, a notification reaches only the sessions listening when it is"
                + " sent, and one sent in a transaction arrives on commit, not at all on rollback. A send"
                + " operation's x-eventflow holds transaction and rollbackPercent.";
    }

    static final String LISTEN_NOTIFY = "EF014";

    @Override
    public List<KindRule> lintRules() {
        return List.of(new KindRule(
                LISTEN_NOTIFY,
                false,
                "Postgres LISTEN/NOTIFY for events that must not be lost",
                "NOTIFY stores nothing: a notification reaches only the sessions listening at that moment, so a"
                        + " listener that is down or reconnecting misses everything sent meanwhile. Write the"
                        + " events to an outbox table (NOTIFY only as a wake-up) or use a queue, or declare the"
                        + " subscription at-most-once."));
    }

    @Override
    public void lintSubscription(Service s, Subscription sub, Channel c, String p, LintContext out) {
        if (sub.deliveryOrDefault() == DeliveryGuarantee.AT_MOST_ONCE) {
            return;
        }
        out.report(
                LISTEN_NOTIFY,
                s.id(),
                sub.delivery() != null ? p + "/delivery" : p,
                "'" + s.id() + "' reads '" + c.id() + "' "
                        + sub.deliveryOrDefault().key()
                        + ", but Postgres NOTIFY stores nothing: a listener that is down or reconnecting misses"
                        + " every notification sent meanwhile",
                "for events that must not be lost, write them to an outbox table (NOTIFY only as a wake-up) or"
                        + " use a queue; else declare 'delivery: at-most-once'");
    }

    @Override
    public String describePublicationWhen(Publication p) {
        if (p.transaction() != null) {
            String rollback = p.rollbackPercent() == null || p.rollbackPercent() == 0
                    ? ""
                    : ", " + percent(p.rollbackPercent()) + " rolled back";
            return "in a transaction committing " + p.transaction() + " later" + rollback;
        }
        return "";
    }

    private static String percent(double v) {
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v)) + "%";
    }

    @Override
    public KindShape shape(Design d, Channel c) {
        return new KindShape("broadcast", "NOTIFY", "no storage", 0);
    }

    @Override
    public Optional<Refusal> refuseStoredMessages(String channel, String what) {
        return Optional.of(new Refusal(
                what + " needs stored messages; '" + channel + "' is a postgres LISTEN/NOTIFY channel,"
                        + " which stores none",
                "name a channel of a broker that stores messages"));
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
