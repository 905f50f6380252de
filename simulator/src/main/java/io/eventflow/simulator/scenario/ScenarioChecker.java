package io.eventflow.simulator.scenario;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Service;
import io.eventflow.model.kind.KindProfile;
import io.eventflow.model.kind.KindProfiles;
import io.eventflow.model.validate.Problem;
import java.util.ArrayList;
import java.util.List;

/** Checks a scenario's targets against a design. */
public final class ScenarioChecker {
    private final Design d;
    private final List<Problem> out;

    private ScenarioChecker(Design d, List<Problem> out) {
        this.d = d;
        this.out = out;
    }

    /** Whether a replay applies to a channel of {@code kind}: it resets a group's position in a log or a stream. */
    public static boolean replayable(BrokerKind kind) {
        return KindProfiles.of(kind).replayable();
    }

    /**
     * Whether retention pressure (a disk limit) applies to a channel of {@code kind}: logs and queues fill a disk; a
     * kind's profile refuses it where there is none ({@link KindProfile#refuseDiskLimit}).
     */
    public static boolean hasDiskToFill(BrokerKind kind) {
        return KindProfiles.of(kind).refuseDiskLimit("").isEmpty();
    }

    /** Problems of {@code s} against {@code design} (empty when it fits). */
    public static List<Problem> check(Scenario s, Design design) {
        List<Problem> out = new ArrayList<>();
        check(s, design, out);
        return out;
    }

    static void check(Scenario s, Design design, List<Problem> out) {
        ScenarioChecker c = new ScenarioChecker(design, out);
        for (int i = 0; i < s.faults().size(); i++) {
            c.fault("/faults/" + i, s.faults().get(i));
        }
        for (int i = 0; i < s.actions().size(); i++) {
            c.action("/actions/" + i, s.actions().get(i));
        }
    }

    private void err(String ptr, String element, String msg, String hint) {
        out.add(Problem.error("EF302", element, ptr, msg, hint));
    }

    private void service(String ptr, String id, Integer instance) {
        Service s = d.service(id).orElse(null);
        if (s == null) {
            err(
                    ptr + "/target",
                    id,
                    "no service '" + id + "' in the design",
                    "services: "
                            + String.join(
                                    ", ", d.services().stream().map(Service::id).toList()));
        } else if (instance != null && instance >= s.instanceCount()) {
            err(ptr + "/instance", id, "service '" + id + "' has instances 0.." + (s.instanceCount() - 1), null);
        }
    }

    private void channel(String ptr, String id) {
        if (d.channel(id).isEmpty()) {
            err(ptr, id, "no channel '" + id + "' in the design", null);
        }
    }

    private void element(String ptr, String id) {
        if (d.elementIds().noneMatch(id::equals)) {
            err(ptr, id, "no element '" + id + "' in the design", "name a service, broker or channel");
        }
    }

    private void fault(String ptr, Fault f) {
        if (f instanceof Fault.Crash c) {
            service(ptr, c.target(), c.instance());
        } else if (f instanceof Fault.Slow s) {
            service(ptr, s.target(), s.instance());
        } else if (f instanceof Fault.BrokerCrash b) {
            brokerCrash(ptr, b);
        } else if (f instanceof Fault.Partition p) {
            element(ptr + "/between/0", p.a());
            element(ptr + "/between/1", p.b());
        } else if (f instanceof Fault.Latency l) {
            link(ptr, l.from(), l.to());
        } else if (f instanceof Fault.Bandwidth l) {
            link(ptr, l.from(), l.to());
        } else if (f instanceof Fault.Drop l) {
            link(ptr, l.from(), l.to());
        } else if (f instanceof Fault.Duplicate l) {
            link(ptr, l.from(), l.to());
        } else if (f instanceof Fault.Reorder l) {
            link(ptr, l.from(), l.to());
        } else if (f instanceof Fault.Poison p) {
            channel(ptr + "/target", p.target());
        } else if (f instanceof Fault.Tamper t) {
            if (t.target() != null) {
                channel(ptr + "/target", t.target());
            } else {
                link(ptr, t.from(), t.to());
            }
        } else if (f instanceof Fault.DiskLimit r) {
            channel(ptr + "/target", r.target());
            d.channel(r.target())
                    .flatMap(d::kindOf)
                    .filter(k -> !hasDiskToFill(k))
                    .ifPresent(k -> noDiskToFill(ptr + "/target", r.target(), k));
        }
    }

    /** Retention pressure fills a log's disk: refused, with the kind's own way to lose messages, where there is none. */
    private void noDiskToFill(String ptr, String channel, BrokerKind kind) {
        KindProfiles.of(kind).refuseDiskLimit(channel).ifPresent(r -> err(ptr, channel, r.message(), r.hint()));
    }

    /** A kind that keeps no message: faults and actions about stored messages do not apply. */
    private void storesNothing(String ptr, String channel, String what) {
        d.channel(channel)
                .flatMap(d::kindOf)
                .flatMap(k -> KindProfiles.of(k).refuseStoredMessages(channel, what))
                .ifPresent(r -> err(ptr, channel, r.message(), r.hint()));
    }

    private void brokerCrash(String ptr, Fault.BrokerCrash b) {
        Broker br = d.broker(b.target()).orElse(null);
        if (br == null) {
            err(ptr + "/target", b.target(), "no broker '" + b.target() + "' in the design", null);
        } else if (KindProfiles.of(br.kind()).crashesPerNode() && b.node() >= br.nodeCount()) {
            err(
                    ptr + "/node",
                    b.target(),
                    "broker '" + b.target() + "' has nodes 0.." + (br.nodeCount() - 1),
                    "nodes are numbered from 0");
        } else if (!KindProfiles.of(br.kind()).crashesPerNode() && b.node() != 0) {
            err(ptr + "/node", b.target(), "the simulator runs " + br.kind() + " brokers as one node: 0", null);
        }
    }

    private void link(String ptr, String from, String to) {
        element(ptr + "/link/0", from);
        element(ptr + "/link/1", to);
    }

    private void action(String ptr, Action a) {
        if (a instanceof Action.Replay r) {
            replay(ptr, r);
        } else if (a instanceof Action.Redrive r) {
            channel(ptr + "/from", r.from());
            storesNothing(ptr + "/from", r.from(), "a redrive");
            channel(ptr + "/to", r.to());
        } else if (a instanceof Action.Scale s) {
            service(ptr, s.target(), null);
        } else if (a instanceof Action.Rate r) {
            service(ptr, r.target(), null);
            d.service(r.target()).ifPresent(s -> {
                if (s.publishes().stream().noneMatch(p -> p.channel().equals(r.channel()))) {
                    err(
                            ptr + "/channel",
                            r.target(),
                            "service '" + r.target() + "' does not publish on '" + r.channel() + "'",
                            null);
                }
            });
        }
    }

    private void replay(String ptr, Action.Replay r) {
        channel(ptr + "/channel", r.channel());
        boolean found = d.services().stream()
                .flatMap(s -> s.subscribes().stream().map(sub -> sub.groupOr(s.id()) + "\u0000" + sub.channel()))
                .anyMatch(k -> k.equals(r.group() + "\u0000" + r.channel()));
        if (!found) {
            err(ptr + "/group", r.group(), "no group '" + r.group() + "' subscribes to '" + r.channel() + "'", null);
        }
        d.channel(r.channel())
                .flatMap(d::kindOf)
                .filter(k -> !replayable(k))
                .ifPresent(k -> err(
                        ptr + "/channel",
                        r.channel(),
                        "replay needs " + replayTargets() + "; '" + r.channel() + "' is " + k,
                        null));
    }

    /** What a replay can reset, e.g. {@code a log (x) or a stream (y)}: the replay targets of the kinds, in order. */
    private static String replayTargets() {
        List<String> targets = new ArrayList<>();
        for (BrokerKind k : BrokerKind.values()) {
            if (KindProfiles.of(k).replayable()) {
                targets.add(KindProfiles.of(k).replayTarget());
            }
        }
        return String.join(" or ", targets);
    }
}
