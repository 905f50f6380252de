package io.eventflow.app.simview;

import io.eventflow.app.canvas.KindLook;
import io.eventflow.app.canvas.KindLooks;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.EdgeId;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.scenario.ScenarioChecker;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The right-click menu in Simulate: failures to inject now and operator actions, for the element or edge under the
 * pointer. Parameters are offered as presets so that nothing modal covers the canvas.
 */
final class FaultMenu {
    private static final long S = 1_000_000_000L;
    private final SimSession session;
    private final ContextMenu menu = new ContextMenu();

    FaultMenu(SimSession session) {
        this.session = session;
        menu.setId("sim-menu");
    }

    void hide() {
        menu.hide();
    }

    void show(String id, Node owner, double sx, double sy) {
        menu.getItems().clear();
        Design d = session.runDesign();
        if (id == null) {
            return;
        }
        EdgeId edge = EdgeId.parse(id).orElse(null);
        if (edge != null) {
            java.util.Optional<KindLook> link = KindLooks.linkOwner(edge);
            if (link.isEmpty()) {
                edgeItems(edge);
            } else { // a link between two channels happens inside the broker: no network link to fault
                MenuItem info = new MenuItem(link.get().linkFaultNote());
                info.setDisable(true);
                menu.getItems().add(info);
            }
        } else {
            d.service(id).ifPresent(s -> serviceItems(s, d));
            d.channel(id).ifPresent(c -> channelItems(c, d));
            d.broker(id).ifPresent(this::brokerItems);
        }
        if (!menu.getItems().isEmpty()) {
            menu.show(owner, sx, sy);
        }
    }

    private void serviceItems(Service s, Design d) {
        int n = s.instances() == null ? 1 : s.instances();
        add("Crash instance 0 (restart after 5s)", () -> fault(new Fault.Crash(0, s.id(), 0, 5 * S)));
        add("Crash all instances (restart after 10s)", () -> fault(new Fault.Crash(0, s.id(), null, 10 * S)));
        add("Crash instance 0 (no restart)", () -> fault(new Fault.Crash(0, s.id(), 0, -1)));
        add("Slow down ×4 for 10s", () -> fault(new Fault.Slow(0, s.id(), null, 4, 10 * S)));
        if (!s.subscribes().isEmpty()) {
            Menu scale = new Menu("Scale to");
            for (int k : new int[] {1, 2, 3, 6, 12}) {
                MenuItem i = new MenuItem(k + (k == n ? " instances (design)" : " instances"));
                i.setOnAction(e -> session.runner().apply(new Action.Scale(0, s.id(), k)));
                scale.getItems().add(i);
            }
            menu.getItems().add(scale);
        }
        for (Publication p : s.publishes()) {
            if (p.rate() != null && !p.isChained()) {
                double base = p.rate().perSecond();
                Menu rate = new Menu("Rate on " + p.channel());
                for (double f : new double[] {0.5, 2, 10}) {
                    MenuItem i = new MenuItem(String.format(java.util.Locale.ROOT, "%.0f/s (×%s)", base * f, f));
                    i.setOnAction(e -> session.runner().apply(new Action.Rate(0, s.id(), p.channel(), base * f)));
                    rate.getItems().add(i);
                }
                menu.getItems().add(rate);
            }
        }
        for (Subscription x : s.subscribes()) {
            if (replayable(d, x.channel())) {
                String g = x.groupOr(s.id());
                add("Replay group " + g + " on " + x.channel() + " from earliest", () -> session.runner()
                        .apply(new Action.Replay(0, g, x.channel(), "earliest", 0)));
            }
        }
    }

    private void channelItems(Channel c, Design d) {
        add("Poison 1% for 10s", () -> fault(new Fault.Poison(0, c.id(), 1, 10 * S)));
        add("Poison 10% for 10s", () -> fault(new Fault.Poison(0, c.id(), 10, 10 * S)));
        add("Tamper with 10% for 10s", () -> fault(new Fault.Tamper(0, c.id(), null, null, 10, 10 * S)));
        if (retentionApplies(d, c)) {
            add("Retention pressure: 64 KiB for 10s", () -> fault(new Fault.DiskLimit(0, c.id(), 64 * 1024, 10 * S)));
        }
        for (Service s : d.services()) {
            for (Subscription x : s.subscribes()) {
                if (c.id().equals(x.deadLetter())) {
                    add("Re-drive dead letters to " + x.channel(), () -> session.runner()
                            .apply(new Action.Redrive(0, c.id(), x.channel())));
                }
            }
        }
    }

    private void brokerItems(Broker b) {
        int nodes = b.nodes() == null ? 1 : b.nodes();
        for (int k = 0; k < nodes; k++) {
            int node = k;
            add(
                    "Crash node " + k + " (restart after 10s)",
                    () -> fault(new Fault.BrokerCrash(0, b.id(), node, 10 * S)));
        }
    }

    private void edgeItems(EdgeId e) {
        String from = e.from();
        String to = e.to();
        add("Partition for 5s", () -> fault(new Fault.Partition(0, e.service(), e.channel(), 5 * S)));
        add("Latency +200ms ±50ms for 10s", () -> fault(new Fault.Latency(0, from, to, S / 5, S / 20, 10 * S)));
        add("Drop 5% for 10s", () -> fault(new Fault.Drop(0, from, to, 5, 10 * S)));
        add("Drop 50% for 10s", () -> fault(new Fault.Drop(0, from, to, 50, 10 * S)));
        add("Duplicate 5% for 10s", () -> fault(new Fault.Duplicate(0, from, to, 5, 10 * S)));
        add("Reorder 20% for 10s", () -> fault(new Fault.Reorder(0, from, to, 20, S / 20, 10 * S)));
    }

    /** Replay resets a group's position: only on a kind that keeps a log (the scenario checker's rule). */
    static boolean replayable(Design d, String channel) {
        return d.channel(channel)
                .flatMap(d::kindOf)
                .map(ScenarioChecker::replayable)
                .orElse(false);
    }

    /** Retention pressure needs a disk to fill (the scenario checker's rule; a channel of no kind counts as other). */
    static boolean retentionApplies(Design d, Channel c) {
        return ScenarioChecker.hasDiskToFill(d.kindOf(c).orElse(BrokerKind.OTHER));
    }

    private void fault(Fault f) {
        session.inject(f);
    }

    private void add(String text, Runnable r) {
        if (!menu.getItems().isEmpty() && text.startsWith("Replay") && !(last() instanceof SeparatorMenuItem)) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        MenuItem i = new MenuItem(text);
        i.setOnAction(e -> r.run());
        menu.getItems().add(i);
    }

    private MenuItem last() {
        return menu.getItems().get(menu.getItems().size() - 1);
    }

    ContextMenu contextMenu() {
        return menu;
    }
}
