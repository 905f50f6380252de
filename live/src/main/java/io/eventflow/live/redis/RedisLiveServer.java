package io.eventflow.live.redis;

import io.eventflow.live.ConsumerSpec;
import io.eventflow.live.DeliveryHandler;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveProducer;
import io.eventflow.live.LiveServer;
import io.eventflow.live.ProducerSpec;
import io.eventflow.live.proxy.FaultProxy;
import io.eventflow.live.proxy.ProxyLink;
import io.eventflow.model.design.RedisStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * Redis Streams for a live run (a private local redis-server, or the user's). A channel is a stream (its run name),
 * XADD with the design's MAXLEN (exact trimming); a group is a consumer group created at its first consumer (from the
 * start of the stream or its end, as the design says). Every group gets every entry. Admin read-back: pending entries
 * plus entries after the group's last delivered id; what MAXLEN trimmed before a group read it is lost for it
 * ({@code trimmed}).
 */
final class RedisLiveServer implements LiveServer {
    private final JedisClientConfig config;
    private final RedisClient admin;
    private final String description;
    private final LocalRedisServer local;
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    /** Entries this run added, by stream: entry id and message id (to tell what MAXLEN trimmed). */
    private final Map<String, Map<StreamEntryID, Long>> added = new ConcurrentHashMap<>();
    /** NOACK entries a crash kept from being handed over, by stream and group. */
    private final Map<String, Set<Long>> lostOnCrash = new ConcurrentHashMap<>();
    /** Groups (stream + group) that read without ack (NOACK) and had a consumer killed. */
    private final Set<String> killedWithoutAck = ConcurrentHashMap.newKeySet();

    /** Where clients connect: the server, or a routed service's proxy link. */
    private final RedisRoutes routes;

    /**
     * @param local the local server this run started, or null
     * @param proxy the fault proxy in front of {@code local} (null: none)
     * @param links per routed design service, its link of {@code proxy}
     */
    RedisLiveServer(
            HostAndPort address,
            JedisClientConfig config,
            String description,
            LocalRedisServer local,
            FaultProxy proxy,
            Map<String, ProxyLink> links,
            String runPrefix) {
        this.config = config;
        this.admin =
                RedisClient.builder().hostAndPort(address).clientConfig(config).build();
        this.description = description;
        this.local = local;
        this.routes = new RedisRoutes(address, config, proxy, links, runPrefix);
        admin.ping();
    }

    @Override
    public List<ProxyLink> links(String service) {
        return routes.links(service);
    }

    /** Kills the local server (SIGKILL: no shutdown, no final save); clients see their connections break. */
    @Override
    public void crashNode(int node) throws LiveException {
        checkNode(node);
        local.crash();
    }

    /** Starts the local server again on its folder: it loads its append-only file; the clients connect again. */
    @Override
    public void restartNode(int node) throws LiveException {
        checkNode(node);
        try {
            local.restart();
        } catch (RuntimeException e) {
            throw new LiveException("the local redis-server did not start again: " + e.getMessage(), e);
        }
    }

    private void checkNode(int node) throws LiveException {
        if (local == null) {
            throw new LiveException(description + " is not a server this run started: it is not crashed live");
        }
        if (node != 0) {
            throw new LiveException("the local redis-server is one node (node 0), not node " + node);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean embedded() {
        return local != null;
    }

    @Override
    public void createTopology(List<LiveChannel> channels) throws LiveException {
        for (LiveChannel c : channels) {
            boolean exists = admin.exists(c.name());
            if (!c.existing() && exists) {
                throw new LiveException("channel '" + c.id() + "': key '" + c.name() + "' exists already on "
                        + description + " and was not made by this run");
            }
            if (!c.existing()) {
                created.add(c.name());
            }
        }
    }

    @Override
    public void deleteTopology() {
        created.forEach(admin::del);
        created.clear();
    }

    static Map<String, String> fields(Envelope m) {
        Map<String, String> f = new LinkedHashMap<>(m.wireHeaders());
        if (m.key() != null) {
            f.put(RedisLiveConsumer.KEY, m.key());
        }
        f.put(RedisLiveConsumer.PAYLOAD, new String(m.payload(), java.nio.charset.StandardCharsets.UTF_8));
        return f;
    }

    @Override
    public LiveProducer producer(ProducerSpec spec) {
        RedisClient client = routes.clientFor(spec.service(), admin);
        return new LiveProducer() {
            @Override
            public void send(LiveChannel channel, Envelope message, SendCallback callback) {
                try {
                    XAddParams params = XAddParams.xAddParams();
                    Integer maxLen = RedisStream.of(channel.channel()).maxLen();
                    if (maxLen != null) {
                        params.maxLen(maxLen).exactTrimming();
                    }
                    StreamEntryID id = client.xadd(channel.name(), params, fields(message));
                    added.computeIfAbsent(channel.name(), k -> new ConcurrentHashMap<>())
                            .put(id, message.messageId());
                } catch (JedisException e) {
                    callback.done(message, e);
                    return;
                }
                callback.done(message, null);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}

            @Override
            public void kill() {}
        };
    }

    @Override
    public LiveConsumer consumer(ConsumerSpec spec, DeliveryHandler handler) {
        String key = spec.channel().name() + "\u0000" + spec.group();
        return new RedisLiveConsumer(
                routes.addressFor(routes.serviceOf(spec.clientId())),
                config,
                spec,
                handler,
                id -> lostOnCrash
                        .computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet())
                        .add(id),
                () -> killedWithoutAck.add(key));
    }

    private StreamGroupInfo group(LiveChannel channel, String group) {
        if (!admin.exists(channel.name())) {
            return null;
        }
        return admin.xinfoGroups(channel.name()).stream()
                .filter(g -> g.getName().equals(group))
                .findFirst()
                .orElse(null);
    }

    @Override
    public long depth(LiveChannel channel, String group) {
        try {
            StreamGroupInfo g = group(channel, group);
            if (g == null) {
                return admin.exists(channel.name()) ? admin.xlen(channel.name()) : 0;
            }
            Object lag = g.getGroupInfo().get("lag");
            return g.getPending() + (lag instanceof Long l ? l : 0);
        } catch (JedisException e) {
            return -1;
        }
    }

    @Override
    public Set<Long> pending(LiveChannel channel, String group) throws LiveException {
        Set<Long> ids = new LinkedHashSet<>();
        try {
            StreamGroupInfo g = group(channel, group);
            if (g == null) {
                return ids;
            }
            for (StreamPendingEntry p :
                    admin.xpending(channel.name(), group, XPendingParams.xPendingParams("-", "+", Integer.MAX_VALUE))) {
                for (StreamEntry e : admin.xrange(channel.name(), p.getID(), p.getID())) {
                    add(ids, e);
                }
            }
            StreamEntryID last = g.getLastDeliveredId();
            for (StreamEntry e : admin.xrange(channel.name(), "(" + last, "+")) {
                add(ids, e);
            }
        } catch (JedisException e) {
            throw new LiveException("could not read stream '" + channel.name() + "': " + e.getMessage(), e);
        }
        return ids;
    }

    private static void add(Set<Long> ids, StreamEntry e) {
        Envelope m = RedisLiveConsumer.read(e);
        if (m != null) {
            ids.add(m.messageId());
        }
    }

    /** Entries this run added that MAXLEN trimmed from the stream since, read or not. */
    @Override
    public long evicted(LiveChannel channel) throws LiveException {
        Map<StreamEntryID, Long> mine = added.getOrDefault(channel.name(), Map.of());
        if (mine.isEmpty()) {
            return 0;
        }
        try {
            List<StreamEntry> first = admin.xrange(channel.name(), "-", "+", 1);
            StreamEntryID oldest = first.isEmpty() ? null : first.get(0).getID();
            return mine.keySet().stream()
                    .filter(id -> oldest == null || id.compareTo(oldest) < 0)
                    .count();
        } catch (JedisException e) {
            throw new LiveException("could not read stream '" + channel.name() + "': " + e.getMessage(), e);
        }
    }

    /** Entries MAXLEN trimmed from the stream: lost for every group that had not read them ({@code trimmed}). */
    @Override
    public Map<Long, String> losses(LiveChannel channel, String group) {
        Map<Long, String> out = new HashMap<>();
        String key = channel.name() + "\u0000" + group;
        lostOnCrash.getOrDefault(key, Set.of()).forEach(id -> out.put(id, "crash"));
        Map<StreamEntryID, Long> mine = added.getOrDefault(channel.name(), Map.of());
        if (killedWithoutAck.contains(key)) {
            // NOACK: an entry the server delivered to the group (at or below its last-delivered id) is off the broker.
            // A consumer killed during its read never saw the ids the server had just sent it: the crash lost them.
            // (The ledger uses a cause only for an owed id nothing else explains: not processed, not pending, not
            // dead-lettered.)
            StreamGroupInfo info = group(channel, group);
            if (info != null && info.getLastDeliveredId() != null) {
                StreamEntryID last = info.getLastDeliveredId();
                mine.forEach((id, messageId) -> {
                    if (id.compareTo(last) <= 0) {
                        out.putIfAbsent(messageId, "crash");
                    }
                });
            }
        }
        if (mine.isEmpty() || RedisStream.of(channel.channel()).maxLen() == null) {
            return out;
        }
        List<StreamEntry> first = admin.xrange(channel.name(), "-", "+", 1);
        StreamEntryID oldest = first.isEmpty() ? null : first.get(0).getID();
        mine.forEach((id, messageId) -> {
            if (oldest == null || id.compareTo(oldest) < 0) {
                out.put(messageId, "trimmed");
            }
        });
        return out;
    }

    /**
     * A replay moves the group's last delivered id once (XGROUP SETID, whatever the number of consumers), as the
     * simulator's Redis group does: {@code earliest} before the first entry ({@code 0}), {@code latest} after the last
     * ({@code $}), {@code time} after the last entry added before that millisecond (entry ids are the server's
     * milliseconds), {@code offset} N before the N-th entry since the stream began (counting entries MAXLEN trimmed
     * since: XINFO STREAM's {@code entries-added}; N within the trimmed ones is the first stored entry). ENTRIESREAD
     * (Redis 7.0) tells the group how many entries it has read then, so its lag (XINFO GROUPS), and the run's depth and
     * drain, stay right. Pending entries stay pending; entries after the new id are delivered again by XREADGROUP.
     */
    @Override
    public void replay(LiveChannel channel, String group, LiveConsumer.Seek to, List<LiveConsumer> consumers)
            throws LiveException {
        String stream = channel.name();
        try {
            var info = admin.xinfoStream(stream);
            long length = info.getLength();
            long added = entriesAdded(info, length);
            long trimmed = added - length; // entries of the stream's history no longer stored
            String id;
            long read;
            switch (to.to()) {
                case "earliest" -> {
                    id = "0-0";
                    read = trimmed;
                }
                case "latest" -> {
                    id = "$";
                    read = added;
                }
                case "offset" -> {
                    long n = Math.max(0, to.value());
                    if (n <= trimmed) {
                        id = "0-0";
                        read = trimmed;
                    } else if (n >= added) {
                        id = "$";
                        read = added;
                    } else {
                        List<StreamEntry> before = admin.xrange(stream, "-", "+", (int) Math.min(n - trimmed, length));
                        id = before.get(before.size() - 1).getID().toString();
                        read = trimmed + before.size();
                    }
                }
                case "time" -> {
                    List<StreamEntry> last = admin.xrevrange(stream, "(" + to.value() + "-0", "-", 1);
                    if (last.isEmpty()) {
                        id = "0-0";
                        read = trimmed;
                    } else {
                        id = last.get(0).getID().toString();
                        read = trimmed + countUpTo(stream, last.get(0).getID());
                    }
                }
                default -> throw new LiveException("replay to earliest, latest, offset or time, not '" + to.to() + "'");
            }
            admin.sendCommand(
                    redis.clients.jedis.Protocol.Command.XGROUP,
                    "SETID",
                    stream,
                    group,
                    id,
                    "ENTRIESREAD",
                    Long.toString(read));
        } catch (JedisException e) {
            throw new LiveException(
                    "replay of group '" + group + "' on stream '" + stream + "' failed: " + e.getMessage(), e);
        }
    }

    private static long entriesAdded(redis.clients.jedis.resps.StreamInfo info, long length) throws LiveException {
        Object added = info.getStreamInfo().get("entries-added");
        if (added instanceof Long l) {
            return l;
        }
        throw new LiveException(
                "the server does not report 'entries-added' (XINFO STREAM): replay needs Redis 7.0 or" + " later");
    }

    /** Stored entries of {@code stream} up to and including {@code last}, read in pages of ids. */
    private long countUpTo(String stream, StreamEntryID last) {
        long n = 0;
        String from = "-";
        while (true) {
            List<StreamEntry> page = admin.xrange(stream, from, last.toString(), 1000);
            n += page.size();
            if (page.size() < 1000) {
                return n;
            }
            from = "(" + page.get(page.size() - 1).getID();
        }
    }

    @Override
    public List<Envelope> readBack(LiveChannel channel) throws LiveException {
        List<Envelope> out = new ArrayList<>();
        try {
            for (StreamEntry e : admin.xrange(channel.name(), "-", "+")) {
                Envelope m = RedisLiveConsumer.read(e);
                if (m != null) {
                    out.add(m);
                }
            }
        } catch (JedisException e) {
            throw new LiveException("could not read stream '" + channel.name() + "': " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() {
        admin.close();
        if (local != null) {
            local.close();
        }
        routes.close();
    }
}
