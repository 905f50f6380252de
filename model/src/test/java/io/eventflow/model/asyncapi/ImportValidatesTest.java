package io.eventflow.model.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.DesignWriter;
import io.eventflow.model.io.InputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Whatever import writes validates; a document that would give an invalid design is refused with the reasons. */
class ImportValidatesTest {
    @Test
    void anOperationWithAMessageItsChannelDoesNotCarryIsRefusedNotWrittenInvalid() {
        // Found by the fuzzer: this imported with a warning, and the design written then failed 'validate' (EF106).
        String text =
                """
                asyncapi: 3.0.0
                info: {title: x, version: '1'}
                channels:
                  c:
                    address: c
                    messages:
                      a: {$ref: '#/components/messages/A'}
                operations:
                  send:
                    action: send
                    channel: {$ref: '#/channels/c'}
                    messages:
                      - $ref: '#/components/messages/B'
                components:
                  messages:
                    A: {payload: {type: string}}
                    B: {payload: {type: integer}}
                """;
        assertThatThrownBy(() ->
                        AsyncApiImporter.importText("op.yaml", text, Path.of("."), AsyncApiImporter.Options.DEFAULT))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.rule()).isEqualTo("EF106");
                            assertThat(p.message())
                                    .isEqualTo("the imported design would not validate: message 'B' is not carried by"
                                            + " channel 'c'");
                            assertThat(p.file()).isEqualTo("op.yaml");
                            assertThat(p.line()).isPositive();
                        }));
    }

    @Test
    void aValidImportIsWrittenAsADesignThatValidates() throws Exception {
        String text =
                """
                asyncapi: 3.0.0
                info: {title: x, version: '1'}
                channels:
                  c:
                    address: c
                    messages:
                      a: {$ref: '#/components/messages/A'}
                operations:
                  send:
                    action: send
                    channel: {$ref: '#/channels/c'}
                components:
                  messages:
                    A: {payload: {type: string}}
                """;
        var result = AsyncApiImporter.importText("ok.yaml", text, Path.of("."), AsyncApiImporter.Options.DEFAULT);
        DesignFiles.Loaded written = DesignFiles.parse("ok.eventflow.yaml", DesignWriter.toYaml(result.design()));
        assertThat(written.problems()).noneMatch(p -> p.isError());
    }
}
