package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * A broker (cluster) that carries channels.
 *
 * @param id stable id, unique in the design
 * @param kind what kind of broker it is
 * @param nodes number of broker nodes (the cluster's brokers or nodes); {@code null} when not given (1)
 * @param host host and port, e.g. {@code broker-1:9092}
 * @param protocol the AsyncAPI protocol when it differs from the kind's default (e.g. a {@code -secure} variant, {@code ws})
 * @param protocolVersion the protocol version, e.g. {@code 3.5.0}
 * @param description free text
 * @param failoverTime partitioned logs: how long a partition led by a crashed node is offline before a new leader is elected (2s)
 * @param replicationLag partitioned logs: how long followers take to replicate a record, i.e. until it is below the high
 *     watermark (10ms)
 * @param extensions {@code x-} keys kept verbatim
 */
public record Broker(
        String id,
        BrokerKind kind,
        Integer nodes,
        String host,
        String protocol,
        String protocolVersion,
        String description,
        TimeSpan failoverTime,
        TimeSpan replicationLag,
        Map<String, JsonNode> extensions)
        implements Element {
    public Broker {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        extensions = Extensions.copy(extensions);
    }

    /** Without the failover timing settings {@code failoverTime} and {@code replicationLag} (both not set). */
    public Broker(
            String id,
            BrokerKind kind,
            Integer nodes,
            String host,
            String protocol,
            String protocolVersion,
            String description,
            Map<String, JsonNode> extensions) {
        this(id, kind, nodes, host, protocol, protocolVersion, description, null, null, extensions);
    }

    public Broker(String id, BrokerKind kind) {
        this(id, kind, null, null, null, null, null, Map.of());
    }

    public int nodeCount() {
        return nodes == null ? 1 : nodes;
    }

    /** The protocol to write in AsyncAPI: the given one or the kind's default. */
    public String effectiveProtocol() {
        return protocol != null ? protocol : kind.defaultProtocol();
    }

    public Broker withId(String newId) {
        return new Broker(
                newId,
                kind,
                nodes,
                host,
                protocol,
                protocolVersion,
                description,
                failoverTime,
                replicationLag,
                extensions);
    }

    /** A copy with {@code kind} set. */
    public Broker withKind(BrokerKind newKind) {
        return new Broker(
                id,
                newKind,
                nodes,
                host,
                protocol,
                protocolVersion,
                description,
                failoverTime,
                replicationLag,
                extensions);
    }

    /** A copy with {@code nodes} set. */
    public Broker withNodes(Integer newNodes) {
        return new Broker(
                id,
                kind,
                newNodes,
                host,
                protocol,
                protocolVersion,
                description,
                failoverTime,
                replicationLag,
                extensions);
    }

    /** A copy with {@code host} set. */
    public Broker withHost(String newHost) {
        return new Broker(
                id,
                kind,
                nodes,
                newHost,
                protocol,
                protocolVersion,
                description,
                failoverTime,
                replicationLag,
                extensions);
    }

    /** A copy with {@code protocol} set. */
    public Broker withProtocol(String newProtocol) {
        return new Broker(
                id,
                kind,
                nodes,
                host,
                newProtocol,
                protocolVersion,
                description,
                failoverTime,
                replicationLag,
                extensions);
    }

    /** A copy with {@code protocolVersion} set. */
    public Broker withProtocolVersion(String newProtocolVersion) {
        return new Broker(
                id,
                kind,
                nodes,
                host,
                protocol,
                newProtocolVersion,
                description,
                failoverTime,
                replicationLag,
                extensions);
    }

    /** A copy with {@code description} set. */
    public Broker withDescription(String newDescription) {
        return new Broker(
                id,
                kind,
                nodes,
                host,
                protocol,
                protocolVersion,
                newDescription,
                failoverTime,
                replicationLag,
                extensions);
    }

    @Override
    public <R> R match(
            java.util.function.Function<Broker, R> broker,
            java.util.function.Function<Channel, R> channel,
            java.util.function.Function<Service, R> service,
            java.util.function.Function<MessageType, R> message) {
        return broker.apply(this);
    }
}
