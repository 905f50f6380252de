package io.eventflow.model.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.InputException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportOptionsTest {
    @TempDir
    Path dir;

    private static String specWithRef(String ref) {
        return """
                asyncapi: 3.0.0
                info: {title: Remote, version: '1'}
                channels:
                  readings:
                    address: readings
                    messages:
                      reading:
                        payload: {$ref: '%s'}
                """
                .formatted(ref);
    }

    @Test
    void remoteReferencesAreFollowedOnlyWhenAllowed() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = "Reading: {type: object, title: Reading, properties: {value: {type: number}}}\n"
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/schemas.yaml", ex -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String ref = "http://127.0.0.1:" + server.getAddress().getPort() + "/schemas.yaml#/Reading";
            Path spec = dir.resolve("remote.yaml");
            Files.writeString(spec, specWithRef(ref));
            assertThatThrownBy(() -> AsyncApiImporter.importFiles(List.of(spec), AsyncApiImporter.Options.DEFAULT))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("remote reference '" + ref + "'");
            Design d = AsyncApiImporter.importFiles(List.of(spec), new AsyncApiImporter.Options(true, "Allowed"))
                    .design();
            assertThat(d.name()).isEqualTo("Allowed");
            assertThat(d.messages().get(0).payload().path("properties").has("value"))
                    .isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void jsonDocumentsAndOlderTwoPointZeroDocumentsImport() throws Exception {
        Path json = dir.resolve("old.json");
        Files.writeString(
                json,
                """
                {"asyncapi": "2.0.0",
                 "info": {"title": "Old sensor", "version": "0.1"},
                 "servers": {"broker": {"url": "mqtt://test.example.org:1883", "protocol": "mqtt"}},
                 "channels": {"sensors/temperature": {"subscribe": {"operationId": "publishTemperature",
                    "message": {"name": "temperature", "payload": {"type": "number"}}}}}}
                """);
        AsyncApiImporter.Result r = AsyncApiImporter.importFiles(List.of(json), AsyncApiImporter.Options.DEFAULT);
        Design d = r.design();
        assertThat(d.brokers().get(0).host()).isEqualTo("test.example.org:1883");
        assertThat(d.channels().get(0).address()).isEqualTo("sensors/temperature");
        assertThat(d.services().get(0).publishes()).hasSize(1);
        assertThat(r.warnings()).anyMatch(p -> p.message().contains("assumed 1/s"));
        for (AsyncApiVersion v : AsyncApiVersion.values()) {
            assertThat(SchemaCheck.errors(AsyncApiExporter.toTree(d, v))).isEmpty();
        }
        assertThat(AsyncApiExporter.toTree(d, AsyncApiVersion.V2_6)
                        .at("/channels/sensors~1temperature/subscribe/operationId")
                        .asText())
                .isEqualTo("publishTemperature");
    }
}
