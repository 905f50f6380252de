package io.eventflow.live.amqp;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.ConnectionFactory;
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
import io.eventflow.model.design.ExchangeType;
import io.eventflow.model.design.Subscription;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * RabbitMQ (AMQP 0-9-1) in live mode, with the official client ({@code amqp-client}). RabbitMQ has no embeddable Java
 * server: a broker without an endpoint runs on a private node of the machine's {@code rabbitmq-server}
 * ({@link LocalRabbitMqServer}); without one, the run is refused saying how to get one. Endpoint settings read from
 * {@code --brokers}: {@code username}, {@code password} (a secret), {@code virtualHost}, {@code tls} ({@code true}).
 */
public final class AmqpConnector implements LiveConnector {
    /**
     * The client's default handler warns with a stack trace for every connection that breaks under it; live mode
     * breaks them on purpose (drop, broker-crash) and its clients connect again, so that goes to the debug log.
     */
    private static final com.rabbitmq.client.ExceptionHandler QUIET_ON_BROKEN_CONNECTIONS =
            new com.rabbitmq.client.impl.ForgivingExceptionHandler() {
                @Override
                public void handleUnexpectedConnectionDriverException(
                        com.rabbitmq.client.Connection conn, Throwable exception) {
                    org.tinylog.Logger.debug("RabbitMQ connection broke: {}", exception.getMessage());
                }
            };

    @Override
    public BrokerKind kind() {
        return BrokerKind.AMQP;
    }

    /**
     * True: without an endpoint a private node of the machine's {@code rabbitmq-server} runs the broker; where there
     * is none, {@link #unsupported} says what to install.
     */
    @Override
    public boolean embeddable() {
        return true;
    }

    /** An AMQP channel is one queue: its subscriptions compete for it. */
    @Override
    public boolean oneQueuePerChannel(Channel channel) {
        return true;
    }

    /** Without a {@code prefetch} a consumer prefetches its {@code concurrency}, as the design format and the simulator say. */
    @Override
    public int defaultPrefetch(Subscription subscription) {
        return Math.max(1, subscription.concurrencyOrDefault());
    }

    @Override
    public List<String> unsupported(Design design, Broker broker, boolean embedded) {
        List<String> out = new ArrayList<>();
        if (embedded && LocalRabbitMqServer.program().isEmpty()) {
            out.add("broker '" + broker.id() + "': " + LocalRabbitMqServer.missingMessage());
        }
        for (Channel c : design.channels()) {
            if (Objects.equals(c.broker(), broker.id()) && AmqpQueue.of(c).exchangeType() == ExchangeType.HEADERS) {
                out.add("channel '" + c.id() + "': headers exchanges are not run live (their bindings match header "
                        + "values the design does not give)");
            }
        }
        return out;
    }

    /** True: the local node's clients of routed services connect through their own fault proxy link. */
    @Override
    public boolean routesThroughProxy() {
        return true;
    }

    /** True: the local node is killed (SIGKILL) and started again on its data ({@link LocalRabbitMqServer#crash}). */
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
            LocalRabbitMqServer local;
            try {
                local = LocalRabbitMqServer.start();
            } catch (ServerUnavailableException e) {
                throw new LiveException("broker '" + broker.id() + "': " + e.getMessage(), e);
            }
            FaultProxy proxy = routed.isEmpty() ? null : new FaultProxy();
            try {
                ConnectionFactory factory = factory(local.endpoint(), null, options);
                Map<String, ProxyLink> links = new LinkedHashMap<>();
                Map<String, ConnectionFactory> factories = new LinkedHashMap<>();
                for (String service : routed) {
                    ProxyLink link = proxy.open(service + " -> " + broker.id(), local.port());
                    links.put(service, link);
                    factories.put(service, factory("amqp://127.0.0.1:" + link.port(), null, options));
                }
                return new AmqpLiveServer(
                        factory,
                        "local RabbitMQ node (" + local.description() + ") at " + local.endpoint() + ", started in "
                                + local.startTime().toMillis() + " ms"
                                + (routed.isEmpty()
                                        ? ""
                                        : ", clients of " + String.join(", ", routed) + " through the fault proxy"),
                        options,
                        local,
                        proxy,
                        links,
                        factories);
            } catch (LiveException e) {
                local.close();
                if (proxy != null) {
                    proxy.close();
                }
                throw e;
            } catch (IOException | TimeoutException | RuntimeException e) {
                local.close();
                if (proxy != null) {
                    proxy.close();
                }
                throw new LiveException(
                        "broker '" + broker.id() + "': the local RabbitMQ node started but refused "
                                + "the connection: " + e.getMessage(),
                        e);
            }
        }
        ConnectionFactory factory = factory(endpoint.address(), endpoint, options);
        try {
            return new AmqpLiveServer(factory, endpoint.describe(), options, null);
        } catch (AuthenticationFailureException e) {
            throw new LiveException(
                    endpoint.describe() + ": authentication failed (check username and the password's "
                            + "environment variable in --brokers)",
                    e);
        } catch (IOException | TimeoutException e) {
            throw new LiveException(
                    "could not connect to " + endpoint.describe() + " within "
                            + options.connectTimeout().toMillis() + " ms: " + AmqpLiveServer.rootMessage(e),
                    e);
        }
    }

    private static ConnectionFactory factory(String address, Endpoint endpoint, LiveOptions options)
            throws LiveException {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(address.contains("://") ? address : "amqp://" + address);
        } catch (Exception e) {
            throw new LiveException(
                    "'" + address + "' is not an AMQP address (amqp://HOST:PORT/VHOST): " + e.getMessage(), e);
        }
        int timeout = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
        factory.setConnectionTimeout(timeout);
        factory.setHandshakeTimeout(timeout);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setExceptionHandler(QUIET_ON_BROKEN_CONNECTIONS);
        if (endpoint != null) {
            var p = endpoint.properties();
            if (p.containsKey("username")) {
                factory.setUsername(p.get("username"));
            }
            if (p.containsKey("password")) {
                factory.setPassword(p.get("password"));
            }
            if (p.containsKey("virtualHost")) {
                factory.setVirtualHost(p.get("virtualHost"));
            }
            if ("true".equals(p.get("tls"))) {
                try {
                    factory.useSslProtocol(javax.net.ssl.SSLContext.getDefault());
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new LiveException("no TLS on this JVM: " + e.getMessage(), e);
                }
            }
        }
        return factory;
    }
}
