package io.eventflow.app.cli;

import io.eventflow.model.asyncapi.AsyncApiImporter;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eventflow import SPEC... -o DESIGN}: AsyncAPI documents onto one design, laid out. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import AsyncAPI 2.0-2.6 or 3.0 documents (YAML or JSON) into one design file; several"
                + " documents of one system merge, their channels matched by address. The design is laid out"
                + " automatically.")
final class ImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SPEC", description = "AsyncAPI documents")
    List<Path> specs;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "DESIGN",
            description = "the design file to write (*.eventflow.yaml)")
    Path output;

    @Option(names = "--name", description = "the design's name (default: the document's title)")
    String name;

    @Option(names = "--allow-remote-refs", description = "follow http(s) $refs (refused by default)")
    boolean allowRemoteRefs;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        AsyncApiImporter.Result result;
        try {
            result = AsyncApiImporter.importFiles(specs, new AsyncApiImporter.Options(allowRemoteRefs, name));
        } catch (InputException e) {
            e.problems().forEach(p -> err.println(p.format()));
            err.println("nothing was imported");
            return EventflowCommand.USAGE;
        }
        result.warnings().forEach(p -> err.println(p.format()));
        DesignFiles.save(result.design(), output);
        var d = result.design();
        err.printf(
                "wrote %s (%d brokers, %d channels, %d messages, %d services)%n",
                output,
                d.brokers().size(),
                d.channels().size(),
                d.messages().size(),
                d.services().size());
        return EventflowCommand.OK;
    }
}
