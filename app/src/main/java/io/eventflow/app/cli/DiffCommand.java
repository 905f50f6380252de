package io.eventflow.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.Design;
import io.eventflow.model.diff.Change;
import io.eventflow.model.diff.DesignDiff;
import io.eventflow.model.diff.DiffInputs;
import io.eventflow.model.diff.DiffReport;
import io.eventflow.model.io.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eventflow diff OLD... NEW [--format text|json] [--allow ID,...]}: the changes between design versions. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = "List every change from OLD to NEW (designs or AsyncAPI documents), each breaking, non-breaking"
                + " or unclassified for producers and for consumers; payload schemas are checked in their"
                + " compatibility mode. Several OLDs (oldest first) let _TRANSITIVE modes check every earlier version."
                + " Exit 0 when nothing breaks, 1 when a breaking change is not allowed, 2 when a file cannot be read.")
final class DiffCommand implements Callable<Integer> {
    enum OutputFormat {
        text,
        json
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            arity = "2..*",
            paramLabel = "FILE",
            description = "OLD [OLD...] NEW: design files (*.eventflow.yaml) or AsyncAPI documents, oldest first")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text (one change a line) or json (one object with every change)")
    OutputFormat format;

    @Option(
            names = "--allow",
            split = ",",
            paramLabel = "ID",
            description = "accept these breaking changes by id (e.g. channel-removed:orders); an id ending in * accepts"
                    + " every change it starts")
    List<String> allow = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Map.Entry<String, Design>> earlier = new ArrayList<>();
        Design neu = null;
        boolean failed = false;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            try {
                Design d = DiffInputs.read(file);
                if (i == files.size() - 1) {
                    neu = d;
                } else {
                    earlier.add(Map.entry(file.toString(), d));
                }
            } catch (InputException e) {
                e.problems().forEach(p -> err.println(p.format()));
                failed = true;
            }
        }
        if (failed) {
            err.println("nothing compared: fix the files above first");
            return EventflowCommand.USAGE;
        }
        DiffReport report = DesignDiff.compare(earlier, neu);
        Set<String> allowed = new LinkedHashSet<>(allow);
        for (String a : allowed) {
            if (report.changes().stream().noneMatch(c -> DiffReport.isAllowed(c, Set.of(a)))) {
                err.println("warning: --allow " + a + " matches no change");
            }
        }
        List<Change> blocking = report.breakingNotAllowed(allowed);
        if (format == OutputFormat.json) {
            out.println(json(report, allowed, earlier, files.get(files.size() - 1)));
        } else {
            for (Change c : report.changes()) {
                out.println(line(c, allowed));
            }
        }
        long breaking = report.breaking().size();
        err.printf(
                "%d change(s), %d breaking (%d allowed)%n",
                report.changes().size(), breaking, breaking - blocking.size());
        return blocking.isEmpty() ? EventflowCommand.OK : EventflowCommand.FAILED;
    }

    private static String line(Change c, Set<String> allowed) {
        String verdict = !c.breaking() ? "ok" : DiffReport.isAllowed(c, allowed) ? "allowed" : "BREAKING";
        return String.format(
                "%-8s %s: %s [producers: %s, consumers: %s%s]",
                verdict,
                c.id(),
                c.summary(),
                c.producers(),
                c.consumers(),
                c.mode() == null ? "" : ", mode " + c.mode());
    }

    static String json(DiffReport report, Set<String> allowed, List<Map.Entry<String, Design>> earlier, Path neu) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("old", earlier.get(earlier.size() - 1).getKey());
        root.put("new", neu.toString());
        ArrayNode olds = root.putArray("earlier");
        earlier.forEach(e -> olds.add(e.getKey()));
        root.put("breaking", report.breaking().size());
        root.put("notAllowed", report.breakingNotAllowed(allowed).size());
        ArrayNode changes = root.putArray("changes");
        for (Change c : report.changes()) {
            ObjectNode o = changes.addObject();
            o.put("id", c.id());
            o.put("kind", c.kind());
            o.put("element", c.element());
            o.put("summary", c.summary());
            o.put("producers", c.producers().key());
            o.put("consumers", c.consumers().key());
            o.put("breaking", c.breaking());
            o.put("allowed", c.breaking() && DiffReport.isAllowed(c, allowed));
            o.put("mode", c.mode());
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
