package io.eventflow.live.mqtt;

import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveProducer;
import io.eventflow.live.ProducerSpec;
import io.eventflow.model.design.MqttTopic;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.tinylog.Logger;

/**
 * The MQTT client of one producing service instance (a clean session): publishes with the channel's {@code qos} and
 * {@code retained} flag on the channel's topic with the message's key in place of its key parameter. A send is done
 * when the broker acknowledges it (QoS 1: PUBACK; QoS 2: PUBCOMP) or, at QoS 0, when it is written (nothing answers).
 */
final class MqttLiveProducer implements LiveProducer {
    private final MqttLiveServer server;
    private volatile MqttLink link;
    private final MqttTarget target;
    private final String clientId;
    private final AtomicLong inFlight = new AtomicLong();
    private volatile boolean killed;
    private volatile boolean closing;

    MqttLiveProducer(MqttLiveServer server, ProducerSpec spec) throws LiveException {
        this.server = server;
        this.target = server.target(spec.service());
        this.clientId = MqttTopics.clientId(spec.clientId());
        this.link = new MqttLink(target, clientId);
        link.onLost(this::lost);
        link.connect(true, 0, 65535);
        server.producers.add(this);
    }

    /**
     * The connection ended without this client's doing (a broker crash, a reset on the network): it connects again
     * (a clean session, the same client id) every {@link MqttLiveConsumer#RECONNECT_MILLIS} until it is back. Sends
     * meanwhile fail at once (the client is not connected), and QoS 1/2 sends unacknowledged when the connection
     * ended fail with their session: the run counts them as failed sends.
     */
    private void lost() {
        while (!killed && !closing) {
            try {
                server.reconnectPause(MqttLiveConsumer.RECONNECT_MILLIS);
                if (killed || closing) {
                    return;
                }
                MqttLink fresh = new MqttLink(target, clientId);
                fresh.onLost(this::lost);
                try {
                    fresh.connect(true, 0, 65535);
                } catch (LiveException | RuntimeException e) {
                    fresh.abort(); // what a failed attempt opened
                    throw e;
                }
                link = fresh;
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (LiveException | RuntimeException e) {
                Logger.debug("MQTT producer {} reconnecting: {}", clientId, e.getMessage());
            }
        }
    }

    @Override
    public void send(LiveChannel channel, Envelope message, SendCallback callback) {
        MqttTopic settings = MqttTopic.of(channel.channel());
        int qos = settings.qosOrDefault();
        boolean retain = Boolean.TRUE.equals(settings.retained());
        String topic = MqttTopics.topic(channel.name(), message.key(), server.keyFields(channel.id()));
        inFlight.incrementAndGet();
        try {
            link.publish(topic, qos, retain, message).whenComplete((v, error) -> {
                try {
                    if (error == null) {
                        server.sent(channel, topic, message.messageId(), retain);
                    }
                    callback.done(message, error);
                } finally {
                    synchronized (inFlight) {
                        inFlight.decrementAndGet();
                        inFlight.notifyAll();
                    }
                }
            });
        } catch (RuntimeException e) {
            synchronized (inFlight) {
                inFlight.decrementAndGet();
            }
            callback.done(message, e);
        }
    }

    /**
     * At QoS 1/2 a failed publish is sent again per the design's producer retry. At QoS 0 nothing acknowledges a
     * publish, so a publisher never learns that one was lost and never sends it again: the run does not either, as
     * the simulator does not (lint EF023).
     */
    @Override
    public boolean resendsFailed(LiveChannel channel) {
        return MqttTopic.of(channel.channel()).qosOrDefault() > 0;
    }

    /**
     * Waits up to 10 s for every send to be answered (a broker that stops reading leaves QoS 0 sends unwritten and
     * QoS 1/2 ones unacknowledged: what is still open then counts when it is answered, or not at all).
     */
    @Override
    public void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (inFlight) {
            while (inFlight.get() > 0 && !killed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    Logger.warn("{} sends still unanswered after 10 s", inFlight.get());
                    return;
                }
                try {
                    inFlight.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** True while connected, or once closed or killed (nothing to wait for). */
    boolean settled() {
        return killed || closing || link.up();
    }

    @Override
    public void close() {
        flush();
        closing = true;
        link.disconnect();
    }

    @Override
    public void kill() {
        killed = true;
        link.abort();
    }
}
