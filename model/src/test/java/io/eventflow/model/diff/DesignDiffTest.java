package io.eventflow.model.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.asyncapi.AsyncApiExporter;
import io.eventflow.model.asyncapi.AsyncApiImporter;
import io.eventflow.model.asyncapi.AsyncApiVersion;
import io.eventflow.model.design.Compatibility;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.DesignWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesignDiffTest {
    static final String BASE =
            """
            eventflow: 1
            name: Shop
            brokers:
              - {id: kafka, kind: kafka}
            messages:
              - id: OrderPlaced
                contentType: application/json
                payload:
                  type: object
                  properties:
                    id: {type: string}
              - id: Refund
                contentType: application/json
            channels:
              - {id: orders, broker: kafka, address: orders.v1, messages: [OrderPlaced], partitions: 6}
            services:
              - id: checkout
                publishes:
                  - {channel: orders, message: OrderPlaced, rate: 10/s}
              - id: billing
                subscribes:
                  - {channel: orders, delivery: exactly-once}
            """;

    static Design design(String text) throws Exception {
        DesignFiles.Loaded loaded = DesignFiles.parse("test.eventflow.yaml", text);
        assertThat(loaded.problems().stream().filter(p -> p.isError())).isEmpty();
        return loaded.design();
    }

    private static Change change(DiffReport r, String id) {
        return r.changes().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + r.changes()));
    }

    @Test
    void aDesignComparedWithItselfHasNoChange() throws Exception {
        assertThat(DesignDiff.compare(design(BASE), design(BASE)).changes()).isEmpty();
    }

    @Test
    void aRemovedChannelBreaksBothSides() throws Exception {
        Design neu = design(BASE).withChannels(List.of());
        Change c = change(DesignDiff.compare(design(BASE), neu), "channel-removed:orders");
        assertThat(c.producers()).isEqualTo(Impact.BREAKING);
        assertThat(c.consumers()).isEqualTo(Impact.BREAKING);
        assertThat(c.breaking()).isTrue();
    }

    @Test
    void channelAddressMessagesAndPartitions() throws Exception {
        Design neu = design(BASE.replace(
                "address: orders.v1, messages: [OrderPlaced], partitions: 6",
                "address: orders.v2, messages: [OrderPlaced, Refund], partitions: 12"));
        DiffReport r = DesignDiff.compare(design(BASE), neu);
        assertThat(change(r, "channel-address-changed:orders").breaking()).isTrue();
        Change added = change(r, "channel-message-added:orders:Refund");
        assertThat(added.producers()).isEqualTo(Impact.NON_BREAKING);
        assertThat(added.consumers()).isEqualTo(Impact.BREAKING);
        Change partitions = change(r, "channel-setting-changed:orders:partitions");
        assertThat(partitions.consumers()).isEqualTo(Impact.UNCLASSIFIED);
        assertThat(partitions.breaking()).isFalse();
    }

    @Test
    void weakerDeliveryBreaksTheConsumer() throws Exception {
        Design neu = design(BASE.replace("delivery: exactly-once", "delivery: at-least-once"));
        Change c = change(DesignDiff.compare(design(BASE), neu), "delivery-changed:billing:orders");
        assertThat(c.consumers()).isEqualTo(Impact.BREAKING);
        Design stronger = design(BASE.replace("delivery: exactly-once", "delivery: at-most-once"));
        Change back = change(DesignDiff.compare(stronger, design(BASE)), "delivery-changed:billing:orders");
        assertThat(back.breaking()).isFalse();
    }

    @Test
    void operationsAddedAndRemoved() throws Exception {
        Design neu = design(BASE.replace(
                """
                subscribes:
                      - {channel: orders, delivery: exactly-once}""",
                "instances: 2"));
        DiffReport r = DesignDiff.compare(design(BASE), neu);
        assertThat(change(r, "subscriber-removed:billing:orders").breaking()).isFalse();
        DiffReport back = DesignDiff.compare(neu, design(BASE));
        assertThat(change(back, "subscriber-added:billing:orders").breaking()).isFalse();
        assertThat(change(
                                DesignDiff.compare(
                                        design(BASE),
                                        design(BASE.replace(
                                                "  - id: checkout\n    publishes:\n"
                                                        + "      - {channel: orders, message: OrderPlaced, rate: 10/s}\n",
                                                ""))),
                                "publisher-removed:checkout:orders/OrderPlaced")
                        .consumers())
                .isEqualTo(Impact.UNCLASSIFIED);
    }

    @Test
    void aRequiredFieldBreaksTheDefaultBackwardModeButNotForward() throws Exception {
        String required =
                BASE.replace("        id: {type: string}\n", "        id: {type: string}\n      required: [id]\n");
        Change c = change(
                DesignDiff.compare(design(BASE), design(required)), "schema-required-added:OrderPlaced:/properties/id");
        assertThat(c.mode()).isEqualTo("BACKWARD");
        assertThat(c.producers()).isEqualTo(Impact.BREAKING);
        assertThat(c.consumers()).isEqualTo(Impact.NON_BREAKING);
        assertThat(c.breaking()).isTrue();
        // The channel's mode applies to the messages it carries.
        Design forward = design(required.replace("partitions: 6", "partitions: 6, compatibility: FORWARD"));
        Change f =
                change(DesignDiff.compare(design(BASE), forward), "schema-required-added:OrderPlaced:/properties/id");
        assertThat(f.mode()).isEqualTo("FORWARD");
        assertThat(f.breaking()).isFalse();
    }

    @Test
    void transitiveModesCheckEveryEarlierVersion() throws Exception {
        // v1: id is a number; v2: a number or a string; v3: an integer or a string.
        String v1 = BASE.replace("id: {type: string}", "id: {type: number}");
        String v2 = BASE.replace("id: {type: string}", "id: {type: [number, string]}");
        String v3 = BASE.replace("id: {type: string}", "id: {type: [integer, string]}");
        // v2 -> v3 narrows number|string to integer|string: BACKWARD breaks (old data may hold 1.5).
        // v1 -> v3 narrows number to integer|string: also breaks BACKWARD.
        String transitive = v3.replace(
                "contentType: application/json\n    payload:",
                "contentType: application/json\n    compatibility: BACKWARD_TRANSITIVE\n    payload:");
        DiffReport r = DesignDiff.compare(
                List.of(Map.entry("v1", design(v1)), Map.entry("v2", design(v2))), design(transitive));
        assertThat(r.breaking()).extracting(Change::id).contains("schema-type-changed:OrderPlaced:/properties/id");
        assertThat(r.breaking())
                .filteredOn(c -> c.summary().contains("(against v1)"))
                .isNotEmpty();
        // Without the transitive mode only v2 counts.
        DiffReport plain =
                DesignDiff.compare(List.of(Map.entry("v1", design(v1)), Map.entry("v2", design(v2))), design(v3));
        assertThat(plain.changes()).noneMatch(c -> c.summary().contains("against v1"));
    }

    @Test
    void allowedChangesByIdOrPrefix() throws Exception {
        Design neu = design(BASE).withChannels(List.of());
        DiffReport r = DesignDiff.compare(design(BASE), neu);
        assertThat(r.breakingNotAllowed(Set.of())).isNotEmpty();
        assertThat(r.breakingNotAllowed(Set.of("channel-removed:orders"))).isEmpty();
        assertThat(r.breakingNotAllowed(Set.of("channel-removed:*"))).isEmpty();
    }

    @Test
    void compatibilityKeyRoundTrips() throws Exception {
        Design d = design(BASE.replace("partitions: 6", "partitions: 6, compatibility: FULL_TRANSITIVE")
                .replace("  - id: Refund\n", "  - id: Refund\n    compatibility: NONE\n"));
        assertThat(d.channel("orders").orElseThrow().compatibility()).isEqualTo(Compatibility.FULL_TRANSITIVE);
        assertThat(d.message("Refund").orElseThrow().compatibility()).isEqualTo(Compatibility.NONE);
        Design again = design(DesignWriter.toYaml(d));
        assertThat(again).isEqualTo(d);
    }

    @Test
    void compatibilityKeyTravelsThroughAsyncApi() throws Exception {
        Design d = design(BASE.replace("partitions: 6", "partitions: 6, compatibility: FULL")
                .replace("  - id: Refund\n", "  - id: Refund\n    compatibility: NONE\n"));
        for (AsyncApiVersion v : List.of(AsyncApiVersion.V3_0, AsyncApiVersion.V2_6)) {
            String text = AsyncApiExporter.export(d, v, AsyncApiExporter.Format.YAML);
            Design back = AsyncApiImporter.importText(
                            "t.yaml", text, java.nio.file.Path.of("."), AsyncApiImporter.Options.DEFAULT)
                    .design();
            assertThat(back.channel("orders").orElseThrow().compatibility())
                    .as(v.toString())
                    .isEqualTo(Compatibility.FULL);
            assertThat(back.message("Refund").orElseThrow().compatibility())
                    .as(v.toString())
                    .isEqualTo(Compatibility.NONE);
        }
    }

    @Test
    void avroAndProtobufPayloadsInADesign() throws Exception {
        String avro = BASE.replace(
                "  - id: Refund\n    contentType: application/json\n",
                """
                  - id: Refund
                    contentType: application/avro
                    schemaFormat: application/vnd.apache.avro;version=1.9.0
                    payload: {type: record, name: Refund, fields: [{name: id, type: string}]}
                """);
        String newer = avro.replace("version=1.9.0", "version=1.12.0")
                .replace("[{name: id, type: string}]", "[{name: id, type: string}, {name: amount, type: long}]");
        DiffReport r = DesignDiff.compare(design(avro), design(newer));
        assertThat(change(r, "message-setting-changed:Refund:schemaFormat").breaking())
                .isFalse();
        // A field without a default: a reader on the new schema cannot fill it from old data.
        Change missing = change(r, "schema-reader-field-missing-default-value:Refund:/fields/1");
        assertThat(missing.breaking()).isTrue();
        assertThat(missing.producers()).isEqualTo(Impact.BREAKING);

        String proto = avro.replace("contentType: application/avro", "contentType: application/x-protobuf")
                .replace("application/vnd.apache.avro;version=1.9.0", "application/vnd.google.protobuf;version=3")
                .replace(
                        "payload: {type: record, name: Refund, fields: [{name: id, type: string}]}",
                        "payload: 'syntax = \"proto3\"; message Refund { string id = 1; }'");
        Change format = change(DesignDiff.compare(design(avro), design(proto)), "payload-format-changed:Refund");
        assertThat(format.breaking()).isTrue();
    }

    @Test
    void anUnknownCompatibilityModeIsAnErrorNamingTheLine() throws Exception {
        DesignFiles.Loaded loaded = DesignFiles.parse(
                "test.eventflow.yaml", BASE.replace("partitions: 6", "partitions: 6, compatibility: SIDEWAYS"));
        assertThat(loaded.problems()).anySatisfy(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("SIDEWAYS").contains("BACKWARD_TRANSITIVE");
            assertThat(p.line()).isEqualTo(15);
        });
    }
}
