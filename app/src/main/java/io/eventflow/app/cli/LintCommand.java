package io.eventflow.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;
import io.eventflow.model.validate.Linter;
import io.eventflow.model.validate.Problem;
import io.eventflow.model.validate.RuleInfo;
import io.eventflow.model.validate.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eventflow lint DESIGN... [--format text|json]}: validation errors and lint findings. */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = "Check designs against good practice (rules EF001...) as well as for errors. Exit 0 when"
                + " there are no errors (warnings alone still exit 0), 1 when there are errors, 2 when a file cannot"
                + " be read.")
final class LintCommand implements Callable<Integer> {
    enum OutputFormat {
        text,
        json
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "DESIGN", description = "design files (*.eventflow.yaml)")
    List<Path> designs = new ArrayList<>();

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text (one finding a line, like a compiler) or json (one array of findings)")
    OutputFormat format;

    @Option(names = "--list-rules", description = "list the lint rules with their ids, default severity and why")
    boolean listRules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (listRules) {
            for (RuleInfo r : Linter.rules()) {
                out.printf("%s  %-8s %s%n        %s%n", r.id(), r.defaultSeverity(), r.title(), r.why());
            }
            return EventflowCommand.OK;
        }
        if (designs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'DESIGN'");
        }
        List<Problem> findings = new ArrayList<>();
        int code = EventflowCommand.OK;
        for (Path design : designs) {
            try {
                DesignFiles.Loaded loaded = DesignFiles.load(design);
                findings.addAll(loaded.problems());
                if (!loaded.hasErrors()) {
                    findings.addAll(DesignFiles.lint(loaded));
                }
            } catch (InputException e) {
                e.problems().forEach(p -> err.println(p.format()));
                code = EventflowCommand.USAGE;
            }
        }
        if (format == OutputFormat.json) {
            out.println(json(findings));
        } else {
            findings.forEach(p -> out.println(p.format()));
        }
        long errors = findings.stream().filter(Problem::isError).count();
        long warnings =
                findings.stream().filter(p -> p.severity() == Severity.WARNING).count();
        long infos = findings.size() - errors - warnings;
        err.printf("%d error(s), %d warning(s), %d info(s)%n", errors, warnings, infos);
        if (errors > 0) {
            code = Math.max(code, EventflowCommand.FAILED);
        }
        return code;
    }

    static String json(List<Problem> findings) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Problem p : findings) {
            ObjectNode o = array.addObject();
            o.put("rule", p.rule());
            o.put("severity", p.severity().key());
            o.put("element", p.element());
            o.put("message", p.message());
            o.put("file", p.file());
            o.put("line", p.line());
            o.put("column", p.column());
            o.put("hint", p.hint());
            o.put("pointer", p.pointer());
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
