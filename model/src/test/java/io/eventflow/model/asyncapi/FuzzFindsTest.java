package io.eventflow.model.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.io.InputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** AsyncAPI inputs the fuzzer found, kept as regression tests. */
class FuzzFindsTest {
    private static final String DOC =
            """
            asyncapi: 3.0.0
            info: {title: app, version: '1'}
            servers:
              k: {host: 'k:9092', protocol: kafka}
            channels:
              c:
                address: c
                messages:
                  m: {payload: {type: string}}
            operations:
              read:
                action: receive
                channel: {$ref: '#/channels/c'}
                bindings:
                  kafka:
                    groupId: %s
                    clientId: %s
            """;

    @Test
    void kafkaBindingsWhoseEnumIsNotAListDoNotCrash() throws Exception {
        // 'enum' as a map made OperationMapper call get(0) on it: a NullPointerException.
        for (String schema : new String[] {"{type: string, enum: {x: app}}", "{type: string, enum: app}"}) {
            String text = DOC.formatted(schema, schema);
            try {
                var r = AsyncApiImporter.importText("k.yaml", text, Path.of("."), AsyncApiImporter.Options.DEFAULT);
                assertThat(r.design().services()).isNotEmpty();
            } catch (InputException e) {
                assertThat(e.problems()).isNotEmpty();
            }
        }
    }
}
