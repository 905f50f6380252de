package io.eventflow.simulator.internal;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.simulator.broker.BrokerKinds;
import io.eventflow.simulator.broker.BrokerRuntime;
import java.util.HashMap;
import java.util.Map;

/** Builds the runtime elements of a {@link World} from a {@link Plan}. */
public final class WorldBuilder {
    private final Plan plan;
    private final World world;
    private final Map<String, GroupRt> groupsByKey = new HashMap<>();

    private WorldBuilder(Plan plan, World world) {
        this.plan = plan;
        this.world = world;
    }

    /** Creates every element; nothing is scheduled until {@link #start(World)}. */
    public static World build(Plan plan, long seed) {
        World world = new World(seed);
        new WorldBuilder(plan, world).run();
        return world;
    }

    private void run() {
        for (Plan.Broker b : plan.brokers()) {
            BrokerRuntime rt = BrokerKinds.find(BrokerKind.fromKey(b.kind()))
                    .orElseThrow(() -> new IllegalArgumentException("no runtime for broker kind " + b.kind()))
                    .create(b, world);
            world.brokers.put(b.id(), rt);
        }
        for (Plan.Channel c : plan.channels()) {
            ChannelRt ch = new ChannelRt(c, world.brokers.get(c.broker()));
            world.channels.put(c.id(), ch);
            ch.broker.attachChannel(ch);
        }
        for (Plan.Service s : plan.services()) {
            ServiceRt svc = new ServiceRt(s);
            world.services.put(s.id(), svc);
            for (Plan.Subscription sub : s.subscribes()) {
                svc.groups.add(group(svc, sub));
            }
            for (Plan.Request r : s.requests()) {
                for (GroupRt g : svc.groups) {
                    if (g.channel.id().equals(r.replyChannel()) && g.service == svc) {
                        g.replyListener = true;
                    }
                }
            }
            for (int i = 0; i < s.instances(); i++) {
                addInstance(world, svc);
            }
        }
        for (GroupRt g : world.groups) {
            g.channel.broker.attachGroup(g);
        }
        for (BrokerRuntime b : world.brokers.values()) {
            b.start();
        }
    }

    private GroupRt group(ServiceRt svc, Plan.Subscription sub) {
        ChannelRt ch = world.channels.get(sub.channel());
        boolean sharedQueue = ch.broker.oneQueuePerChannel(ch);
        String key = sharedQueue ? sub.channel() : sub.channel() + "\u0000" + sub.group();
        GroupRt g = groupsByKey.get(key);
        if (g == null) {
            g = new GroupRt(sub.group(), ch, sub, svc);
            groupsByKey.put(key, g);
            world.groups.add(g);
            ch.groups.add(g);
        }
        return g;
    }

    /** Adds one instance to a service, with its memberships and producers; returns it. */
    public static Instance addInstance(World world, ServiceRt svc) {
        int index = svc.instances.size();
        Instance inst = new Instance(svc, index, world.streams.stream("svc:" + svc.id() + "#" + index));
        svc.instances.add(inst);
        for (GroupRt g : svc.groups) {
            Member m = new Member(inst, g, world);
            m.link = world.link(g.channel.spec.broker(), svc.id());
            m.ackLink = world.link(svc.id(), g.channel.spec.broker());
            g.members.add(m);
            inst.members.add(m);
        }
        for (Plan.Publication p : svc.spec.publishes()) {
            ChannelRt ch = world.channels.get(p.channel());
            String id = "pub:" + svc.id() + "#" + index + ":" + p.channel();
            inst.producers.add(
                    new Producer(world, inst, p, ch, world.link(svc.id(), ch.spec.broker()), world.streams.stream(id)));
        }
        for (Plan.Request r : svc.spec.requests()) {
            ChannelRt ch = world.channels.get(r.channel());
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
                    null);
            String id = "req:" + svc.id() + "#" + index + ":" + r.channel();
            Producer prod =
                    new Producer(world, inst, p, ch, world.link(svc.id(), ch.spec.broker()), world.streams.stream(id));
            prod.request = r;
            inst.producers.add(prod);
        }
        return inst;
    }

    /** Starts every producer's arrival process. */
    public static void start(World world) {
        for (ServiceRt s : world.services.values()) {
            for (Instance inst : s.instances) {
                for (Producer p : inst.producers) {
                    p.start();
                }
            }
        }
    }
}
