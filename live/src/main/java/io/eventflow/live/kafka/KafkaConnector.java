package io.eventflow.live.kafka;

import io.eventflow.live.Endpoint;
import io.eventflow.live.LiveConnector;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveOptions;
import io.eventflow.live.LiveServer;
import io.eventflow.live.proxy.FaultProxy;
import io.eventflow.model.design.Acks;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Service;
import java.util.ArrayList;
import java.util.List;

/** Kafka in live mode: an embedded KRaft cluster ({@code KafkaRaftServer}) or the user's cluster, kafka-clients. */
public final class KafkaConnector implements LiveConnector {
    /** The Kafka version of the client and the embedded broker. */
    public static final String VERSION = org.apache.kafka.common.utils.internals.AppInfoParser.getVersion();

    @Override
    public BrokerKind kind() {
        return BrokerKind.KAFKA;
    }

    @Override
    public boolean embeddable() {
        return true;
    }

    /** True: every consumer seeks the partitions it holds ({@link KafkaLiveConsumer#seek}). */
    @Override
    public boolean replayable(Channel channel) {
        return true;
    }

    @Override
    public List<String> unsupported(Design design, Broker broker, boolean embedded) {
        List<String> out = new ArrayList<>();
        for (Service s : design.services()) {
            boolean onBroker = s.publishes().stream().anyMatch(p -> on(design, p.channel(), broker))
                    || s.subscribes().stream().anyMatch(p -> on(design, p.channel(), broker));
            if (!onBroker) {
                continue;
            }
            var producer = s.producerOrDefault();
            if (producer.isTransactional() && producer.acks() != null && producer.acksOrDefault() != Acks.ALL) {
                out.add("service '" + s.id() + "': a transactional producer needs acks: all (Kafka refuses"
                        + " transactions with acks " + producer.acksOrDefault().key() + ")");
            }
        }
        return out;
    }

    private static boolean on(Design d, String channelId, Broker broker) {
        return d.channel(channelId)
                .map(Channel::broker)
                .map(broker.id()::equals)
                .orElse(false);
    }

    @Override
    public boolean routesThroughProxy() {
        return true;
    }

    @Override
    public boolean crashesNodes() {
        return true;
    }

    @Override
    public LiveServer start(Broker broker, Endpoint endpoint, LiveOptions options) throws LiveException {
        return start(broker, endpoint, options, List.of());
    }

    @Override
    public LiveServer start(Broker broker, Endpoint endpoint, LiveOptions options, List<String> routed)
            throws LiveException {
        if (endpoint == null) {
            FaultProxy proxy = routed.isEmpty() ? null : new FaultProxy();
            EmbeddedKafka k;
            try {
                k = EmbeddedKafka.start(broker.nodeCount(), routed, proxy);
            } catch (LiveException | RuntimeException e) {
                if (proxy != null) {
                    proxy.close();
                }
                throw e;
            }
            try {
                return new KafkaLiveServer(
                        broker,
                        k.bootstrap(),
                        java.util.Map.of(),
                        "embedded Kafka " + VERSION + " (KRaft, " + k.nodes() + (k.nodes() == 1 ? " node" : " nodes")
                                + ") at " + k.bootstrap()
                                + (routed.isEmpty()
                                        ? ""
                                        : ", clients of " + String.join(", ", routed) + " through the fault proxy"),
                        k,
                        options,
                        proxy,
                        routed);
            } catch (LiveException | RuntimeException e) {
                k.close();
                if (proxy != null) {
                    proxy.close();
                }
                throw e;
            }
        }
        return new KafkaLiveServer(
                broker, endpoint.address(), endpoint.properties(), endpoint.describe(), null, options);
    }
}
