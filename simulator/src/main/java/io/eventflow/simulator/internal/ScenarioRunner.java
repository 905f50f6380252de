package io.eventflow.simulator.internal;

import io.eventflow.simulator.kernel.SimContext;
import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Schedules a scenario's faults and actions and applies them to the engine. */
public final class ScenarioRunner {
    private final Engine w;

    public ScenarioRunner(Engine w) {
        this.w = w;
    }

    private void at(long t, Runnable r) {
        w.kernel.schedule(Math.max(t, w.now()), SimContext.NORMAL - 1, (ctx, a) -> r.run(), 0);
    }

    private void started(String element, String fault, String detail) {
        if (w.tracing) {
            w.emit(new TraceEvent.FaultStarted(w.now(), element, fault, detail));
        }
    }

    private void ended(String element, String fault) {
        if (w.tracing) {
            w.emit(new TraceEvent.FaultEnded(w.now(), element, fault));
        }
    }

    /** Schedules a fault (at its time, or now if that has passed). */
    public void schedule(Fault f) {
        if (f instanceof Fault.Tamper) {
            w.tamperFaults = true;
        }
        at(f.at(), () -> apply(f));
    }

    public void schedule(Action a) {
        at(a.at(), () -> apply(a));
    }

    private void later(long duration, Runnable r) {
        if (duration >= 0) {
            at(w.now() + duration, r);
        }
    }

    private void apply(Fault f) {
        if (f instanceof Fault.Crash c) {
            crash(c);
        } else if (f instanceof Fault.BrokerCrash b) {
            started(b.target(), "broker-crash", "node " + b.node());
            w.brokers.get(b.target()).node(b.node(), false);
            later(b.restartAfter(), () -> {
                w.brokers.get(b.target()).node(b.node(), true);
                ended(b.target(), "broker-crash");
            });
        } else if (f instanceof Fault.Partition p) {
            List<Link> ls = new ArrayList<>(links(p.a(), p.b()));
            ls.addAll(links(p.b(), p.a()));
            linkFault(
                    ls,
                    p.a() + "|" + p.b(),
                    "partition",
                    p.duration(),
                    l -> l.partitioned = true,
                    l -> l.partitioned = false);
        } else if (f instanceof Fault.Latency l) {
            linkFault(
                    links(l.from(), l.to()),
                    l.from() + "->" + l.to(),
                    "latency",
                    l.duration(),
                    k -> {
                        k.delay = l.delay();
                        k.jitter = l.jitter();
                    },
                    k -> {
                        k.delay = 0;
                        k.jitter = 0;
                    });
        } else if (f instanceof Fault.Bandwidth b) {
            linkFault(
                    links(b.from(), b.to()),
                    b.from() + "->" + b.to(),
                    "bandwidth",
                    b.duration(),
                    k -> k.bandwidth = b.bytesPerSecond(),
                    k -> k.bandwidth = 0);
        } else if (f instanceof Fault.Drop d) {
            linkFault(
                    links(d.from(), d.to()),
                    d.from() + "->" + d.to(),
                    "drop",
                    d.duration(),
                    k -> k.dropRate = d.percent() / 100,
                    k -> k.dropRate = 0);
        } else if (f instanceof Fault.Duplicate d) {
            linkFault(
                    links(d.from(), d.to()),
                    d.from() + "->" + d.to(),
                    "duplicate",
                    d.duration(),
                    k -> k.duplicateRate = d.percent() / 100,
                    k -> k.duplicateRate = 0);
        } else if (f instanceof Fault.Reorder d) {
            linkFault(
                    links(d.from(), d.to()),
                    d.from() + "->" + d.to(),
                    "reorder",
                    d.duration(),
                    k -> {
                        k.reorderRate = d.percent() / 100;
                        k.reorderWindow = d.window();
                    },
                    k -> k.reorderRate = 0);
        } else if (f instanceof Fault.Slow s) {
            slow(s);
        } else if (f instanceof Fault.Poison p) {
            SimChannel ch = w.channels.get(p.target());
            started(p.target(), "poison", p.percent() + "%");
            ch.poisonRng = w.streams.stream("poison:" + p.target());
            ch.poisonRate = p.percent() / 100;
            later(p.duration(), () -> {
                ch.poisonRate = 0;
                ended(p.target(), "poison");
            });
        } else if (f instanceof Fault.Tamper t) {
            tamper(t);
        } else if (f instanceof Fault.DiskLimit r) {
            SimChannel ch = w.channels.get(r.target());
            started(r.target(), "retention", r.bytes() + " bytes");
            ch.broker.diskLimit(ch, r.bytes());
            later(r.duration(), () -> {
                ch.broker.diskLimit(ch, Long.MAX_VALUE);
                ended(r.target(), "retention");
            });
        }
    }

    private void tamper(Fault.Tamper t) {
        if (t.target() == null) {
            linkFault(
                    links(t.from(), t.to()),
                    t.from() + "->" + t.to(),
                    "tamper",
                    t.duration(),
                    k -> k.tamperRate = t.percent() / 100,
                    k -> k.tamperRate = 0);
            return;
        }
        SimChannel ch = w.channels.get(t.target());
        started(t.target(), "tamper", t.percent() + "%");
        ch.tamperRng = w.streams.stream("tamper:" + t.target());
        ch.tamperRate = t.percent() / 100;
        later(t.duration(), () -> {
            ch.tamperRate = 0;
            ended(t.target(), "tamper");
        });
    }

    private void crash(Fault.Crash c) {
        SimService s = w.services.get(c.target());
        List<Instance> victims = new ArrayList<>();
        for (Instance i : s.instances) {
            if ((c.instance() == null || i.index == c.instance()) && i.alive) {
                victims.add(i);
            }
        }
        for (Instance i : victims) {
            started(i.id, "crash", c.restartAfter() >= 0 ? "restart after " + c.restartAfter() + "ns" : "");
            w.processing.stop(i, true);
        }
        later(c.restartAfter(), () -> {
            for (Instance i : victims) {
                if (!i.alive) {
                    w.processing.start(i);
                    ended(i.id, "crash");
                }
            }
        });
    }

    private void slow(Fault.Slow s) {
        SimService svc = w.services.get(s.target());
        started(s.target(), "slow", "x" + s.factor());
        for (Instance i : svc.instances) {
            if (s.instance() == null || i.index == s.instance()) {
                i.slowFactor = s.factor();
            }
        }
        later(s.duration(), () -> {
            for (Instance i : svc.instances) {
                if (s.instance() == null || i.index == s.instance()) {
                    i.slowFactor = 1.0;
                }
            }
            ended(s.target(), "slow");
        });
    }

    private void linkFault(
            List<Link> ls, String name, String kind, long duration, Consumer<Link> on, Consumer<Link> off) {
        started(name, kind, "");
        for (Link l : ls) {
            on.accept(l);
            l.changed();
        }
        later(duration, () -> {
            for (Link l : ls) {
                off.accept(l);
                l.changed();
            }
            ended(name, kind);
        });
    }

    /** The directed links a scenario's pair of elements stands for (channels stand for their broker). */
    private List<Link> links(String from, String to) {
        return List.of(w.link(endpoint(from), endpoint(to)));
    }

    private String endpoint(String id) {
        SimChannel ch = w.channels.get(id);
        return ch != null ? ch.spec.broker() : id;
    }

    private void apply(Action a) {
        if (w.tracing) {
            w.emit(new TraceEvent.ActionApplied(w.now(), target(a), a.kind(), a.toString()));
        }
        if (a instanceof Action.Replay r) {
            for (SimGroup g : w.groups) {
                if (g.name.equals(r.group()) && g.channel.id().equals(r.channel())) {
                    if (!(g.channel.broker instanceof BrokerRuntime.Seekable log)) {
                        throw new UnsupportedOperationException(g.channel.broker.id() + " does not support replay");
                    }
                    log.seek(g, r.to(), r.value());
                }
            }
        } else if (a instanceof Action.Redrive r) {
            redrive(w.channels.get(r.from()), w.channels.get(r.to()));
        } else if (a instanceof Action.Scale s) {
            SimService svc = w.services.get(s.target());
            checkRate(total() + (s.instances() - active(svc)) * perInstance(svc, null, 0), a);
            scale(svc, s.instances());
        } else if (a instanceof Action.Rate r) {
            SimService svc = w.services.get(r.target());
            checkRate(
                    total()
                            - active(svc) * perInstance(svc, null, 0)
                            + active(svc) * perInstance(svc, r.channel(), r.perSecond()),
                    a);
            for (Instance i : svc.instances) {
                for (Producer p : i.producers) {
                    if (p.channel.id().equals(r.channel()) && !p.spec.perProcessed()) {
                        p.ratePerSecond = r.perSecond();
                        p.start();
                    }
                }
            }
        }
    }

    /** Stops the run cleanly when an action would make the services create more messages than the simulator takes. */
    private void checkRate(double total, Action a) {
        if (total > io.eventflow.model.design.Limits.MAX_MESSAGES_PER_SECOND) {
            throw w.limitExceeded.apply(
                    "after the " + kindOf(a) + " action on '" + target(a) + "' the design would create "
                            + io.eventflow.model.design.Limits.format(total)
                            + " messages per simulated second; the limit is "
                            + io.eventflow.model.design.Limits.format(
                                    io.eventflow.model.design.Limits.MAX_MESSAGES_PER_SECOND));
        }
    }

    private static String kindOf(Action a) {
        return a instanceof Action.Rate ? "rate" : a instanceof Action.Scale ? "scale" : "scenario";
    }

    /** Messages per simulated second the active instances create on their own now. */
    private double total() {
        double t = 0;
        for (SimService svc : w.services.values()) {
            t += active(svc) * perInstance(svc, null, 0);
        }
        return t;
    }

    private static int active(SimService svc) {
        int n = 0;
        for (Instance i : svc.instances) {
            n += i.active ? 1 : 0;
        }
        return n;
    }

    /** One instance's own rate, with the producers on {@code channel} (when not null) at {@code rate}. */
    private static double perInstance(SimService svc, String channel, double rate) {
        Instance first = svc.instances.isEmpty() ? null : svc.instances.get(0);
        if (first == null) {
            double r = 0;
            for (Plan.Publication p : svc.spec.publishes()) {
                r += p.perProcessed()
                        ? 0
                        : Math.max(p.ratePerSecond(), p.shape().rampTo());
            }
            return r;
        }
        double r = 0;
        for (Producer p : first.producers) {
            if (p.spec.perProcessed()) {
                continue;
            }
            r += channel != null && p.channel.id().equals(channel)
                    ? rate
                    : Math.max(p.ratePerSecond, p.spec.shape().rampTo());
        }
        return r;
    }

    private static String target(Action a) {
        if (a instanceof Action.Replay r) {
            return r.group();
        } else if (a instanceof Action.Redrive r) {
            return r.from();
        } else if (a instanceof Action.Scale s) {
            return s.target();
        }
        return ((Action.Rate) a).target();
    }

    /** Moves what a dead-letter channel holds back to {@code to}: owed again, as in flight. */
    public void redrive(SimChannel from, SimChannel to) {
        for (Msg m : from.broker.drain(from)) {
            SimGroup origin = m.deadLetterFrom;
            if (origin != null && origin.states.get(m.id) == MsgState.DEAD_LETTERED) {
                origin.states.set(m.id, MsgState.PENDING);
            }
            Msg copy = m.copy();
            copy.channel = to;
            copy.origin = to;
            copy.direct = true;
            copy.deadLetterFrom = null;
            copy.partition = -1;
            copy.offset = -1;
            copy.storedAt = 0;
            copy.failures = 0;
            copy.deliveries = 0;
            copy.redelivered = false;
            copy.expiresAt = Long.MAX_VALUE;
            w.tamperOn(to, copy);
            to.published++;
            to.publishedBytes += copy.sizeBytes;
            to.broker.targetGroups(copy).forEach(g -> g.owe(copy.id));
            if (to.broker.store(copy) != BrokerRuntime.StoreResult.STORED) {
                w.lose(copy, "crash", to.id());
            }
        }
    }

    private void scale(SimService svc, int n) {
        int active = 0;
        for (Instance i : svc.instances) {
            if (i.active) {
                active++;
            }
        }
        for (Instance i : svc.instances) {
            if (active >= n) {
                break;
            }
            if (!i.active) {
                w.processing.start(i);
                active++;
            }
        }
        while (active < n) {
            Instance i = EngineBuilder.addInstance(w, svc);
            w.processing.start(i);
            active++;
        }
        for (int k = svc.instances.size() - 1; k >= 0 && active > n; k--) {
            Instance i = svc.instances.get(k);
            if (i.active) {
                w.processing.stop(i, false);
                active--;
            }
        }
    }
}
