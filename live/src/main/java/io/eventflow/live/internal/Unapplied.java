package io.eventflow.live.internal;

import io.eventflow.model.design.Acks;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.ProducerSettings;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Settings of a design that live mode runs without applying, because the channel's kind has no such knob in its
 * client or because they are parameters of the simulator's model: one sentence each naming the element, for the
 * run's notes (what a connector cannot express at all it refuses, see {@code LiveConnector.unsupported}).
 */
public final class Unapplied {
    private Unapplied() {}

    public static List<String> of(Design design) {
        List<String> out = new ArrayList<>();
        for (Service s : design.services()) {
            ProducerSettings p = s.producerOrDefault();
            Set<BrokerKind> nonKafka = new LinkedHashSet<>();
            s.publishes().forEach(pub -> kind(design, pub.channel())
                    .filter(k -> k != BrokerKind.KAFKA)
                    .ifPresent(nonKafka::add));
            s.requests().forEach(r -> kind(design, r.channel())
                    .filter(k -> k != BrokerKind.KAFKA)
                    .ifPresent(nonKafka::add));
            for (Subscription sub : s.subscribes()) {
                if (sub.reply() != null) {
                    kind(design, sub.reply().channel())
                            .filter(k -> k != BrokerKind.KAFKA)
                            .ifPresent(nonKafka::add);
                }
            }
            String kinds =
                    String.join(", ", nonKafka.stream().map(BrokerKind::key).toList());
            if (!nonKafka.isEmpty() && p.acks() == Acks.NONE) {
                out.add("service '" + s.id() + "': acks 0 is not applied live on " + kinds + ": the producer waits"
                        + " for the broker's answer, so a refused send is lost as 'network', not 'qos0'");
            }
            if (!nonKafka.isEmpty() && p.isIdempotent()) {
                out.add("service '" + s.id() + "': idempotent is a Kafka producer setting, not applied live on "
                        + kinds);
            }
            if (!nonKafka.isEmpty() && p.isTransactional()) {
                out.add("service '" + s.id() + "': transactional is run live on Kafka only; its sends on " + kinds
                        + " are not in transactions");
            }
            boolean onKafka = s.publishes().stream()
                    .anyMatch(pub -> kind(design, pub.channel()).orElse(null) == BrokerKind.KAFKA);
            if (onKafka && p.isIdempotent() && !p.isTransactional() && p.acksOrDefault() != Acks.ALL) {
                out.add("service '" + s.id() + "': idempotent needs acks all on Kafka; with acks "
                        + p.acksOrDefault().key() + " its Kafka producer runs without idempotence");
            }
            for (Subscription sub : s.subscribes()) {
                boolean kafka = kind(design, sub.channel()).orElse(null) == BrokerKind.KAFKA;
                BrokerKind k = kind(design, sub.channel()).orElse(null);
                if (k != null
                        && k != BrokerKind.KAFKA
                        && k != BrokerKind.MQTT
                        && sub.deliveryOrDefault() == io.eventflow.model.design.DeliveryGuarantee.EXACTLY_ONCE
                        && sub.mechanism() == io.eventflow.model.design.ExactlyOnceMechanism.TRANSACTIONAL) {
                    out.add("service '" + s.id() + "' on channel '" + sub.channel() + "': exactly-once with mechanism"
                            + " transactional is run live on Kafka only; on " + k.key() + " it runs at-least-once"
                            + " (acked after processing, no dedup store)");
                }
                if (kafka && sub.rebalancePause() != null) {
                    out.add("service '" + s.id() + "' on channel '" + sub.channel() + "': rebalancePause "
                            + sub.rebalancePause() + " is the simulator's model; live, the group rebalances as long"
                            + " as the real coordinator takes");
                }
            }
        }
        return out;
    }

    private static java.util.Optional<BrokerKind> kind(Design design, String channelId) {
        return design.channel(channelId).flatMap(c -> kindOf(design, c));
    }

    private static java.util.Optional<BrokerKind> kindOf(Design design, Channel c) {
        return design.kindOf(c);
    }
}
