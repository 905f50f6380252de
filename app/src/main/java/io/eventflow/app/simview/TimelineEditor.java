package io.eventflow.app.simview;

import io.eventflow.model.design.Design;
import io.eventflow.model.design.EdgeId;
import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.scenario.Scenario;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import org.tinylog.Logger;

/** What the timeline does to scenario items: templates for the selection, moving in time, titles, saving. */
final class TimelineEditor {
    private static final long S = 1_000_000_000L;

    /** A fault or action offered in the Add menu. */
    record Template(String label, Object item) {}

    private final SimSession session;
    private final Supplier<String> selection;

    TimelineEditor(SimSession session, Supplier<String> selection) {
        this.session = session;
        this.selection = selection;
    }

    /** Faults for the selected element or edge, starting 1 s after the current simulated time. */
    List<Template> templates() {
        List<Template> out = new ArrayList<>();
        String id = selection.get();
        if (id == null) {
            return out;
        }
        long now = session.snapshot() == null ? 0 : session.snapshot().time();
        long at = (now / (100_000_000L) + 10) * 100_000_000L;
        Design d = session.currentDesign();
        EdgeId e = EdgeId.parse(id).orElse(null);
        if (e != null && io.eventflow.app.canvas.KindLooks.linkOwner(e).isEmpty()) {
            out.add(new Template(
                    "Partition " + e.service() + " / " + e.channel() + " for 5s",
                    new Fault.Partition(at, e.service(), e.channel(), 5 * S)));
            out.add(new Template(
                    "Latency +200ms on " + id, new Fault.Latency(at, e.from(), e.to(), S / 5, S / 20, 10 * S)));
            out.add(new Template("Drop 10% on " + id, new Fault.Drop(at, e.from(), e.to(), 10, 10 * S)));
            out.add(new Template("Duplicate 10% on " + id, new Fault.Duplicate(at, e.from(), e.to(), 10, 10 * S)));
        } else if (e != null) {
            return out; // a link between two channels: inside the broker, no network link to fault
        } else if (d.channel(id).isPresent()) {
            out.add(new Template("Poison 10% of " + id + " for 10s", new Fault.Poison(at, id, 10, 10 * S)));
            if (FaultMenu.retentionApplies(d, d.channel(id).get())) {
                out.add(new Template("Retention pressure on " + id, new Fault.DiskLimit(at, id, 64 * 1024, 10 * S)));
            }
        } else if (d.service(id).isPresent()) {
            out.add(new Template("Crash " + id + " instance 0 (restart after 5s)", new Fault.Crash(at, id, 0, 5 * S)));
            out.add(new Template("Slow " + id + " ×4 for 10s", new Fault.Slow(at, id, null, 4, 10 * S)));
            out.add(new Template("Scale " + id + " to 6", new Action.Scale(at, id, 6)));
        } else if (d.broker(id).isPresent()) {
            out.add(new Template(
                    "Crash " + id + " node 0 (restart after 10s)", new Fault.BrokerCrash(at, id, 0, 10 * S)));
        }
        return out;
    }

    /** How long an item lasts in nanoseconds (-1: to the end; 0: an instant). */
    static long length(Object o) {
        if (o instanceof Fault.Crash c) {
            return c.restartAfter();
        } else if (o instanceof Fault.BrokerCrash c) {
            return c.restartAfter();
        } else if (o instanceof Fault.Partition p) {
            return p.duration();
        } else if (o instanceof Fault.Latency l) {
            return l.duration();
        } else if (o instanceof Fault.Bandwidth b) {
            return b.duration();
        } else if (o instanceof Fault.Drop x) {
            return x.duration();
        } else if (o instanceof Fault.Duplicate x) {
            return x.duration();
        } else if (o instanceof Fault.Reorder x) {
            return x.duration();
        } else if (o instanceof Fault.Slow x) {
            return x.duration();
        } else if (o instanceof Fault.Poison x) {
            return x.duration();
        } else if (o instanceof Fault.Tamper x) {
            return x.duration();
        } else if (o instanceof Fault.DiskLimit x) {
            return x.duration();
        }
        return 0;
    }

    /** A short title, e.g. {@code crash billing}. */
    static String title(Object o) {
        String line = TimelineView.line(o);
        String kind = o instanceof Fault f ? f.kind() : ((Action) o).kind();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "(target|between|link|group|from): (\\[[^\\]]*\\]|[^,}]+)")
                .matcher(line);
        return m.find() ? kind + " " + m.group(2) : kind;
    }

    /** The same item at another time. */
    static Object withAt(Object o, long at) {
        if (o instanceof Fault.Crash c) {
            return new Fault.Crash(at, c.target(), c.instance(), c.restartAfter());
        } else if (o instanceof Fault.BrokerCrash c) {
            return new Fault.BrokerCrash(at, c.target(), c.node(), c.restartAfter());
        } else if (o instanceof Fault.Partition p) {
            return new Fault.Partition(at, p.a(), p.b(), p.duration());
        } else if (o instanceof Fault.Latency l) {
            return new Fault.Latency(at, l.from(), l.to(), l.delay(), l.jitter(), l.duration());
        } else if (o instanceof Fault.Bandwidth b) {
            return new Fault.Bandwidth(at, b.from(), b.to(), b.bytesPerSecond(), b.duration());
        } else if (o instanceof Fault.Drop x) {
            return new Fault.Drop(at, x.from(), x.to(), x.percent(), x.duration());
        } else if (o instanceof Fault.Duplicate x) {
            return new Fault.Duplicate(at, x.from(), x.to(), x.percent(), x.duration());
        } else if (o instanceof Fault.Reorder x) {
            return new Fault.Reorder(at, x.from(), x.to(), x.percent(), x.window(), x.duration());
        } else if (o instanceof Fault.Slow x) {
            return new Fault.Slow(at, x.target(), x.instance(), x.factor(), x.duration());
        } else if (o instanceof Fault.Poison x) {
            return new Fault.Poison(at, x.target(), x.percent(), x.duration());
        } else if (o instanceof Fault.Tamper x) {
            return new Fault.Tamper(at, x.target(), x.from(), x.to(), x.percent(), x.duration());
        } else if (o instanceof Fault.DiskLimit x) {
            return new Fault.DiskLimit(at, x.target(), x.bytes(), x.duration());
        } else if (o instanceof Action.Replay r) {
            return new Action.Replay(at, r.group(), r.channel(), r.to(), r.value());
        } else if (o instanceof Action.Redrive r) {
            return new Action.Redrive(at, r.from(), r.to());
        } else if (o instanceof Action.Scale s) {
            return new Action.Scale(at, s.target(), s.instances());
        } else if (o instanceof Action.Rate r) {
            return new Action.Rate(at, r.target(), r.channel(), r.perSecond());
        }
        return o;
    }

    /** Saves to the scenario's file (or asks for one); returns what to tell the user. */
    String save(boolean ask) {
        Path file = session.scenarioFileProperty().get();
        if (ask || file == null) {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario", "*.scenario.yaml"));
            fc.setInitialFileName("scenario.scenario.yaml");
            File f = fc.showSaveDialog(null);
            if (f == null) {
                return "";
            }
            file = f.toPath();
        }
        return saveTo(file);
    }

    String saveTo(Path file) {
        try {
            Files.writeString(
                    file, ScenarioYaml.write(session.scenarioProperty().get(), "Saved by EventFlow Studio"));
            session.scenarioFileProperty().set(file);
            return "Saved " + file;
        } catch (IOException e) {
            Logger.error(e, "cannot save the scenario to {}", file);
            return "Could not save " + file + ": " + e.getMessage();
        }
    }

    Scenario scenario() {
        return session.scenarioProperty().get();
    }
}
