package io.eventflow.live.internal;

import io.eventflow.live.LiveConsumer;
import io.eventflow.model.design.Design;
import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioChecker;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.tinylog.Logger;

/**
 * Plays a scenario's faults and actions on the real clients at their times (from the start of publishing): crash
 * (with {@code restartAfter}), slow, poison, scale, rate, replay, redrive. The others are refused before the run.
 */
public final class ScenarioPlayer {
    private record Step(long at, int order, String what, Runnable apply) {}

    private final Run run;
    private final Services services;
    private final List<Step> steps = new ArrayList<>();
    private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private java.util.concurrent.ScheduledThreadPoolExecutor pool;

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
     * One sentence per fault or action of {@code s} live mode cannot apply (empty: all of it runs).
     *
     * @param replayable whether the connector of a channel's broker kind can replay a group on it
     *     ({@link io.eventflow.live.LiveConnector#replayable})
     */
    public static List<String> refused(
            Scenario s, Design d, java.util.function.Predicate<io.eventflow.model.design.Channel> replayable) {
        List<String> out = new ArrayList<>();
        for (Fault f : s.faults()) {
            if (!(f instanceof Fault.Crash || f instanceof Fault.Slow || f instanceof Fault.Poison)) {
                out.add("fault '" + f.kind() + "' at " + seconds(f.at()) + where(f) + " is not run live: live mode"
                        + " applies faults that act on clients (crash, slow, poison); network faults, broker crashes"
                        + " and retention pressure are for 'eventflow simulate' until live mode calibrates them");
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

    /** Stops playing (steps not reached are not applied) and waits for steps in progress. */
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
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
