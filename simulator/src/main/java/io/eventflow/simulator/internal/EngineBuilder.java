package io.eventflow.simulator.internal;

import io.eventflow.model.design.BrokerKind;
import java.util.HashMap;
import java.util.Map;

/** Builds the runtime elements of a {@link Engine} from a {@link Plan}. */
public final class EngineBuilder {
    private final Plan plan;
    private final Engine engine;
    private final Map<String, SimGroup> groupsByKey = new HashMap<>();

    private EngineBuilder(Plan plan, Engine engine) {
        this.plan = plan;
        this.engine = engine;
    }

    /** Creates every element; nothing is scheduled until {@link #start(Engine)}. */
    public static Engine build(Plan plan, long seed, BrokerKindProvider.Registry runtimes) {
        Engine engine = new Engine(seed);
        new EngineBuilder(plan, engine).run(runtimes);
        return engine;
    }

    private void run(BrokerKindProvider.Registry runtimes) {
        for (Plan.Broker b : plan.brokers()) {
            BrokerRuntime rt = runtimes.find(BrokerKind.fromKey(b.kind()))
                    .orElseThrow(() -> new IllegalArgumentException("no runtime for broker kind " + b.kind()))
                    .create(b, engine);
            engine.brokers.put(b.id(), rt);
        }
        for (Plan.Channel c : plan.channels()) {
            SimChannel ch = new SimChannel(c, engine.brokers.get(c.broker()));
            engine.channels.put(c.id(), ch);
            ch.broker.attachChannel(ch);
        }
        for (Plan.Service s : plan.services()) {
            SimService svc = new SimService(s);
            engine.services.put(s.id(), svc);
            for (Plan.Subscription sub : s.subscribes()) {
                svc.groups.add(group(svc, sub));
            }
            for (Plan.Request r : s.requests()) {
                for (SimGroup g : svc.groups) {
                    if (g.channel.id().equals(r.replyChannel()) && g.service == svc) {
                        g.replyListener = true;
                    }
                }
            }
            for (int i = 0; i < s.instances(); i++) {
                addInstance(engine, svc);
            }
        }
        for (SimGroup g : engine.groups) {
            g.channel.broker.attachGroup(g);
        }
        for (BrokerRuntime b : engine.brokers.values()) {
            b.start();
        }
    }

    private SimGroup group(SimService svc, Plan.Subscription sub) {
        SimChannel ch = engine.channels.get(sub.channel());
        boolean sharedQueue = ch.broker.oneQueuePerChannel(ch);
        String key = sharedQueue ? sub.channel() : sub.channel() + "\u0000" + sub.group();
        SimGroup g = groupsByKey.get(key);
        if (g == null) {
            g = new SimGroup(sub.group(), ch, sub, svc);
            groupsByKey.put(key, g);
            engine.groups.add(g);
            ch.groups.add(g);
        }
        return g;
    }

    /** Adds one instance to a service, with its memberships and producers; returns it. */
    public static Instance addInstance(Engine engine, SimService svc) {
        int index = svc.instances.size();
        Instance inst = new Instance(svc, index, engine.streams.stream("svc:" + svc.id() + "#" + index));
        svc.instances.add(inst);
        for (SimGroup g : svc.groups) {
            Member m = new Member(inst, g, engine);
            m.link = engine.link(g.channel.spec.broker(), svc.id());
            m.ackLink = engine.link(svc.id(), g.channel.spec.broker());
            g.members.add(m);
            inst.members.add(m);
        }
        for (Plan.Publication p : svc.spec.publishes()) {
            SimChannel ch = engine.channels.get(p.channel());
            String id = "pub:" + svc.id() + "#" + index + ":" + p.channel();
            inst.producers.add(new Producer(
                    engine, inst, p, ch, engine.link(svc.id(), ch.spec.broker()), engine.streams.stream(id)));
        }
        for (Plan.Request r : svc.spec.requests()) {
            SimChannel ch = engine.channels.get(r.channel());
            Plan.Publication p = new Plan.Publication(
                    r.channel(),
                    null,
                    false,
                    null,
                    r.ratePerSecond(),
                    r.arrival(),
                    0,
                    null,
                    r.sizeBytes(),
                    Plan.Shape.STEADY,
                    null,
                    null);
            String id = "req:" + svc.id() + "#" + index + ":" + r.channel();
            Producer prod = new Producer(
                    engine, inst, p, ch, engine.link(svc.id(), ch.spec.broker()), engine.streams.stream(id));
            prod.request = r;
            inst.producers.add(prod);
        }
        return inst;
    }

    /** Starts every producer's arrival process. */
    public static void start(Engine engine) {
        for (SimService s : engine.services.values()) {
            for (Instance inst : s.instances) {
                for (Producer p : inst.producers) {
                    p.start();
                }
            }
        }
    }
}
