package io.eventflow.live.redis;

import io.eventflow.live.Endpoint;
import io.eventflow.live.LiveConnector;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveOptions;
import io.eventflow.live.LiveServer;
import io.eventflow.live.proxy.FaultProxy;
import io.eventflow.live.proxy.ProxyLink;
import io.eventflow.live.server.ServerUnavailableException;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis Streams in live mode with Jedis. Redis has no embeddable Java server: a broker without an endpoint runs on a
 * private local {@code redis-server} ({@link LocalRedisServer}); without one the run is refused, saying how to get
 * one. Endpoint: {@code redis://HOST:PORT} (or {@code rediss://} for TLS); settings {@code username}, {@code password}
 * (a secret).
 */
public final class RedisConnector implements LiveConnector {

    @Override
    public BrokerKind kind() {
        return BrokerKind.REDIS;
    }

    /** True: without an endpoint a private local redis-server runs it; {@link #unsupported} names a missing one. */
    @Override
    public boolean embeddable() {
        return true;
    }

    /** True: a replay sets the consumer group's last delivered id once (XGROUP SETID, {@link RedisLiveServer}). */
    @Override
    public boolean replayable(Channel channel) {
        return true;
    }

    @Override
    public List<String> unsupported(Design design, Broker broker, boolean embedded) {
        List<String> out = new ArrayList<>();
        if (embedded && LocalRedisServer.program().isEmpty()) {
            out.add("broker '" + broker.id() + "': " + LocalRedisServer.missingMessage());
        }
        return out;
    }

    /** True: the local redis-server's clients of routed services connect through their own fault proxy link. */
    @Override
    public boolean routesThroughProxy() {
        return true;
    }

    /** True: the local redis-server is killed (SIGKILL) and started again on its append-only file. */
    @Override
    public boolean crashesNodes() {
        return true;
    }

    /**
     * The broker's {@code x-appendfsync} ({@code always}, {@code everysec}, {@code no}; default {@code everysec}, as
     * the design format and the simulator say): the AOF fsync policy the local server runs with.
     */
    static String appendfsync(Broker broker) throws LiveException {
        var n = broker.extensions().get("x-appendfsync");
        String v = n == null ? "everysec" : n.asText();
        if (!List.of("always", "everysec", "no").contains(v)) {
            throw new LiveException(
                    "broker '" + broker.id() + "': x-appendfsync must be always, everysec or no, not '" + v + "'");
        }
        return v;
    }

    @Override
    public LiveServer start(Broker broker, Endpoint endpoint, LiveOptions options) throws LiveException {
        return start(broker, endpoint, options, List.of());
    }

    @Override
    public LiveServer start(Broker broker, Endpoint endpoint, LiveOptions options, List<String> routed)
            throws LiveException {
        int timeout = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
        if (endpoint == null) {
            String fsync = appendfsync(broker);
            LocalRedisServer local;
            try {
                local = LocalRedisServer.start(fsync);
            } catch (ServerUnavailableException e) {
                throw new LiveException("broker '" + broker.id() + "': " + e.getMessage(), e);
            }
            FaultProxy proxy = routed.isEmpty() ? null : new FaultProxy();
            try {
                Map<String, ProxyLink> links = new LinkedHashMap<>();
                for (String service : routed) {
                    links.put(service, proxy.open(service + " -> " + broker.id(), local.port()));
                }
                return new RedisLiveServer(
                        new HostAndPort("127.0.0.1", local.port()),
                        DefaultJedisClientConfig.builder()
                                .timeoutMillis(timeout)
                                .build(),
                        "local " + local.description() + " at " + local.endpoint() + " (append-only file, appendfsync "
                                + fsync + "), started in " + local.startTime().toMillis() + " ms"
                                + (routed.isEmpty()
                                        ? ""
                                        : ", clients of " + String.join(", ", routed) + " through the fault proxy"),
                        local,
                        proxy,
                        links,
                        options.runPrefix());
            } catch (java.io.IOException e) {
                local.close();
                proxy.close();
                throw new LiveException("broker '" + broker.id() + "': " + e.getMessage(), e);
            } catch (JedisException e) {
                local.close();
                if (proxy != null) {
                    proxy.close();
                }
                throw new LiveException(
                        "broker '" + broker.id() + "': the local redis-server refused: " + e.getMessage(), e);
            }
        }
        URI uri;
        try {
            uri = URI.create(endpoint.address().contains("://") ? endpoint.address() : "redis://" + endpoint.address());
        } catch (IllegalArgumentException e) {
            throw new LiveException(endpoint.describe() + ": not a redis:// address: " + e.getMessage(), e);
        }
        var p = endpoint.properties();
        DefaultJedisClientConfig.Builder config =
                DefaultJedisClientConfig.builder().timeoutMillis(timeout).ssl("rediss".equals(uri.getScheme()));
        if (p.containsKey("username")) {
            config.user(p.get("username"));
        }
        if (p.containsKey("password")) {
            config.password(p.get("password"));
        }
        JedisClientConfig built = config.build();
        try {
            return new RedisLiveServer(
                    new HostAndPort(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()),
                    built,
                    endpoint.describe(),
                    null,
                    null,
                    Map.of(),
                    options.runPrefix());
        } catch (JedisAccessControlException e) {
            throw new LiveException(
                    endpoint.describe() + ": authentication failed (check username and the "
                            + "password's environment variable in --brokers)",
                    e);
        } catch (JedisException e) {
            throw new LiveException(
                    "could not connect to " + endpoint.describe() + " within " + timeout + " ms: " + e.getMessage(), e);
        }
    }
}
