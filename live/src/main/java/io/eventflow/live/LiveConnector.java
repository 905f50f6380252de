package io.eventflow.live;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Subscription;
import java.util.List;

/**
 * One broker kind's live facet: it starts an embedded server for a broker of its kind or connects to the user's,
 * and everything else goes through the {@link LiveServer} it returns. Implementations are found with
 * {@link java.util.ServiceLoader} (one line per kind in {@code META-INF/services/io.eventflow.live.LiveConnector})
 * and looked up by kind in {@link LiveConnectors}. See {@code docs/live.md}, "Adding a kind to live mode".
 */
public interface LiveConnector {
    /** The broker kind this connector runs. */
    BrokerKind kind();

    /** True when {@link #start} can run a broker of this kind in-process (no endpoint needed). */
    boolean embeddable();

    /**
     * What of {@code broker}'s part of the design this kind cannot express live, one sentence each naming the element
     * (e.g. "channel 'alerts': SNS topics have no embedded server; give an endpoint in --brokers"). Empty when all of
     * it runs. {@code embedded} says whether the broker would run embedded.
     */
    default List<String> unsupported(Design design, Broker broker, boolean embedded) {
        return List.of();
    }

    /**
     * True when all subscriptions of {@code channel} compete for one queue (AMQP queues, SQS, JMS queues): they form
     * one group, named after the first subscription, as in the simulator. False (the default) when every group gets
     * every message (Kafka, Redis streams, JMS topics, MQTT shared subscriptions).
     */
    default boolean oneQueuePerChannel(Channel channel) {
        return false;
    }

    /**
     * How many messages a consumer of {@code subscription} has at hand when the design gives no {@code prefetch}:
     * 500 by default (a poll's worth). A connector whose kind's design format defines the default otherwise (as the
     * simulator runs it) says so here.
     */
    default int defaultPrefetch(Subscription subscription) {
        return 500;
    }

    /**
     * True when a consumer group on {@code channel} has positions a scenario {@code replay} can move, that is when
     * {@link LiveServer#replay} does it (Kafka topics, Redis streams). The run refuses a replay on any other channel
     * before anything starts. False by default.
     */
    default boolean replayable(Channel channel) {
        return false;
    }

    /**
     * Starts an embedded server for {@code broker} ({@code endpoint} null) or connects to the user's server. Must
     * fail within {@link LiveOptions#connectTimeout()} with a {@link LiveException} naming the endpoint when it is
     * unreachable, and say so when authentication fails.
     */
    LiveServer start(Broker broker, Endpoint endpoint, LiveOptions options) throws LiveException;

    /**
     * True when an embedded server of this kind can put the tool's fault proxy between each routed client and the
     * broker ({@link #start(Broker, Endpoint, LiveOptions, List)}), so that the scenario's network faults run on it.
     */
    default boolean routesThroughProxy() {
        return false;
    }

    /** True when a server of this kind that the run started can crash a node and restart it ({@link LiveServer#crashNode}). */
    default boolean crashesNodes() {
        return false;
    }

    /**
     * Like {@link #start(Broker, Endpoint, LiveOptions)}, with every client of the design services in {@code routed}
     * connecting through its own links of the fault proxy ({@link LiveServer#links}). Only called for an embedded
     * server ({@code endpoint} null) of a kind that {@link #routesThroughProxy()}, with {@code routed} not empty.
     */
    default LiveServer start(Broker broker, Endpoint endpoint, LiveOptions options, List<String> routed)
            throws LiveException {
        return start(broker, endpoint, options);
    }

    /**
     * What the run calls: {@link #start(Design, Broker, Endpoint, LiveOptions)} when no service is {@code routed}, else
     * {@link #start(Broker, Endpoint, LiveOptions, List)}. A kind that needs the design to start a routed server (MQTT)
     * overrides it.
     */
    default LiveServer start(Design design, Broker broker, Endpoint endpoint, LiveOptions options, List<String> routed)
            throws LiveException {
        return routed.isEmpty() ? start(design, broker, endpoint, options) : start(broker, endpoint, options, routed);
    }

    /**
     * {@link #start(Broker, Endpoint, LiveOptions)} for a kind that needs the whole design to choose its server or
     * clients (MQTT: which server speaks what the design asks, which protocol version the clients use). The run calls
     * this one; the default ignores {@code design}.
     */
    default LiveServer start(Design design, Broker broker, Endpoint endpoint, LiveOptions options)
            throws LiveException {
        return start(broker, endpoint, options);
    }
}
