package io.eventflow.live.internal;

import io.eventflow.live.Endpoint;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveConnector;
import io.eventflow.live.LiveConnectors;
import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveHeaders;
import io.eventflow.live.LiveOptions;
import io.eventflow.live.LiveResult;
import io.eventflow.live.LiveServer;
import io.eventflow.live.ProducerSpec;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.ProducerSettings;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.trace.TraceSink;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.tinylog.Logger;

/** One live run from start to report (the public entry is {@code LiveRun}). */
public final class Engine implements ScenarioPlayer.Services {
    private final Design design;
    private final Scenario scenario;
    private final long seed;
    private final Duration duration;
    private final Duration drain;
    private final Map<String, Endpoint> endpoints;
    private final LiveOptions options;
    private final LiveTrace trace;
    private final Consumer<String> progress;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, LiveServer> servers = new LinkedHashMap<>();
    private final Map<String, LiveConnector> connectors = new HashMap<>();
    private final Map<String, LiveService> services = new LinkedHashMap<>();
    /** Per dead-letter channel and partition, the next offset not yet re-driven. */
    private final Map<String, Map<Integer, Long>> redriven = new HashMap<>();

    private volatile Run run;
    private volatile boolean paused;
    private volatile boolean publishingStarted;
    private final java.util.concurrent.CountDownLatch stopRequested = new java.util.concurrent.CountDownLatch(1);
    private volatile long wallStart = System.nanoTime();

    public Engine(
            Design design,
            Scenario scenario,
            long seed,
            Duration duration,
            Duration drain,
            Map<String, Endpoint> endpoints,
            LiveOptions options,
            TraceSink trace,
            Consumer<String> progress) {
        this.design = design;
        this.scenario = scenario;
        this.seed = seed;
        this.duration = duration;
        this.drain = drain;
        this.endpoints = endpoints;
        this.options = options;
        this.trace = new LiveTrace(trace);
        this.progress = progress;
    }

    /** A fresh run prefix, {@code ef-} and 6 hex digits and {@code -}. */
    public static String newPrefix() {
        return String.format(Locale.ROOT, "ef-%06x-", new SecureRandom().nextInt(1 << 24));
    }

    public LiveResult run() throws LiveException {
        wallStart = System.nanoTime();
        check();
        io.eventflow.simulator.report.SimulationReport report;
        try {
            startBrokers();
            stopIfAsked();
            Map<String, LiveChannel> channels = topology();
            run = new Run(design, seed, options.runPrefix(), servers, channels, trace);
            run.paused = paused;
            List<LiveConsumer> started = build();
            awaitReady(started);
            stopIfAsked();
            services.values().forEach(s -> s.instances().forEach(LiveInstance::prepareProducers));
            ScenarioPlayer player = new ScenarioPlayer(run, this).plan(scenario);
            Sampler sampler = new Sampler(run, services.values());
            trace.startClock();
            run.publishingEndsAt = System.nanoTime() + duration.toNanos();
            progress.accept(String.format(Locale.ROOT, "publishing for %.1f s", duration.toNanos() / 1e9));
            sampler.start();
            services.values().forEach(s -> s.instances().forEach(LiveInstance::startPublishers));
            player.start();
            publishingStarted = true;
            publishFor(duration.toNanos());
            run.publishing = false;
            player.stop();
            notes.addAll(player.failures());
            services.values().forEach(s -> s.instances().forEach(LiveInstance::stopPublishers));
            if (stopRequested.getCount() == 0) {
                progress.accept("stopped: closing the clients");
            } else {
                progress.accept("draining (up to " + drain.toSeconds() + " s)");
                drain(sampler);
            }
            run.requests.stop();
            run.ledger().requests(run.requests.report());
            if (run.requests.late() > 0) {
                notes.add(run.requests.late() + " replies came after their request was answered or had failed"
                        + " (ignored, as in the simulator)");
            }
            long runNanos = trace.now();
            Map<String, Set<Long>> inHand = new HashMap<>();
            services.values().forEach(s -> s.instances()
                    .forEach(i -> i.closeConsumers().forEach((k, ids) -> inHand.computeIfAbsent(k, x -> new HashSet<>())
                            .addAll(ids))));
            // messages waiting for a producer retry when the producers closed: owed, in flight (as in the simulator)
            Map<String, Set<Long>> waiting = new HashMap<>();
            services.values()
                    .forEach(s -> s.instances().forEach(i -> i.closeProducers().forEach((c, ids) -> run.groupsOf(c)
                            .forEach(g -> waiting.computeIfAbsent(g.key, x -> new HashSet<>())
                                    .addAll(ids)))));
            sampler.stop();
            Map<String, Set<Long>> dead = deadLettered();
            // in flight at the end: still on the broker for the group, or in a worker's hands when the run stopped
            // (an at-most-once delivery is off the broker once received)
            Map<String, Set<Long>> pending = new HashMap<>();
            pending().forEach((k, ids) -> pending.put(k, new HashSet<>(ids)));
            inHand.forEach(
                    (k, ids) -> pending.computeIfAbsent(k, x -> new HashSet<>()).addAll(ids));
            waiting.forEach(
                    (k, ids) -> pending.computeIfAbsent(k, x -> new HashSet<>()).addAll(ids));
            measuredByBrokers();
            report = run.ledger()
                    .report(design.name(), seed, runNanos / 1e9, (System.nanoTime() - wallStart) / 1e9, dead, pending);
            notes.addAll(run.ledger().notes());
        } finally {
            shutdown();
        }
        return new LiveResult(report, notes);
    }

    /**
     * Waits while the producers publish: {@code nanos} of publishing time (paused time does not count), or until
     * {@link #stop()}.
     */
    private void publishFor(long nanos) {
        long left = nanos;
        long last = System.nanoTime();
        try {
            while (left > 0
                    && !stopRequested.await(Math.min(left, 100_000_000L), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                long now = System.nanoTime();
                if (!paused) {
                    left -= now - last;
                } else {
                    run.publishingEndsAt += now - last; // paused time does not count
                }
                last = now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopIfAsked() throws LiveException {
        if (stopRequested.getCount() == 0) {
            throw new LiveException("stopped before publishing started");
        }
    }

    /** Pauses or resumes the timed producers (any thread); paused time does not count toward the duration. */
    public void pause(boolean on) {
        paused = on;
        Run r = run;
        if (r != null) {
            r.paused = on;
        }
    }

    public boolean paused() {
        return paused;
    }

    /**
     * Ends the run early (any thread): publishing stops now and the drain is skipped; the run still reads back, reports
     * and removes its topology. Before publishing has started, the run ends with a {@link LiveException} at the next
     * step (a broker that is starting finishes starting first).
     */
    public void stop() {
        stopRequested.countDown();
    }

    /** The report so far and the current depths, or null before publishing started (any thread). */
    public io.eventflow.simulator.report.SimulationReport progress() {
        Run r = run;
        if (r == null || !publishingStarted) {
            return null;
        }
        return r.ledger().progress(design.name(), seed, trace.now() / 1e9, (System.nanoTime() - wallStart) / 1e9);
    }

    /** The latest sampled depth per group key (the report's group keys). */
    public Map<String, Long> lags() {
        Run r = run;
        Map<String, Long> out = new LinkedHashMap<>();
        if (r != null) {
            r.ledger().groups().forEach((k, g) -> out.put(k, g.lagNow()));
        }
        return out;
    }

    /** Every instance now: alive unless crashed (and not restarted yet), busy with the deliveries it holds. */
    public List<io.eventflow.simulator.SimulationSnapshot.InstanceState> instances() {
        List<io.eventflow.simulator.SimulationSnapshot.InstanceState> out = new ArrayList<>();
        if (!publishingStarted) {
            return out; // the services are still being built
        }
        for (LiveService s : List.copyOf(services.values())) {
            for (LiveInstance i : s.instances()) {
                out.add(new io.eventflow.simulator.SimulationSnapshot.InstanceState(
                        i.id, s.spec.id(), !i.crashed(), true, i.holding(), 0));
            }
        }
        return out;
    }

    /**
     * The moving tokens a view draws now: sampled publishes and deliveries the clients saw (see {@link LiveTokens});
     * empty before publishing started (any thread, cheap).
     */
    public List<io.eventflow.simulator.SimulationSnapshot.InFlight> tokens() {
        Run r = run;
        return r == null || !publishingStarted ? List.of() : r.tokens.now();
    }

    /** Publishing time so far in nanoseconds (0 before publishing). */
    public long now() {
        return publishingStarted ? trace.now() : 0;
    }

    /** Refuses, before anything starts, what the run cannot do: every reason, one a line. */
    private void check() throws LiveException {
        List<String> problems = new ArrayList<>();
        Map<String, ScenarioPlayer.BrokerSupport> support = new HashMap<>();
        for (Broker b : design.brokers()) {
            LiveConnector c = LiveConnectors.find(b.kind()).orElse(null);
            if (c != null) {
                support.put(
                        b.id(),
                        new ScenarioPlayer.BrokerSupport(
                                !endpoints.containsKey(b.id()),
                                c.routesThroughProxy(),
                                c.crashesNodes(),
                                b.nodeCount(),
                                b.kind().key()));
            }
        }
        problems.addAll(ScenarioPlayer.refused(scenario, design, support, ch -> design.broker(ch.broker())
                .flatMap(b -> LiveConnectors.find(b.kind()))
                .map(c -> c.replayable(ch))
                .orElse(false)));
        for (String id : endpoints.keySet()) {
            if (design.broker(id).isEmpty()) {
                problems.add("--brokers names broker '" + id + "', which is not in the design (brokers: "
                        + String.join(
                                ", ", design.brokers().stream().map(Broker::id).toList()) + ")");
            }
        }
        for (Broker b : brokersInUse()) {
            LiveConnector c = LiveConnectors.find(b.kind()).orElse(null);
            if (c == null) {
                problems.add("broker '" + b.id() + "' is of kind " + b.kind().key() + ", which live mode does not run"
                        + " yet (it runs: " + LiveConnectors.supported() + ")");
                continue;
            }
            boolean embedded = !endpoints.containsKey(b.id());
            if (embedded && !c.embeddable()) {
                problems.add("broker '" + b.id() + "' (" + b.kind().key() + ") has no embedded server: give its"
                        + " address in --brokers");
            }
            problems.addAll(c.unsupported(design, b, embedded));
            connectors.put(b.id(), c);
        }
        if (!problems.isEmpty()) {
            throw new LiveException(String.join("\n", problems));
        }
        notes.addAll(Unapplied.of(design));
    }

    private List<Broker> brokersInUse() {
        Set<String> used = new HashSet<>();
        design.channels().forEach(c -> used.add(c.broker()));
        return design.brokers().stream().filter(b -> used.contains(b.id())).toList();
    }

    private void startBrokers() throws LiveException {
        for (Broker b : brokersInUse()) {
            Endpoint e = endpoints.get(b.id());
            progress.accept(
                    e == null
                            ? "starting an embedded " + b.kind().key() + " broker for '" + b.id() + "'"
                                    + (b.nodeCount() > 1 ? " (" + b.nodeCount() + " nodes)" : "")
                            : "connecting to " + e.describe());
            long t0 = System.nanoTime();
            List<String> routed = ScenarioPlayer.routed(scenario, design).getOrDefault(b.id(), List.of());
            LiveServer s = connectors.get(b.id()).start(design, b, e, options, e == null ? routed : List.of());
            servers.put(b.id(), s);
            notes.add(String.format(
                    Locale.ROOT,
                    "broker '%s': %s, %s in %.1f s",
                    b.id(),
                    s.describe(),
                    s.embedded() ? "started" : "connected",
                    (System.nanoTime() - t0) / 1e9));
        }
    }

    private Map<String, LiveChannel> topology() throws LiveException {
        Map<String, LiveChannel> channels = new LinkedHashMap<>();
        for (Channel c : design.channels()) {
            channels.put(c.id(), new LiveChannel(c, options.runPrefix() + c.effectiveAddress(), false));
        }
        for (Map.Entry<String, LiveServer> e : servers.entrySet()) {
            List<LiveChannel> mine = channels.values().stream()
                    .filter(c -> c.channel().broker().equals(e.getKey()))
                    .toList();
            e.getValue().createTopology(mine);
        }
        return channels;
    }

    /** The ledger's channels and groups, the services and their instances, consumers started. */
    private List<LiveConsumer> build() throws LiveException {
        Ledger ledger = run.ledger();
        design.channels().forEach(c -> ledger.channel(c.id()));
        Map<String, Integer> names = new HashMap<>();
        Map<String, String> firstGroupOfQueue = new HashMap<>();
        Map<String, String> groupOf = new LinkedHashMap<>(); // (channel, group) key -> name
        for (Service s : design.services()) {
            for (Subscription sub : subscriptions(s)) {
                Channel ch = design.channel(sub.channel()).orElseThrow();
                String name = sub.groupOr(s.id());
                if (connectors.get(ch.broker()).oneQueuePerChannel(ch)) {
                    name = firstGroupOfQueue.computeIfAbsent(ch.id(), k -> sub.groupOr(s.id()));
                }
                if (groupOf.putIfAbsent(ch.id() + "\u0000" + name, name) == null) {
                    names.merge(name, 1, Integer::sum);
                }
            }
        }
        Map<String, GroupLedger> ledgers = new HashMap<>();
        groupOf.forEach((k, name) -> {
            String channel = k.substring(0, k.indexOf('\u0000'));
            String key = names.get(name) > 1 ? name + "@" + channel : name;
            ledgers.put(k, ledger.group(key, name, channel));
        });
        List<LiveConsumer> started = new ArrayList<>();
        for (Service s : design.services()) {
            List<GroupSpec> groups = new ArrayList<>();
            int own = s.subscribes().size();
            List<Subscription> subs = subscriptions(s);
            for (int k = 0; k < subs.size(); k++) {
                Subscription sub = subs.get(k);
                Channel ch = design.channel(sub.channel()).orElseThrow();
                String name = connectors.get(ch.broker()).oneQueuePerChannel(ch)
                        ? firstGroupOfQueue.get(ch.id())
                        : sub.groupOr(s.id());
                GroupLedger gl = ledgers.get(ch.id() + "\u0000" + name);
                GroupSpec g = GroupSpec.of(
                        gl,
                        options.runPrefix() + name,
                        ch,
                        sub,
                        connectors.get(ch.broker()).defaultPrefetch(sub));
                groups.add(k < own ? g : g.asReplyListener());
            }
            LiveService rt = new LiveService(run, s, groups);
            services.put(s.id(), rt);
            for (int i = 0; i < s.instanceCount(); i++) {
                rt.add(started);
            }
        }
        return started;
    }

    /**
     * A service's subscriptions, then one per reply channel it awaits replies on ({@code requests}): the hidden group,
     * named after the service, that reads its replies (as in the simulator).
     */
    private static List<Subscription> subscriptions(Service s) {
        List<Subscription> out = new ArrayList<>(s.subscribes());
        Set<String> replyChannels = new java.util.LinkedHashSet<>();
        s.requests().forEach(r -> replyChannels.add(r.replyChannel()));
        replyChannels.forEach(c -> out.add(new Subscription(c, s.id())
                .withProcessing(io.eventflow.model.design.Distribution.constant(
                        io.eventflow.model.design.TimeSpan.ofNanos(0)))));
        return out;
    }

    private void awaitReady(List<LiveConsumer> started) throws LiveException {
        progress.accept("waiting for " + started.size() + " consumers to join their groups");
        long deadline =
                System.nanoTime() + Math.max(30_000, options.connectTimeout().toMillis()) * 1_000_000L;
        while (started.stream().anyMatch(c -> !c.ready())) {
            if (System.nanoTime() > deadline) {
                throw new LiveException(started.stream().filter(c -> !c.ready()).count() + " of " + started.size()
                        + " consumers did not join their groups within 30 s");
            }
            sleepQuietly(50);
        }
    }

    /** After publishing: until every send is answered and every group has nothing left, or the drain time is up. */
    private void drain(Sampler sampler) {
        long deadline = System.nanoTime() + drain.toNanos();
        services.values().forEach(s -> s.instances().forEach(LiveInstance::flush));
        int quiet = 0;
        while (System.nanoTime() < deadline && quiet < 3) {
            sleepQuietly(200);
            boolean done = run.outstanding.get() == 0 && sampler.sampleNow() == 0 && nothingHeld();
            quiet = done ? quiet + 1 : 0;
        }
    }

    private boolean nothingHeld() {
        return services.values().stream().flatMap(s -> s.instances().stream()).allMatch(LiveInstance::idle);
    }

    /** Per group key: ids read back from the dead-letter channels (not re-driven since) with that group's header. */
    private Map<String, Set<Long>> deadLettered() throws LiveException {
        Set<String> dlqs = new HashSet<>();
        services.values()
                .forEach(s -> s.groups.forEach(g -> {
                    if (g.deadLetter() != null) {
                        dlqs.add(g.deadLetter());
                    }
                }));
        Map<String, Set<Long>> out = new HashMap<>();
        for (String c : dlqs) {
            Map<Integer, Long> mark = redriven.getOrDefault(c, Map.of());
            for (Envelope e : run.serverOf(c).readBack(run.channels.get(c))) {
                if (e.offset() >= 0 && e.offset() < mark.getOrDefault(e.partition(), 0L)) {
                    continue;
                }
                String g = e.header(LiveHeaders.DEAD_LETTER_GROUP);
                if (g != null) {
                    out.computeIfAbsent(g, k -> new HashSet<>()).add(e.messageId());
                }
                // moved by the broker's own dead-lettering (TTL expiry, max length): for the groups of its queue
                for (GroupLedger from : run.brokerDeadLettered(e)) {
                    out.computeIfAbsent(from.key, k -> new HashSet<>()).add(e.messageId());
                }
            }
        }
        return out;
    }

    /**
     * What only the brokers know at the end: per channel what they evicted (Redis MAXLEN), and, as notes, the figures
     * a kind cannot measure although the design makes them possible (so that their 0 is not read as measured).
     */
    private void measuredByBrokers() throws LiveException {
        for (LiveChannel c : run.channels.values()) {
            long n = run.serverOf(c.id()).evicted(c);
            if (n >= 0) {
                run.ledger().evicted(c.id(), n);
            }
        }
        for (Map.Entry<String, LiveServer> e : servers.entrySet()) {
            List<LiveChannel> mine = run.channels.values().stream()
                    .filter(c -> c.channel().broker().equals(e.getKey()))
                    .toList();
            notes.addAll(e.getValue().unmeasured(mine));
        }
    }

    private Map<String, Set<Long>> pending() throws LiveException {
        Map<String, Set<Long>> out = new HashMap<>();
        for (LiveService s : services.values()) {
            for (GroupSpec g : s.groups) {
                if (!out.containsKey(g.ledger().key)) {
                    LiveServer server = run.serverOf(g.channelId());
                    LiveChannel channel = run.channels.get(g.channelId());
                    out.put(g.ledger().key, server.pending(channel, g.brokerGroup()));
                    // What the broker itself dropped for the group (a kind's own loss causes).
                    server.losses(channel, g.brokerGroup())
                            .forEach((id, cause) -> g.ledger().hintIfAbsent(id, cause));
                }
            }
        }
        return out;
    }

    @Override
    public LiveService service(String id) {
        return services.get(id);
    }

    @Override
    public List<LiveService> all() {
        return List.copyOf(services.values());
    }

    /** Re-drive: what the dead-letter channel holds (since the last re-drive) is sent to {@code to} again. */
    @Override
    public void redrive(String from, String to) throws Exception {
        LiveServer src = run.serverOf(from);
        List<Envelope> held = src.readBack(run.channels.get(from));
        Map<Integer, Long> mark = redriven.computeIfAbsent(from, k -> new HashMap<>());
        var producer = run.serverOf(to)
                .producer(new ProducerSpec(
                        options.runPrefix() + "redrive",
                        "redrive",
                        new ProducerSettings(io.eventflow.model.design.Acks.ALL, null, null, null)));
        try {
            for (Envelope e : held) {
                if (e.offset() >= 0 && e.offset() < mark.getOrDefault(e.partition(), 0L)) {
                    continue;
                }
                if (e.offset() >= 0) {
                    mark.merge(e.partition(), e.offset() + 1, Math::max);
                }
                Map<String, String> h = new LinkedHashMap<>(e.headers());
                GroupLedger dlqGroup = run.ledger().groups().get(h.get(LiveHeaders.DEAD_LETTER_GROUP));
                if (dlqGroup != null) {
                    dlqGroup.redriven(e.messageId()); // owed to its group again: processed, in flight or lost there
                }
                run.brokerDeadLettered(e).forEach(g -> g.redriven(e.messageId()));
                h.remove(LiveHeaders.BROKER_DEAD_LETTER_QUEUE);
                h.remove(LiveHeaders.BROKER_DEAD_LETTER_REASON);
                h.remove(LiveHeaders.DEAD_LETTER_GROUP);
                h.remove(LiveHeaders.DEAD_LETTER_FROM);
                h.remove(LiveHeaders.DEAD_LETTER_REASON);
                Envelope copy = Envelope.outgoing(
                        e.messageId(), e.correlationId(), e.publishedAtMicros(), e.key(), e.payload(), h);
                run.send(producer, to, copy, false, "redrive", () -> false);
            }
            producer.flush();
        } finally {
            producer.close();
        }
    }

    private void shutdown() {
        for (LiveService s : services.values()) {
            for (LiveInstance i : s.instances()) {
                try {
                    i.close();
                } catch (RuntimeException e) {
                    Logger.warn(e, "closing {}", i.id);
                }
            }
        }
        if (run != null) {
            run.close();
        }
        for (Map.Entry<String, LiveServer> e : servers.entrySet()) {
            try {
                if (options.keep() && e.getValue().embedded()) {
                    notes.add("broker '" + e.getKey() + "': --keep has no effect on an embedded broker (it stops"
                            + " with the run)");
                } else if (options.keep()) {
                    notes.add("broker '" + e.getKey() + "': kept what the run created (names start with "
                            + options.runPrefix() + ")");
                } else {
                    e.getValue().deleteTopology();
                }
            } catch (LiveException ex) {
                notes.add(ex.getMessage());
            }
            e.getValue().close();
        }
        trace.close();
    }

    private static void sleep(long nanos) {
        try {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long ms) {
        sleep(ms * 1_000_000L);
    }
}
