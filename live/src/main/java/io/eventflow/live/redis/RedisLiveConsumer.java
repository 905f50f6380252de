package io.eventflow.live.redis;

import io.eventflow.live.ConsumerSpec;
import io.eventflow.live.Delivery;
import io.eventflow.live.DeliveryHandler;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinylog.Logger;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A Redis Streams consumer of one service instance in its consumer group (the consumer name is the instance's client
 * id, kept across a restart): its own connection and thread, XREADGROUP of at most the prefetch with a 100 ms block.
 * Acks: NOACK for at-most-once, XACK after processing, or XACK of everything read at the first read after each
 * interval. A nack, and a restart of the same consumer, re-read the consumer's own pending entries (id 0); with the
 * design's {@code claimIdle}, entries idle that long in other consumers' pending lists are claimed (XAUTOCLAIM), which
 * is how what a crashed consumer held gets processed.
 *
 * <p>When its connection breaks (a broker crash, a reset on a fault proxy link) it connects again every
 * {@value #RECONNECT_MILLIS} ms until the server answers, under the same consumer name, and first re-reads its own
 * pending entries: what it had read and not acked (its acks sent meanwhile failed) is delivered again, processed a
 * second time when its first processing had finished (a duplicate). Entries a NOACK read had on the wire when the
 * connection broke were never seen: no client can tell (the run counts them {@code unknown}, naming the fault).
 */
final class RedisLiveConsumer implements LiveConsumer {
    static final String KEY = "ef-key";
    static final String PAYLOAD = "payload";

    private final HostAndPort address;
    private final JedisClientConfig config;
    private final ConsumerSpec spec;
    private final DeliveryHandler handler;
    private final java.util.function.Consumer<Long> lostOnCrash;
    private final Runnable killedWithoutAck;
    private final List<StreamEntryID> toAck = new ArrayList<>();
    static final long RECONNECT_MILLIS = 250;
    private volatile Jedis jedis;
    private volatile boolean ready;
    private volatile boolean stopping;
    private volatile boolean killed;
    private boolean rereadOwn = true;
    private Thread thread;
    private long lastCommit = System.currentTimeMillis();

    /**
     * @param lostOnCrash told of entries read without ack (NOACK) that a crash kept from being handed over
     * @param killedWithoutAck told when this consumer reads without ack (NOACK) and is killed: entries the server sent
     *     it during the read that the kill cut off are gone, and the client never saw their ids
     */
    RedisLiveConsumer(
            HostAndPort address,
            JedisClientConfig config,
            ConsumerSpec spec,
            DeliveryHandler handler,
            java.util.function.Consumer<Long> lostOnCrash,
            Runnable killedWithoutAck) {
        this.lostOnCrash = lostOnCrash;
        this.killedWithoutAck = killedWithoutAck;
        this.address = address;
        this.config = config;
        this.spec = spec;
        this.handler = handler;
    }

    static Envelope read(StreamEntry e) {
        Map<String, String> wire = new LinkedHashMap<>(e.getFields());
        String key = wire.remove(KEY);
        String payload = wire.remove(PAYLOAD);
        return Envelope.fromWire(
                wire,
                key,
                payload == null ? null : payload.getBytes(StandardCharsets.UTF_8),
                -1,
                e.getID().getSequence());
    }

    @Override
    public void start() throws LiveException {
        String stream = spec.channel().name();
        try {
            jedis = new Jedis(address, config);
            try {
                jedis.xgroupCreate(
                        stream,
                        spec.group(),
                        spec.fromEarliest() ? new StreamEntryID(0, 0) : StreamEntryID.XGROUP_LAST_ENTRY,
                        true);
            } catch (JedisException e) {
                if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                    throw e;
                }
            }
        } catch (JedisException e) {
            if (jedis != null) {
                jedis.close();
            }
            throw new LiveException(
                    "consumer " + spec.clientId() + " could not join group '" + spec.group() + "' on stream '" + stream
                            + "': " + e.getMessage(),
                    e);
        }
        thread = new Thread(this::loop, "redis-consumer " + spec.clientId());
        thread.setDaemon(true);
        thread.start();
        ready = true;
    }

    private void loop() {
        while (!stopping) {
            try {
                poll();
                return;
            } catch (JedisConnectionException e) {
                if (stopping) {
                    return;
                }
                Logger.debug("consumer {} lost its connection: {}", spec.clientId(), e.getMessage());
                if (!reconnect()) {
                    return;
                }
            }
        }
    }

    /**
     * Connects again (every {@value #RECONNECT_MILLIS} ms until the server answers or the consumer stops) under the
     * same consumer name; what it read with acks pending is re-read from its own pending list. False when it stopped.
     */
    private boolean reconnect() {
        Jedis old = jedis;
        if (old != null) {
            try {
                old.close();
            } catch (RuntimeException e) {
                Logger.debug("close of a broken connection: {}", e.getMessage());
            }
        }
        synchronized (toAck) {
            toAck.clear(); // those entries stay pending: the re-read below delivers them again
        }
        while (!stopping) {
            try {
                Thread.sleep(RECONNECT_MILLIS);
                Jedis j = new Jedis(address, config);
                j.ping();
                jedis = j;
                rereadOwn = spec.ack() != ConsumerSpec.Ack.ON_RECEIVE;
                Logger.debug("consumer {} connected again", spec.clientId());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (JedisException e) {
                Logger.debug("consumer {} could not connect again: {}", spec.clientId(), e.getMessage());
            }
        }
        return false;
    }

    private void poll() {
        String stream = spec.channel().name();
        try {
            while (!stopping) {
                commitIfDue();
                List<StreamEntry> got = new ArrayList<>();
                boolean again = rereadOwn;
                if (rereadOwn) {
                    rereadOwn = false;
                    got.addAll(readGroup(stream, new StreamEntryID(0, 0), false));
                }
                var idle = spec.subscription().claimIdle();
                if (got.isEmpty() && idle != null) {
                    again = true;
                    got.addAll(jedis.xautoclaim(
                                    stream,
                                    spec.group(),
                                    spec.clientId(),
                                    Math.round(idle.millis()),
                                    new StreamEntryID(0, 0),
                                    XAutoClaimParams.xAutoClaimParams().count(spec.prefetch()))
                            .getValue());
                }
                if (got.isEmpty()) {
                    again = false;
                    got.addAll(readGroup(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY, true));
                }
                if (stopping) {
                    // Read but not handed over: pending for the group (re-read by a restart or claimed), except
                    // entries read with NOACK, which are gone.
                    if (spec.ack() == ConsumerSpec.Ack.ON_RECEIVE) {
                        got.stream()
                                .map(RedisLiveConsumer::read)
                                .filter(java.util.Objects::nonNull)
                                .forEach(e -> lostOnCrash.accept(e.messageId()));
                    }
                    return;
                }
                List<Delivery> batch = new ArrayList<>();
                for (StreamEntry e : got) {
                    Envelope m = read(e);
                    if (m == null) {
                        continue;
                    }
                    if (spec.ack() == ConsumerSpec.Ack.AUTO) {
                        synchronized (toAck) {
                            toAck.add(e.getID());
                        }
                    }
                    batch.add(new RedisDelivery(e.getID(), m, again));
                }
                if (!batch.isEmpty()) {
                    handler.onBatch(this, batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (JedisConnectionException e) {
            throw e;
        } catch (RuntimeException e) {
            if (!stopping) {
                Logger.warn("consumer {} stopped: {}", spec.clientId(), e.getMessage());
            }
        }
    }

    private List<StreamEntry> readGroup(String stream, StreamEntryID from, boolean block) {
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(spec.prefetch());
        if (block) {
            params.block(100);
        }
        if (spec.ack() == ConsumerSpec.Ack.ON_RECEIVE) {
            params.noAck();
        }
        var result = jedis.xreadGroup(spec.group(), spec.clientId(), params, Map.of(stream, from));
        if (result == null || result.isEmpty()) {
            return List.of();
        }
        return result.get(0).getValue();
    }

    private void commitIfDue() {
        long now = System.currentTimeMillis();
        if (spec.ack() == ConsumerSpec.Ack.AUTO && now - lastCommit >= spec.commitIntervalMillis()) {
            lastCommit = now;
            ackAll();
        }
    }

    private void ackAll() {
        StreamEntryID[] ids;
        synchronized (toAck) {
            if (toAck.isEmpty()) {
                return;
            }
            ids = toAck.toArray(new StreamEntryID[0]);
            toAck.clear();
        }
        jedis.xack(spec.channel().name(), spec.group(), ids);
    }

    private final class RedisDelivery implements Delivery {
        private final StreamEntryID id;
        private final Envelope envelope;
        private final boolean redelivered;

        RedisDelivery(StreamEntryID id, Envelope envelope, boolean redelivered) {
            this.id = id;
            this.envelope = envelope;
            this.redelivered = redelivered;
        }

        @Override
        public Envelope envelope() {
            return envelope;
        }

        @Override
        public boolean redelivered() {
            return redelivered;
        }

        @Override
        public void ack() {
            if (spec.ack() == ConsumerSpec.Ack.AFTER_PROCESSING) {
                try {
                    jedis.xack(spec.channel().name(), spec.group(), id);
                } catch (JedisException e) {
                    // the connection broke: the entry stays pending and is re-read after the reconnect
                    Logger.debug("ack failed: {}", e.getMessage());
                }
            }
        }

        @Override
        public void nack() {
            if (spec.ack() != ConsumerSpec.Ack.ON_RECEIVE) {
                rereadOwn = true; // stays pending: read again from the consumer's own pending list
            }
        }
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public void close() {
        stopping = true;
        join();
        try {
            if (spec.ack() == ConsumerSpec.Ack.AUTO && !killed) {
                ackAll();
            }
        } catch (JedisException e) {
            Logger.debug("ack failed: {}", e.getMessage());
        }
        if (jedis != null) {
            jedis.close();
        }
    }

    @Override
    public void kill() {
        killed = true;
        stopping = true;
        if (spec.ack() == ConsumerSpec.Ack.ON_RECEIVE) {
            killedWithoutAck.run();
        }
        if (jedis != null) {
            try {
                jedis.getConnection().forceDisconnect();
            } catch (Exception e) {
                Logger.debug("socket close: {}", e.getMessage());
            }
        }
        join();
        if (jedis != null) {
            jedis.close();
        }
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
