package io.eventflow.live.internal;

import io.eventflow.live.LiveConsumer;
import io.eventflow.live.proxy.ProxyLink;
import io.eventflow.model.design.Design;
import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioChecker;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tinylog.Logger;

/**
 * Plays a scenario's faults and actions on the real clients at their times (from the start of publishing): crash
 * (with {@code restartAfter}), slow, poison, scale, rate, replay, redrive; on brokers the run started, network faults
 * on a service's links through the fault proxy (partition, latency, drop) and node crashes ({@code broker-crash}).
 * The others are refused before the run.
 */
public final class ScenarioPlayer {
    private record Step(long at, int order, String what, Runnable apply) {}

    private final Run run;
    private final Services services;
    private final List<Step> steps = new ArrayList<>();
    private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private java.util.concurrent.ScheduledThreadPoolExecutor pool;
    /** Broker nodes being restarted (each on its own thread). */
    private final List<Thread> restarts = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * Node restarts a broker crash owes (its {@code restartAfter}), by when they are due on the run's clock, until
     * one starts: {@link #stop()} starts those that were due before publishing ended but had not started (a crash
     * step that ran late on a loaded machine) and names those due after it.
     */
    private final Map<Fault.BrokerCrash, Long> owedRestarts =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** What the player needs of the run besides {@link Run}: services by id, replay and redrive. */
    public interface Services {
        LiveService service(String id);

        List<LiveService> all();

        void redrive(String from, String to) throws Exception;
    }

    ScenarioPlayer(Run run, Services services) {
        this.run = run;
        this.services = services;
    }

    /**
     * What live mode can do to a broker of the design.
     *
     * @param embedded the run starts it (no endpoint in --brokers)
     * @param proxy its kind routes clients through the fault proxy when embedded
     * @param crashes its kind crashes and restarts nodes of a server the run started
     * @param nodes its node count
     * @param kind its kind's key, for messages
     */
    public record BrokerSupport(boolean embedded, boolean proxy, boolean crashes, int nodes, String kind) {}

    /** A network fault's link: the design service and the broker at its ends. */
    record Link(String service, String broker, boolean up) {}

    /**
     * The service and broker a network fault acts between (a channel stands for its broker); {@code up} when
     * {@code from} is the service. Null when the two ends are not a service and a broker.
     */
    static Link link(Design d, String from, String to) {
        String fromBroker = brokerOf(d, from);
        String toBroker = brokerOf(d, to);
        if (fromBroker == null && toBroker != null && d.service(from).isPresent()) {
            return new Link(from, toBroker, true);
        }
        if (toBroker == null && fromBroker != null && d.service(to).isPresent()) {
            return new Link(to, fromBroker, false);
        }
        return null;
    }

    private static String brokerOf(Design d, String element) {
        if (d.broker(element).isPresent()) {
            return element;
        }
        return d.channel(element).map(io.eventflow.model.design.Channel::broker).orElse(null);
    }

    /** The link of a partition, latency or drop fault; null for other faults. */
    static Link link(Design d, Fault f) {
        if (f instanceof Fault.Partition p) {
            return link(d, p.a(), p.b());
        } else if (f instanceof Fault.Latency l) {
            return link(d, l.from(), l.to());
        } else if (f instanceof Fault.Drop l) {
            return link(d, l.from(), l.to());
        }
        return null;
    }

    /** Per broker id, the services whose clients must go through the fault proxy: the ends of the network faults. */
    public static Map<String, List<String>> routed(Scenario s, Design d) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Fault f : s.faults()) {
            Link l = link(d, f);
            if (l != null) {
                List<String> services = out.computeIfAbsent(l.broker(), k -> new ArrayList<>());
                if (!services.contains(l.service())) {
                    services.add(l.service());
                }
            }
        }
        return out;
    }

    private static String kindOf(BrokerSupport b) {
        return b == null ? "" : " (" + b.kind() + ")";
    }

    /**
     * One sentence per fault or action of {@code s} live mode cannot apply on these brokers (by id; a broker not in
     * {@code brokers} supports no network fault or crash); empty: all of it runs.
     *
     * @param replayable whether the connector of a channel's broker kind can replay a group on it
     *     ({@link io.eventflow.live.LiveConnector#replayable})
     */
    public static List<String> refused(
            Scenario s,
            Design d,
            Map<String, BrokerSupport> brokers,
            java.util.function.Predicate<io.eventflow.model.design.Channel> replayable) {
        List<String> out = new ArrayList<>();
        for (Fault f : s.faults()) {
            String head = "fault '" + f.kind() + "' at " + seconds(f.at()) + where(f) + " is not run live: ";
            if (f instanceof Fault.Crash || f instanceof Fault.Slow || f instanceof Fault.Poison) {
                continue;
            }
            if (f instanceof Fault.Partition || f instanceof Fault.Latency || f instanceof Fault.Drop) {
                Link l = link(d, f);
                if (l == null) {
                    out.add(head + "live mode applies network faults on the links between a service and a broker");
                    continue;
                }
                BrokerSupport b = brokers.get(l.broker());
                if (b == null || !b.proxy()) {
                    out.add(head + "network faults run through the tool's fault proxy, which broker '" + l.broker()
                            + "'" + kindOf(b) + " cannot be put behind yet (docs/live.md names the kinds it routes)");
                } else if (!b.embedded()) {
                    out.add(head + "broker '" + l.broker() + "' is yours (--brokers): network faults run through"
                            + " the tool's fault proxy, which only sits in front of brokers the run starts; run it"
                            + " embedded (leave it out of --brokers) or inject the fault on your network");
                }
            } else if (f instanceof Fault.BrokerCrash c) {
                BrokerSupport b = brokers.get(c.target());
                if (b == null || !b.crashes()) {
                    out.add(head + "broker crashes are not run live on broker '" + c.target() + "'" + kindOf(b)
                            + " yet (docs/live.md names the kinds it crashes)");
                } else if (!b.embedded()) {
                    out.add(head + "broker '" + c.target() + "' is yours (--brokers): live mode crashes only the"
                            + " brokers it started itself");
                } else if (c.node() < 0 || c.node() >= b.nodes()) {
                    out.add(head + "broker '" + c.target() + "' has " + b.nodes() + " node(s), numbered from 0");
                }
            } else {
                out.add(head + "live mode applies crash, slow and poison on clients, and partition, latency, drop"
                        + " and broker-crash on brokers it starts; '" + f.kind() + "' is for 'eventflow simulate'"
                        + " until live mode calibrates it");
            }
        }
        for (Action a : s.actions()) {
            if (a instanceof Action.Replay r) {
                var channel = d.channel(r.channel());
                boolean positions = channel.flatMap(d::kindOf)
                        .map(ScenarioChecker::replayable)
                        .orElse(false);
                if (!positions) {
                    out.add("action 'replay' at " + seconds(a.at()) + ": channel '" + r.channel()
                            + "' has no positions to replay (Kafka topics and Redis streams have)");
                } else if (!replayable.test(channel.get())) {
                    out.add("action 'replay' at " + seconds(a.at()) + ": channel '" + r.channel() + "' ("
                            + d.kindOf(channel.get()).map(k -> k.key()).orElse("?")
                            + ") cannot be replayed by live mode's connector for its kind");
                }
            }
        }
        return out;
    }

    private static String where(Fault f) {
        if (f instanceof Fault.BrokerCrash b) {
            return " on '" + b.target() + "' node " + b.node();
        } else if (f instanceof Fault.DiskLimit d) {
            return " on '" + d.target() + "'";
        } else if (f instanceof Fault.Partition p) {
            return " between '" + p.a() + "' and '" + p.b() + "'";
        } else if (f instanceof Fault.Latency l) {
            return " on " + l.from() + " -> " + l.to();
        } else if (f instanceof Fault.Drop l) {
            return " on " + l.from() + " -> " + l.to();
        } else if (f instanceof Fault.Duplicate l) {
            return " on " + l.from() + " -> " + l.to();
        } else if (f instanceof Fault.Reorder l) {
            return " on " + l.from() + " -> " + l.to();
        } else if (f instanceof Fault.Bandwidth l) {
            return " on " + l.from() + " -> " + l.to();
        }
        return "";
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3fs", nanos / 1e9)
                .replaceAll("0+s$", "s")
                .replace(".s", "s");
    }

    /** Schedules every fault and action of {@code s}. */
    public ScenarioPlayer plan(Scenario s) {
        for (Fault f : s.faults()) {
            if (f instanceof Fault.Crash c) {
                crash(c);
            } else if (f instanceof Fault.Slow sl) {
                slow(sl);
            } else if (f instanceof Fault.Poison p) {
                poison(p);
            } else if (f instanceof Fault.BrokerCrash c) {
                brokerCrash(c);
            } else if (link(run.design, f) != null) {
                network(f, link(run.design, f));
            } else {
                throw new IllegalArgumentException("fault not run live: " + f.kind());
            }
        }
        for (Action a : s.actions()) {
            steps.add(new Step(a.at(), 1, a.kind(), () -> act(a)));
        }
        steps.sort(Comparator.comparingLong(Step::at).thenComparingInt(Step::order));
        return this;
    }

    private List<LiveInstance> targets(String service, Integer instance) {
        LiveService s = services.service(service);
        List<LiveInstance> all = s.instances();
        if (instance == null) {
            return all;
        }
        return instance < all.size() ? List.of(all.get(instance)) : List.of();
    }

    private void crash(Fault.Crash c) {
        steps.add(new Step(c.at(), 0, "crash " + c.target(), () -> {
            started(c.target(), "crash", "instance " + (c.instance() == null ? "all" : c.instance()));
            List<LiveInstance> victims = targets(c.target(), c.instance());
            victims.forEach(LiveInstance::kill);
            if (c.restartAfter() >= 0) { // scheduled once the crash is done, so it cannot overtake it
                long delay = Math.max(0, c.at() + c.restartAfter() - run.trace.now());
                pool.schedule(() -> restart(c, victims), delay, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }));
    }

    private void restart(Fault.Crash c, List<LiveInstance> victims) {
        if (!run.publishing) {
            return;
        }
        for (LiveInstance i : victims) {
            try {
                i.startConsumers();
                if (run.publishing) {
                    i.startPublishers();
                }
            } catch (Exception e) {
                failures.add("restart of " + i.id + " failed: " + e.getMessage());
            }
        }
        ended(c.target(), "crash");
    }

    private void brokerCrash(Fault.BrokerCrash c) {
        steps.add(new Step(c.at(), 0, "broker-crash " + c.target(), () -> {
            started(c.target(), "broker-crash", "node " + c.node());
            run.nodeDown(c.target(), true);
            run.ledger().brokerFault("the crash of '" + c.target() + "' node " + c.node());
            if (c.restartAfter() >= 0) {
                owedRestarts.put(c, c.at() + c.restartAfter());
            }
            try {
                run.servers.get(c.target()).crashNode(c.node());
            } catch (Exception e) {
                owedRestarts.remove(c);
                failures.add("broker-crash of '" + c.target() + "' node " + c.node() + " failed: " + e.getMessage());
                Logger.warn(e, "live broker-crash {}", c);
                return;
            }
            if (c.restartAfter() >= 0) {
                long delay = Math.max(0, c.at() + c.restartAfter() - run.trace.now());
                // on a thread of its own: a node's start takes seconds and must not be interrupted half-way
                // when the run's time is over (stop() waits for it)
                try {
                    pool.schedule(() -> restartNode(c), delay, java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // the run's time ran out while the node was being crashed: stop() settles the restart
                }
            }
        }));
    }

    private void restartNode(Fault.BrokerCrash c) {
        if (owedRestarts.remove(c) == null) {
            return; // already started
        }
        Thread t = new Thread(
                () -> {
                    try {
                        run.servers.get(c.target()).restartNode(c.node());
                        run.nodeDown(c.target(), false);
                        ended(c.target(), "broker-crash");
                    } catch (Exception e) {
                        failures.add("restart of '" + c.target() + "' node " + c.node() + " failed: " + e.getMessage());
                    }
                },
                "live-broker-restart");
        t.setDaemon(true);
        restarts.add(t);
        t.start();
    }

    /** Partition, latency or drop on the proxy links between a service and a broker. */
    private void network(Fault f, Link l) {
        List<ProxyLink> links = run.servers.get(l.broker()).links(l.service());
        ProxyLink.Direction dir = l.up() ? ProxyLink.Direction.UP : ProxyLink.Direction.DOWN;
        Runnable on;
        Runnable off;
        String detail;
        long duration;
        if (f instanceof Fault.Partition p) {
            on = () -> links.forEach(k -> k.partition(true));
            off = () -> links.forEach(k -> k.partition(false));
            detail = "between " + p.a() + " and " + p.b();
            duration = p.duration();
        } else if (f instanceof Fault.Latency lat) {
            on = () -> links.forEach(k -> k.latency(dir, lat.delay(), lat.jitter()));
            off = () -> links.forEach(k -> k.latency(dir, 0, 0));
            detail = lat.from() + " -> " + lat.to() + " " + lat.delay() / 1_000_000 + "ms ± " + lat.jitter() / 1_000_000
                    + "ms";
            duration = lat.duration();
        } else {
            Fault.Drop d = (Fault.Drop) f;
            on = () -> links.forEach(k -> k.drop(dir, d.percent()));
            off = () -> links.forEach(k -> k.drop(dir, 0));
            detail = d.from() + " -> " + d.to() + " " + d.percent() + "% (connection resets)";
            duration = d.duration();
        }
        String element = l.service();
        steps.add(new Step(f.at(), 0, f.kind() + " " + element, () -> {
            started(element, f.kind(), detail);
            if (!(f instanceof Fault.Latency)) { // a delay loses nothing by itself
                run.ledger().brokerFault("the " + f.kind() + " " + detail);
            }
            on.run();
        }));
        if (duration >= 0) {
            steps.add(new Step(f.at() + duration, 0, "end of " + f.kind() + " " + element, () -> {
                off.run();
                ended(element, f.kind());
            }));
        }
    }

    private void slow(Fault.Slow s) {
        steps.add(new Step(s.at(), 0, "slow " + s.target(), () -> {
            started(s.target(), "slow", "factor " + s.factor());
            targets(s.target(), s.instance()).forEach(i -> i.slowFactor = s.factor());
        }));
        if (s.duration() >= 0) {
            steps.add(new Step(s.at() + s.duration(), 0, "end of slow " + s.target(), () -> {
                targets(s.target(), s.instance()).forEach(i -> i.slowFactor = 1.0);
                ended(s.target(), "slow");
            }));
        }
    }

    private void poison(Fault.Poison p) {
        steps.add(new Step(p.at(), 0, "poison " + p.target(), () -> {
            started(p.target(), "poison", p.percent() + "%");
            run.poison.put(p.target(), p.percent());
        }));
        if (p.duration() >= 0) {
            steps.add(new Step(p.at() + p.duration(), 0, "end of poison " + p.target(), () -> {
                run.poison.remove(p.target());
                ended(p.target(), "poison");
            }));
        }
    }

    private void act(Action a) {
        try {
            String target;
            if (a instanceof Action.Scale s) {
                services.service(s.target()).scale(s.instances());
                target = s.target();
            } else if (a instanceof Action.Rate r) {
                services.service(r.target()).setRate(r.channel(), r.perSecond());
                target = r.target();
            } else if (a instanceof Action.Replay r) {
                replay(r);
                target = r.group();
            } else {
                Action.Redrive r = (Action.Redrive) a;
                services.redrive(r.from(), r.to());
                target = r.from();
            }
            if (run.trace.on()) {
                run.trace.emit(new TraceEvent.ActionApplied(run.trace.now(), target, a.kind(), a.toString()));
            }
        } catch (Exception e) {
            failures.add("action '" + a.kind() + "' at " + seconds(a.at()) + " failed: " + e.getMessage());
            Logger.warn(e, "live action {}", a);
        }
    }

    private void replay(Action.Replay r) {
        // time: the scenario's time (since publishing started) as epoch milliseconds
        long value = r.to().equals("time")
                ? Run.nowMicros() / 1000 - run.trace.now() / 1_000_000 + r.value() / 1_000_000
                : r.value();
        LiveConsumer.Seek seek = new LiveConsumer.Seek(r.to(), value);
        // The group's consumers on the channel, over every service reading it in that group; the server moves the
        // group once (Redis: XGROUP SETID) or tells each consumer (Kafka: its partitions).
        List<LiveConsumer> consumers = new ArrayList<>();
        String brokerGroup = null;
        java.util.Set<GroupLedger> ledgers = new java.util.LinkedHashSet<>();
        for (LiveService s : services.all()) {
            for (GroupSpec g : s.groups) {
                if (g.ledger().name.equals(r.group()) && g.channelId().equals(r.channel())) {
                    ledgers.add(g.ledger());
                    brokerGroup = g.brokerGroup();
                    s.instances().forEach(i -> consumers.addAll(i.consumersOn(r.channel())));
                }
            }
        }
        if (brokerGroup == null) {
            throw new IllegalStateException("no group '" + r.group() + "' reads channel '" + r.channel() + "'");
        }
        ledgers.forEach(GroupLedger::replay);
        try {
            run.serverOf(r.channel()).replay(run.channels.get(r.channel()), brokerGroup, seek, consumers);
        } catch (io.eventflow.live.LiveException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void started(String element, String kind, String detail) {
        if (run.trace.on()) {
            run.trace.emit(new TraceEvent.FaultStarted(run.trace.now(), element, kind, detail));
        }
    }

    private void ended(String element, String kind) {
        if (run.trace.on()) {
            run.trace.emit(new TraceEvent.FaultEnded(run.trace.now(), element, kind));
        }
    }

    /**
     * Starts playing; times count from the trace clock's zero (publishing started). Each step runs on a small pool
     * at its own time, so a slow one (a client that takes a while to die) does not hold back the next; steps on one
     * instance still happen in order (the instance's lifecycle lock).
     */
    void start() {
        pool = new java.util.concurrent.ScheduledThreadPoolExecutor(4, r -> {
            Thread t = new Thread(r, "live-scenario");
            t.setDaemon(true);
            return t;
        });
        for (Step s : steps) {
            long delay = Math.max(0, s.at() - run.trace.now());
            pool.schedule(
                    () -> {
                        if (run.publishing) { // the run's time is over: later steps do not happen
                            s.apply().run();
                        }
                    },
                    delay,
                    java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** Stops playing (steps not reached are not applied) and waits for steps in progress and node restarts. */
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
                long now = run.trace.now();
                Map<Fault.BrokerCrash, Long> owed;
                synchronized (owedRestarts) {
                    owed = new java.util.IdentityHashMap<>(owedRestarts);
                }
                for (Map.Entry<Fault.BrokerCrash, Long> e : owed.entrySet()) {
                    Fault.BrokerCrash c = e.getKey();
                    if (e.getValue() <= now) {
                        restartNode(c); // due while the run published; its step ran late
                    } else if (owedRestarts.remove(c) != null) {
                        failures.add(String.format(
                                java.util.Locale.ROOT,
                                "the restart of '%s' node %d at %.1f s was not applied: publishing ended at %.1f s"
                                        + " first, so the node stayed down while the run drained",
                                c.target(),
                                c.node(),
                                e.getValue() / 1e9,
                                now / 1e9));
                    }
                }
                for (Thread t : restarts) {
                    t.join(120_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Faults or actions that could not be applied (each a sentence). */
    List<String> failures() {
        return List.copyOf(failures);
    }
}
