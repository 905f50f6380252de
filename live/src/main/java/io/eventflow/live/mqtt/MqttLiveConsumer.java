package io.eventflow.live.mqtt;

import io.eventflow.live.ConsumerSpec;
import io.eventflow.live.Delivery;
import io.eventflow.live.DeliveryHandler;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * The MQTT client of one service instance in its group: client id = the instance's id (kept across a restart, so a
 * persistent session resumes), a shared subscription {@code $share/GROUP/FILTER} where the broker has them, the
 * subscription's QoS, session expiry ({@code sessionExpiry}; 0: a clean session) and {@code receiveMaximum}. QoS 1/2
 * messages are acknowledged (PUBACK / PUBREC) when processing is done, or on receipt with at-most-once; a crash closes
 * the connection without DISCONNECT, so nothing it held is acknowledged.
 */
final class MqttLiveConsumer implements LiveConsumer {
    /** How long a client whose connection was lost waits before each attempt to connect again. */
    static final long RECONNECT_MILLIS = 250;

    private final MqttLiveServer server;
    private final ConsumerSpec spec;
    private final DeliveryHandler handler;
    private final MqttGroupState group;
    private final String clientId;
    private final LinkedBlockingQueue<MqttLink.Incoming> inbox = new LinkedBlockingQueue<>();
    private volatile MqttLink link;
    private Thread thread;
    private volatile boolean ready;
    private volatile boolean stopping;
    private volatile boolean ended;

    MqttLiveConsumer(MqttLiveServer server, ConsumerSpec spec, DeliveryHandler handler, MqttGroupState group) {
        this.server = server;
        this.spec = spec;
        this.handler = handler;
        this.group = group;
        this.clientId = MqttTopics.clientId(spec.clientId());
    }

    @Override
    public void start() throws LiveException {
        if (!server.sharedSubscriptions() && group.othersConnected(clientId)) {
            throw new LiveException(
                    "group '" + spec.group() + "' on channel '" + spec.channel().id()
                            + "': a second instance needs a shared subscription ($share), which the embedded MQTT broker"
                            + " (Moquette) does not have; run with mosquitto installed or give an MQTT 5 broker in --brokers");
        }
        boolean seenBefore = group.clientIds().contains(clientId);
        link = new MqttLink(server.target(server.serviceOf(spec.clientId())), clientId);
        link.onMessage(inbox::add);
        link.onLost(this::lost);
        // a persistent session starts new on the first connect and resumes after a restart
        connectAndSubscribe(!group.persistent || !seenBefore, null);
        ready = true;
        thread = new Thread(this::loop, "mqtt-consumer " + spec.clientId());
        thread.setDaemon(true);
        thread.start();
    }

    /** Connects; subscribes unless the broker resumed the session (which has the subscription). */
    private void connectAndSubscribe(boolean cleanStart, String lostCause) throws LiveException {
        Integer receiveMaximum = spec.subscription().receiveMaximum();
        boolean resumed =
                link.connect(cleanStart, group.sessionExpirySeconds, receiveMaximum == null ? 65535 : receiveMaximum);
        group.connected(clientId, resumed, lostCause);
        if (resumed) {
            return;
        }
        String filter = MqttTopics.filter(spec.channel().name());
        int qos = spec.subscription().qos() != null
                ? spec.subscription().qos()
                : io.eventflow.model.design.MqttTopic.of(spec.channel().channel())
                        .qosOrDefault();
        link.subscribe(server.sharedSubscriptions() ? MqttTopics.shared(spec.group(), filter) : filter, qos);
    }

    /**
     * The connection ended without this client's doing (a broker crash, a reset on the network): the client keeps
     * processing what it holds (its acknowledgements go nowhere) and connects again with the same client id every
     * {@link #RECONNECT_MILLIS} until it is back or the consumer stops. A persistent session resumes (the broker
     * re-sends what was not acknowledged); a clean one starts anew, subscribing again.
     */
    private void lost() {
        boolean crashed = server.down();
        group.disconnected(clientId, crashed ? "crash" : "cleanSession");
        while (!stopping) {
            try {
                server.reconnectPause(RECONNECT_MILLIS);
                if (stopping) {
                    return;
                }
                MqttLink fresh = new MqttLink(server.target(server.serviceOf(spec.clientId())), clientId);
                fresh.onMessage(inbox::add);
                fresh.onLost(this::lost);
                link = fresh;
                connectAndSubscribe(!group.persistent, crashed || server.down() ? "crash" : null);
                Logger.debug("MQTT consumer {} connected again", clientId);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (LiveException | RuntimeException e) {
                Logger.debug("MQTT consumer {} reconnecting: {}", clientId, e.getMessage());
                if (link != null) {
                    link.abort(); // a half-made connection (subscribe refused, set-up timed out): start over
                }
            }
        }
    }

    private void loop() {
        int concurrency = Math.max(1, spec.subscription().concurrencyOrDefault());
        try {
            while (!stopping) {
                MqttLink.Incoming first = inbox.poll(100, TimeUnit.MILLISECONDS);
                if (first == null || stopping) {
                    if (first != null) {
                        inbox.add(first);
                    }
                    continue;
                }
                List<MqttLink.Incoming> got = new ArrayList<>();
                got.add(first);
                inbox.drainTo(got, spec.prefetch() - 1);
                List<Delivery> batch = new ArrayList<>();
                for (MqttLink.Incoming in : got) {
                    if (in.message() == null) {
                        in.ack().run(); // not the run's (or an empty retained message)
                        continue;
                    }
                    group.received(in.message().messageId());
                    if (spec.ack() == ConsumerSpec.Ack.ON_RECEIVE) {
                        in.ack().run();
                    }
                    // concurrency N: the messages at hand spread over N lanes processed at once
                    Envelope e =
                            in.message().at((int) Math.floorMod(in.message().messageId(), (long) concurrency), -1);
                    batch.add(new Delivery() {
                        @Override
                        public Envelope envelope() {
                            return e;
                        }

                        /** The HiveMQ client does not expose the DUP flag; the run counts ids seen before. */
                        @Override
                        public boolean redelivered() {
                            return false;
                        }

                        @Override
                        public void ack() {
                            if (!ended) {
                                in.ack().run();
                            }
                        }

                        /** MQTT cannot give a message back: the broker re-sends only when the session resumes. */
                        @Override
                        public void nack() {}
                    });
                }
                if (!batch.isEmpty()) {
                    handler.onBatch(this, batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopping) {
                Logger.warn(e, "MQTT consumer {} stopped", spec.clientId());
            }
        }
    }

    @Override
    public boolean ready() {
        return ready;
    }

    /**
     * Finishes the batch in hand, then disconnects (DISCONNECT: no will). A persistent session keeps what was not
     * delivered yet. A clean session's client first takes what the broker still pushes to it (within 2 s,
     * acknowledged, unprocessed). What the client had received and not handed to processing counts as in its hands
     * (in flight at the end of a run, as a worker's unfinished delivery does).
     */
    @Override
    public void close() {
        stopping = true;
        join();
        ended = true;
        // received, not yet handed to processing: in this client's hands (a persistent session also keeps them)
        List<MqttLink.Incoming> left = new ArrayList<>();
        inbox.drainTo(left);
        if (link != null && (!group.persistent || group.grantedQos == 0)) {
            // A clean session's queue goes with the connection: take what the broker still has for this client
            // (acknowledged, not processed) so that it counts as on the broker at the end, not as lost.
            left.forEach(in -> in.ack().run());
            long deadline = System.nanoTime() + 2_000_000_000L;
            try {
                for (MqttLink.Incoming in = inbox.poll(300, TimeUnit.MILLISECONDS);
                        in != null && System.nanoTime() < deadline;
                        in = inbox.poll(300, TimeUnit.MILLISECONDS)) {
                    in.ack().run();
                    left.add(in);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (link != null) {
            link.disconnect();
        }
        group.leftInHand(left.stream()
                .filter(in -> in.message() != null)
                .map(in -> in.message().messageId())
                .toList());
        group.disconnected(clientId, "cleanSession");
    }

    /** Dies: the connection closes without DISCONNECT; nothing held is acknowledged. */
    @Override
    public void kill() {
        stopping = true;
        ended = true;
        if (link != null) {
            link.abort();
        }
        if (thread != null) {
            thread.interrupt();
        }
        join();
        leftInHand(group.persistent && group.grantedQos > 0 ? null : "crash");
        group.disconnected(clientId, "cleanSession");
    }

    /** Messages received but never handed to processing: lost with the session, or left on it (persistent). */
    private void leftInHand(String cause) {
        List<MqttLink.Incoming> left = new ArrayList<>();
        inbox.drainTo(left);
        if (cause == null) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        left.stream()
                .filter(in -> in.message() != null)
                .forEach(in -> ids.add(in.message().messageId()));
        group.droppedInHand(ids, group.grantedQos == 0 ? "qos0" : cause);
    }

    private void join() {
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
