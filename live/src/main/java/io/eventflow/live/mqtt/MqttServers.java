package io.eventflow.live.mqtt;

import io.eventflow.live.server.LocalServer;
import io.eventflow.live.server.ServerUnavailableException;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Picks the local server for an MQTT broker of a design that gives no endpoint: the in-process Moquette where MQTT
 * 3.1.1 can run the design, the machine's mosquitto (MQTT 5) where the design asks MQTT 5, and a clear refusal naming
 * the MQTT 5 features where there is no mosquitto.
 */
public final class MqttServers {
    private MqttServers() {}

    /**
     * What in the design asks MQTT 5 for this broker: its protocol version or protocol, and subscriptions on its
     * channels that set a session expiry (MQTT 3.1.1 sessions are either clean or kept forever) or a receive maximum,
     * and groups of several instances (they share one subscription, {@code $share/GROUP/TOPIC}: shared subscriptions
     * are MQTT 5's, and Moquette has none). Empty when Moquette (MQTT 3.1.1) can run it.
     */
    public static List<String> mqtt5Features(Design design, Broker broker) {
        List<String> features = new ArrayList<>();
        if (broker.protocolVersion() != null && broker.protocolVersion().trim().startsWith("5")) {
            features.add("protocolVersion " + broker.protocolVersion());
        }
        if ("mqtt5".equalsIgnoreCase(broker.protocol())) {
            features.add("protocol mqtt5");
        }
        for (Service service : design.services()) {
            for (Subscription sub : service.subscribes()) {
                Channel channel = design.channel(sub.channel()).orElse(null);
                if (channel == null || !Objects.equals(channel.broker(), broker.id())) {
                    continue;
                }
                String where = "service '" + service.id() + "' on channel '" + channel.id() + "'";
                if (sub.sessionExpiry() != null && sub.sessionExpiry().nanos() > 0) {
                    features.add(
                            where + ": sessionExpiry " + sub.sessionExpiry().text());
                }
                if (sub.receiveMaximum() != null) {
                    features.add(where + ": receiveMaximum " + sub.receiveMaximum());
                }
                if (service.instanceCount() > 1) {
                    features.add(where + ": " + service.instanceCount()
                            + " instances share the group's subscription ($share shared subscription)");
                }
            }
        }
        return features;
    }

    /**
     * Starts the local server for {@code broker}: Moquette in-process when {@link #mqtt5Features} is empty, else the
     * machine's mosquitto.
     *
     * @throws ServerUnavailableException when the design asks MQTT 5 and there is no mosquitto; the message names the
     *     features
     */
    public static LocalServer start(Design design, Broker broker) {
        List<String> features = mqtt5Features(design, broker);
        if (features.isEmpty()) {
            return EmbeddedMoquette.start();
        }
        if (LocalMosquittoServer.program().isEmpty()) {
            throw new ServerUnavailableException(refusal(broker, features));
        }
        return LocalMosquittoServer.start();
    }

    /** Why {@code broker} cannot run embedded without mosquitto, naming {@code features}, and what to do. */
    static String refusal(Broker broker, List<String> features) {
        return LocalMosquittoServer.missingMessage("MQTT broker '" + broker.id() + "' asks MQTT 5 ("
                + String.join("; ", features)
                + "), and the embedded MQTT broker (Moquette) speaks only MQTT 3.1.1; ");
    }
}
