package io.eventflow.app.cli;

import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;
import io.eventflow.model.validate.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code eventflow validate DESIGN...}: reports every error of each design file. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check design files for errors: syntax, unknown keys, unknown references, duplicate ids,"
                + " settings that do not fit the broker, impossible values. Exit 0 when all are valid, 1 when any has"
                + " errors, 2 when a file cannot be read.")
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DESIGN", description = "design files (*.eventflow.yaml)")
    List<Path> designs;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int code = EventflowCommand.OK;
        for (Path design : designs) {
            try {
                DesignFiles.Loaded loaded = DesignFiles.load(design);
                List<Problem> errors =
                        loaded.problems().stream().filter(Problem::isError).toList();
                errors.forEach(p -> out.println(p.format()));
                if (errors.isEmpty()) {
                    var d = loaded.design();
                    err.printf(
                            "%s: valid (%d brokers, %d channels, %d messages, %d services)%n",
                            design,
                            d.brokers().size(),
                            d.channels().size(),
                            d.messages().size(),
                            d.services().size());
                } else {
                    err.printf("%s: %d error(s)%n", design, errors.size());
                    code = Math.max(code, EventflowCommand.FAILED);
                }
            } catch (InputException e) {
                e.problems().forEach(p -> err.println(p.format()));
                code = EventflowCommand.USAGE;
            }
        }
        return code;
    }
}
