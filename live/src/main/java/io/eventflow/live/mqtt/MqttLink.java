package io.eventflow.live.mqtt;

import com.hivemq.client.internal.mqtt.MqttClientConfig;
import com.hivemq.client.internal.mqtt.MqttClientConnectionConfig;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserPropertiesBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * One MQTT client connection (HiveMQ MQTT client), MQTT 5 or 3.1.1 as the run's broker speaks: connect with the
 * session settings, subscribe, publish a message with its headers ({@link MqttWire}), receive with manual
 * acknowledgement, disconnect cleanly, or {@link #abort()} (a crash: the TCP connection is closed without DISCONNECT).
 */
final class MqttLink {
    /**
     * A message received.
     *
     * @param message the run's message (null for one this run did not send)
     * @param topic its topic
     * @param qos the QoS it was delivered with
     * @param ack sends its PUBACK/PUBREC (does nothing at QoS 0)
     */
    record Incoming(Envelope message, String topic, int qos, Runnable ack) {}

    private final MqttTarget target;
    private final String clientId;
    private final Mqtt5AsyncClient v5;
    private final Mqtt3AsyncClient v3;
    /** Up from a successful connect until the connection ends. */
    private volatile boolean up;
    /** Set by {@link #disconnect()} and {@link #abort()}: the end of the connection is this client's own. */
    private volatile boolean ending;

    private volatile Runnable onLost;

    MqttLink(MqttTarget target, String clientId) {
        this.target = target;
        this.clientId = clientId;
        MqttClientBuilder b = MqttClient.builder()
                .identifier(clientId)
                .serverHost(target.host())
                .serverPort(target.port())
                .transportConfig()
                .socketConnectTimeout(target.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .mqttConnectTimeout(target.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .applyTransportConfig()
                .addDisconnectedListener(context -> lost());
        if (target.tls()) {
            b = b.sslWithDefaultConfig();
        }
        if (target.v5()) {
            var b5 = b.useMqttVersion5();
            if (target.username() != null) {
                b5 = b5.simpleAuth()
                        .username(target.username())
                        .password(bytes(target.password()))
                        .applySimpleAuth();
            }
            v5 = b5.buildAsync();
            v3 = null;
        } else {
            var b3 = b.useMqttVersion3();
            if (target.username() != null) {
                b3 = b3.simpleAuth()
                        .username(target.username())
                        .password(bytes(target.password()))
                        .applySimpleAuth();
            }
            v3 = b3.buildAsync();
            v5 = null;
        }
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    String clientId() {
        return clientId;
    }

    /**
     * Runs {@code r} (on a thread of its own) each time an established connection ends without this client's
     * {@link #disconnect()} or {@link #abort()}: the broker closed it or crashed, or the network reset it. The client
     * is then disconnected; reconnect with a new {@code MqttLink} of the same client id (the HiveMQ client ends its
     * message flows with its own session, so a client object is not reused after a lost connection).
     */
    void onLost(Runnable r) {
        this.onLost = r;
    }

    /** True while the client is connected. */
    boolean up() {
        return up;
    }

    private void lost() {
        boolean was = up;
        up = false;

        Runnable r = onLost;
        if (was && !ending && r != null) {
            Thread t = new Thread(r, "mqtt-lost " + clientId);
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * Hands every message received to {@code sink} (on the client's thread), each to be acknowledged by its
     * {@link Incoming#ack()}. Call before {@link #connect}, so that messages a resumed session holds are not missed.
     */
    void onMessage(Consumer<Incoming> sink) {
        MqttInbound.register(v5, v3, sink);
    }

    /**
     * Connects; returns whether the broker resumed a session for this client id. Returns once the broker has set
     * the connection up (a SUBSCRIBE sent earlier can make Moquette close it: {@link MoquetteConnections}).
     *
     * @param cleanStart start a new session (MQTT 3.1.1: clean session)
     * @param sessionExpirySeconds MQTT 5: how long the broker keeps the session after the connection ends (0: with
     *     the connection); MQTT 3.1.1: a session is kept (for ever) when greater than 0
     * @param receiveMaximum MQTT 5: QoS 1/2 messages the broker may have unacknowledged at this client
     */
    boolean connect(boolean cleanStart, long sessionExpirySeconds, int receiveMaximum) throws LiveException {
        int before = target.setUp() == null ? 0 : target.setUp().connections(clientId);
        ending = false;
        boolean resumed = connectNow(cleanStart, sessionExpirySeconds, receiveMaximum);
        if (target.setUp() != null) {
            try {
                if (!target.setUp().await(clientId, before + 1, target.timeout())) {
                    abort();
                    throw new LiveException(target.where() + ": client " + clientId
                            + " had its CONNACK but the broker did not finish setting up the connection within "
                            + target.timeout().toMillis() + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort();
                throw new LiveException(target.where() + ": interrupted while client " + clientId + " connected", e);
            }
        }
        up = true;
        return resumed;
    }

    private boolean connectNow(boolean cleanStart, long sessionExpirySeconds, int receiveMaximum) throws LiveException {
        try {
            if (v5 != null) {
                var ack = await(v5.connectWith()
                        .cleanStart(cleanStart)
                        .sessionExpiryInterval(sessionExpirySeconds)
                        .keepAlive(30)
                        .restrictions()
                        .receiveMaximum(Math.max(1, Math.min(65535, receiveMaximum)))
                        .applyRestrictions()
                        .send());
                return ack.isSessionPresent();
            }
            var ack = await(v3.connectWith()
                    .cleanSession(cleanStart || sessionExpirySeconds == 0)
                    .keepAlive(30)
                    .send());
            return ack.isSessionPresent();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Mqtt5ConnAckException ce
                    && (ce.getMqttMessage().getReasonCode() == Mqtt5ConnAckReasonCode.NOT_AUTHORIZED
                            || ce.getMqttMessage().getReasonCode()
                                    == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD)) {
                throw new LiveException(
                        target.where() + ": authentication failed (" + ce.getMessage()
                                + "; check username and the password's environment variable in --brokers)",
                        c);
            }
            if (c instanceof Mqtt3ConnAckException ce
                    && (ce.getMqttMessage().getReturnCode() == Mqtt3ConnAckReturnCode.NOT_AUTHORIZED
                            || ce.getMqttMessage().getReturnCode()
                                    == Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD)) {
                throw new LiveException(
                        target.where() + ": authentication failed (" + ce.getMessage()
                                + "; check username and the password's environment variable in --brokers)",
                        c);
            }
            if (c instanceof ConnectionFailedException) {
                throw new LiveException(
                        "could not connect to " + target.where() + " within "
                                + target.timeout().toMillis() + " ms: " + c.getMessage(),
                        c);
            }
            throw new LiveException(
                    target.where() + ": client " + clientId + " could not connect: " + c.getMessage(), c);
        } catch (TimeoutException e) {
            abort();
            throw new LiveException(
                    "could not connect to " + target.where() + " within "
                            + target.timeout().toMillis() + " ms",
                    e);
        }
    }

    /** Subscribes to {@code filter} with {@code qos}; fails when the broker refuses. */
    void subscribe(String filter, int qos) throws LiveException {
        try {
            if (v5 != null) {
                var ack = await(v5.subscribeWith()
                        .topicFilter(filter)
                        .qos(MqttQos.fromCode(qos))
                        .send());
                Mqtt5SubAckReasonCode code = ack.getReasonCodes().get(0);
                if (code.isError()) {
                    throw new LiveException(target.where() + " refused the subscription to '" + filter + "': " + code);
                }
            } else {
                var ack = await(v3.subscribeWith()
                        .topicFilter(filter)
                        .qos(MqttQos.fromCode(qos))
                        .send());
                if (ack.getReturnCodes().get(0) == Mqtt3SubAckReturnCode.FAILURE) {
                    throw new LiveException(target.where() + " refused the subscription to '" + filter + "'");
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            Throwable c = e instanceof ExecutionException ? e.getCause() : e;
            throw new LiveException(target.where() + ": could not subscribe to '" + filter + "': " + c.getMessage(), c);
        }
    }

    /**
     * Publishes; the future completes when the broker acknowledged it (QoS 1: PUBACK, QoS 2: PUBCOMP) or, at QoS 0,
     * when it was written; exceptionally when it failed.
     */
    CompletableFuture<Void> publish(String topic, int qos, boolean retain, Envelope message) {
        if (v5 != null) {
            Mqtt5UserPropertiesBuilder props = Mqtt5UserProperties.builder();
            MqttWire.properties(message).forEach(props::add);
            return v5.publishWith()
                    .topic(topic)
                    .qos(MqttQos.fromCode(qos))
                    .retain(retain)
                    .payload(MqttWire.body(message, true))
                    .userProperties(props.build())
                    .send()
                    .thenApply(r -> {
                        if (r.getError().isPresent()) {
                            throw new CompletionException(r.getError().get());
                        }
                        return null;
                    });
        }
        return v3.publishWith()
                .topic(topic)
                .qos(MqttQos.fromCode(qos))
                .retain(retain)
                .payload(MqttWire.body(message, false))
                .send()
                .thenApply(p -> null);
    }

    /** Publishes an empty retained message on {@code topic}: the broker forgets its retained message. */
    void clearRetained(String topic) {
        try {
            if (v5 != null) {
                await(v5.publishWith()
                        .topic(topic)
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .retain(true)
                        .send());
            } else {
                await(v3.publishWith()
                        .topic(topic)
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .retain(true)
                        .send());
            }
        } catch (ExecutionException | TimeoutException e) {
            Logger.debug("clearing the retained message of {}: {}", topic, e.getMessage());
        }
    }

    /** Disconnects cleanly (DISCONNECT: no will; the session stays per its expiry). */
    void disconnect() {
        ending = true;
        try {
            await(v5 != null ? v5.disconnect() : v3.disconnect());
        } catch (ExecutionException | TimeoutException e) {
            Logger.debug("disconnect {}: {}", clientId, e.getMessage());
        }
    }

    /**
     * Dies abruptly: closes the TCP connection without DISCONNECT (the broker sees an unclean disconnect: it sends the
     * will, keeps a persistent session with its unacknowledged messages). Acknowledgements not sent yet are never sent.
     */
    void abort() {
        ending = true;
        MqttClientConnectionConfig connection = rawConfig().getRawConnectionConfig();
        if (connection != null) {
            connection.getChannel().close().awaitUninterruptibly(5_000);
        }
        // a connect in progress: let it fail, then close what it opened
        if (v5 != null) {
            v5.disconnect().exceptionally(t -> null);
        } else {
            v3.disconnect().exceptionally(t -> null);
        }
    }

    private MqttClientConfig rawConfig() {
        Object config = v5 != null ? v5.getConfig() : v3.getConfig();
        if (config instanceof MqttClientConfig raw) {
            return raw;
        }
        // MQTT 3.1.1 clients are a view over the same client: its config delegates to the MQTT 5 one
        try {
            Field delegate = config.getClass().getDeclaredField("delegate");
            delegate.setAccessible(true);
            return (MqttClientConfig) delegate.get(config);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("the HiveMQ client's connection cannot be reached to abort it", e);
        }
    }

    private <T> T await(CompletableFuture<T> f) throws ExecutionException, TimeoutException {
        try {
            return f.get(target.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException("interrupted", e);
        }
    }
}
