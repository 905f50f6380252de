package io.eventflow.live.mqtt;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.tinylog.Logger;

/**
 * The connections the embedded Moquette has finished setting up, counted per client id (an interceptor of the broker).
 *
 * <p>Moquette answers CONNECT with CONNACK and marks the connection connected only when the CONNACK has been written,
 * in a listener that its session thread adds to the write after starting it. On a busy machine that listener can run
 * after the client, which had the CONNACK already, sent its SUBSCRIBE: Moquette takes it for a SUBSCRIBE on a closed
 * connection ("SUBSCRIBE received on already closed connection") and closes the connection without DISCONNECT. The
 * broker tells its interceptors about a connection after marking it, so a client that waits for that before
 * subscribing is never closed so ({@link MqttLink#connect}).
 */
final class MoquetteConnections extends AbstractInterceptHandler implements MqttTarget.SetUp {
    private final Map<String, Integer> counts = new HashMap<>();

    @Override
    public String getID() {
        return "eventflow-connections";
    }

    @Override
    public Class<?>[] getInterceptedMessageTypes() {
        return new Class<?>[] {InterceptConnectMessage.class};
    }

    @Override
    public synchronized void onConnect(InterceptConnectMessage msg) {
        counts.merge(msg.getClientID(), 1, Integer::sum);
        notifyAll();
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        Logger.warn(error, "the embedded MQTT broker's session loop failed");
    }

    @Override
    public synchronized int connections(String clientId) {
        return counts.getOrDefault(clientId, 0);
    }

    @Override
    public synchronized boolean await(String clientId, int n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (connections(clientId) < n) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
