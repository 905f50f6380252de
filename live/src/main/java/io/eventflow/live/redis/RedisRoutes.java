package io.eventflow.live.redis;

import io.eventflow.live.proxy.FaultProxy;
import io.eventflow.live.proxy.ProxyLink;
import io.eventflow.live.proxy.RoutedServices;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * Where the clients of a Redis broker connect: the server itself, or, for the design services the run routes through
 * the fault proxy, each service's own link in front of it. A routed service's producers share one pooled client
 * through its link; its consumers each open their connection to the link.
 */
final class RedisRoutes implements AutoCloseable {
    private final HostAndPort server;
    private final JedisClientConfig config;
    private final FaultProxy proxy;
    private final Map<String, ProxyLink> links;
    private final String runPrefix;
    private final Map<String, RedisClient> clients = new ConcurrentHashMap<>();

    /**
     * @param proxy the fault proxy in front of the server (null: none), closed with the routes
     * @param links per routed design service, its link of {@code proxy}
     * @param runPrefix the run's prefix of client ids
     */
    RedisRoutes(
            HostAndPort server,
            JedisClientConfig config,
            FaultProxy proxy,
            Map<String, ProxyLink> links,
            String runPrefix) {
        this.server = server;
        this.config = config;
        this.proxy = proxy;
        this.links = Map.copyOf(links);
        this.runPrefix = runPrefix;
    }

    /** Where a client of the design's service {@code service} connects: its proxy link when routed. */
    HostAndPort addressFor(String service) {
        ProxyLink l = service == null ? null : links.get(service);
        return l == null ? server : new HostAndPort("127.0.0.1", l.port());
    }

    /** The pooled client for the producers of {@code service}: through its link when routed, else {@code direct}. */
    RedisClient clientFor(String service, RedisClient direct) {
        if (service == null || !links.containsKey(service)) {
            return direct;
        }
        return clients.computeIfAbsent(service, s -> RedisClient.builder()
                .hostAndPort(addressFor(s))
                .clientConfig(config)
                .build());
    }

    /**
     * The design service of a consumer's client id ({@code prefix + service#n@channel}): the routed service whose id
     * it starts with (the longest), or null.
     */
    String serviceOf(String clientId) {
        return RoutedServices.serviceOf(clientId, runPrefix, links.keySet());
    }

    /** The links of {@code service}: one, or none when it is not routed. */
    List<ProxyLink> links(String service) {
        ProxyLink l = links.get(service);
        return l == null ? List.of() : List.of(l);
    }

    /** Closes the routed clients and the proxy. */
    @Override
    public void close() {
        clients.values().forEach(RedisClient::close);
        if (proxy != null) {
            proxy.close();
        }
    }
}
