package io.eventflow.live.jms;

import io.eventflow.live.Endpoint;
import io.eventflow.live.LiveConnector;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveOptions;
import io.eventflow.live.LiveServer;
import io.eventflow.live.proxy.FaultProxy;
import io.eventflow.live.proxy.ProxyLink;
import io.eventflow.live.server.ServerUnavailableException;
import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.Overflow;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.activemq.ActiveMQConnectionFactory;

/**
 * JMS in live mode on ActiveMQ Classic (in-process by default) with its client ({@code activemq-client}, Jakarta
 * JMS 3.1). Endpoint settings from {@code --brokers}: {@code username}, {@code password} (a secret). On the user's
 * broker, topics are read through virtual-topic queues: the broker must map every topic to
 * {@code Consumer.*.TOPIC} queues (ActiveMQ's default does so for topics named {@code VirtualTopic.>}), else the
 * topic channel is named as not runnable.
 */
public final class JmsConnector implements LiveConnector {

    @Override
    public BrokerKind kind() {
        return BrokerKind.JMS;
    }

    @Override
    public boolean embeddable() {
        return true;
    }

    /** A JMS queue is one queue its subscriptions compete for; a topic gives every group its own copy. */
    @Override
    public boolean oneQueuePerChannel(Channel channel) {
        return !JmsDestination.of(channel).isTopic();
    }

    @Override
    public List<String> unsupported(Design design, Broker broker, boolean embedded) {
        List<String> out = new ArrayList<>();
        for (Channel c : design.channels()) {
            if (!Objects.equals(c.broker(), broker.id())) {
                continue;
            }
            boolean rejecting = AmqpQueue.of(c).overflowOrDefault() == Overflow.REJECT_PUBLISH;
            if (AmqpQueue.of(c).maxLength() != null
                    && (!embedded || !rejecting || JmsDestination.of(c).isTopic())) {
                out.add("channel '" + c.id() + "': maxLength " + AmqpQueue.of(c).maxLength() + " with overflow "
                        + AmqpQueue.of(c).overflowOrDefault().key() + " is not run live on "
                        + (embedded ? "" : "your ") + "ActiveMQ Classic, which limits queues by memory, not by count"
                        + " (the embedded broker runs maxLength on queues with overflow reject-publish)");
            }
            if (!embedded
                    && JmsDestination.of(c).isTopic()
                    && !c.effectiveAddress().startsWith("VirtualTopic.")) {
                out.add("channel '" + c.id() + "': topic groups are read through ActiveMQ virtual topics; on your "
                        + "broker give the topic an address starting with 'VirtualTopic.' (or map every topic with "
                        + "<virtualTopic name=\">\" prefix=\"Consumer.*.\"/> and name it in --brokers)");
            }
        }
        return out;
    }

    /** The embedded broker puts routed services' clients behind the fault proxy (one link per service). */
    @Override
    public boolean routesThroughProxy() {
        return true;
    }

    /** The embedded broker crashes and restarts (node 0) on its port and store. */
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
            EmbeddedActiveMq amq;
            try {
                amq = EmbeddedActiveMq.start();
            } catch (ServerUnavailableException e) {
                throw new LiveException("broker '" + broker.id() + "': " + e.getMessage(), e);
            }
            FaultProxy proxy = routed.isEmpty() ? null : new FaultProxy();
            try {
                java.util.Map<String, ProxyLink> links = new java.util.LinkedHashMap<>();
                for (String service : routed) {
                    links.put(service, proxy.open(service + " -> " + broker.id(), amq.port()));
                }
                return new JmsLiveServer(
                        amq.connectionFactory(),
                        "embedded " + amq.description() + " at " + amq.endpoint() + ", started in "
                                + amq.startTime().toMillis() + " ms"
                                + (routed.isEmpty()
                                        ? ""
                                        : ", clients of " + String.join(", ", routed) + " through the fault proxy"),
                        amq,
                        proxy,
                        links,
                        options.runPrefix());
            } catch (java.io.IOException e) {
                amq.close();
                proxy.close();
                throw new LiveException("broker '" + broker.id() + "': " + e.getMessage(), e);
            } catch (JMSException | RuntimeException e) {
                amq.close();
                if (proxy != null) {
                    proxy.close();
                }
                throw new LiveException(
                        "broker '" + broker.id() + "': the embedded ActiveMQ refused a connection: " + e.getMessage(),
                        e);
            }
        }
        String address = endpoint.address();
        long timeout = options.connectTimeout().toMillis();
        if (address.startsWith("tcp://") && !address.contains("?")) {
            address += "?connectionTimeout=" + timeout + "&soTimeout=" + timeout;
        }
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(address);
        factory.setConnectResponseTimeout((int) Math.min(Integer.MAX_VALUE, timeout));
        if (endpoint.properties().containsKey("username")) {
            factory.setUserName(endpoint.properties().get("username"));
            factory.setPassword(endpoint.properties().get("password"));
        }
        try {
            return new JmsLiveServer(factory, endpoint.describe(), null);
        } catch (JMSSecurityException e) {
            throw new LiveException(
                    endpoint.describe() + ": authentication failed (check username and the "
                            + "password's environment variable in --brokers)",
                    e);
        } catch (JMSException e) {
            throw new LiveException(
                    "could not connect to " + endpoint.describe() + " within " + timeout + " ms: " + e.getMessage(), e);
        }
    }
}
