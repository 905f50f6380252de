package io.eventflow.app.cli;

import io.eventflow.model.asyncapi.AsyncApiExporter;
import io.eventflow.model.asyncapi.AsyncApiVersion;
import io.eventflow.model.design.Design;
import io.eventflow.model.doc.HtmlDocWriter;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;
import io.eventflow.model.validate.Linter;
import io.eventflow.model.validate.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eventflow export DESIGN --format ...}: AsyncAPI documents and HTML documentation. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Export a design as AsyncAPI 3.0 or 2.6 (YAML, or JSON with --json), one document for the"
                + " system or one per service, or as one self-contained HTML documentation page.")
final class ExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN", description = "the design file (*.eventflow.yaml)")
    Path design;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "FORMAT",
            description = "asyncapi-3.0, asyncapi-2.6 or html")
    String format;

    @Option(names = "--json", description = "write AsyncAPI as JSON instead of YAML")
    boolean json;

    @Option(names = "--per-service", description = "one AsyncAPI document per service, written into the folder -o")
    boolean perService;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "OUT",
            description = "output file (folder with --per-service); standard output when absent")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Export kind = Export.parse(format, spec.commandLine());
        if (perService && output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--per-service needs -o DIR");
        }
        if (perService && kind == Export.HTML) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--per-service applies to AsyncAPI only");
        }
        Design d;
        try {
            DesignFiles.Loaded loaded = DesignFiles.load(design);
            if (loaded.hasErrors()) {
                loaded.problems().stream().filter(Problem::isError).forEach(p -> err.println(p.format()));
                err.printf("%s: not exported: fix the errors first%n", design);
                return EventflowCommand.FAILED;
            }
            d = loaded.design();
        } catch (InputException e) {
            e.problems().forEach(p -> err.println(p.format()));
            return EventflowCommand.USAGE;
        }
        AsyncApiExporter.Format textFormat = json ? AsyncApiExporter.Format.JSON : AsyncApiExporter.Format.YAML;
        if (perService) {
            Files.createDirectories(output);
            Map<String, String> files = AsyncApiExporter.exportPerService(d, kind.version, textFormat);
            for (Map.Entry<String, String> f : files.entrySet()) {
                DesignFiles.writeAtomically(output.resolve(f.getKey()), f.getValue());
                err.println("wrote " + output.resolve(f.getKey()));
            }
            return EventflowCommand.OK;
        }
        String text = kind == Export.HTML
                ? HtmlDocWriter.write(d, Linter.lint(d))
                : AsyncApiExporter.export(d, kind.version, textFormat);
        if (output == null) {
            out.print(text);
            out.flush();
        } else {
            DesignFiles.writeAtomically(output, text);
            err.println("wrote " + output);
        }
        return EventflowCommand.OK;
    }

    enum Export {
        ASYNCAPI_3(AsyncApiVersion.V3_0),
        ASYNCAPI_2(AsyncApiVersion.V2_6),
        HTML(null);

        final AsyncApiVersion version;

        Export(AsyncApiVersion version) {
            this.version = version;
        }

        static Export parse(String s, CommandLine cl) {
            return switch (s) {
                case "asyncapi-3.0", "asyncapi-3", "asyncapi" -> ASYNCAPI_3;
                case "asyncapi-2.6", "asyncapi-2" -> ASYNCAPI_2;
                case "html" -> HTML;
                default -> throw new CommandLine.ParameterException(
                        cl, "unknown format '" + s + "': use asyncapi-3.0, asyncapi-2.6 or html");
            };
        }
    }
}
