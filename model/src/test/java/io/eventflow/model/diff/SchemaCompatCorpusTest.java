package io.eventflow.model.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of schema pairs per format. Each pair is checked from OLD to NEW and again from NEW to OLD: a change that
 * breaks BACKWARD one way breaks FORWARD the other way, so each rule is held in both directions.
 */
class SchemaCompatCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Impact B = Impact.BREAKING;
    private static final Impact N = Impact.NON_BREAKING;
    private static final Impact U = Impact.UNCLASSIFIED;

    /** format, old, new, rule expected old→new, its backward and forward impacts. */
    static Stream<Arguments> corpus() {
        return Stream.of(
                // JSON Schema
                json(
                        "{'type':'object','properties':{'a':{'type':'string'}}}",
                        "{'type':'object','properties':{'a':{'type':'string'}},'required':['a']}",
                        "required-added",
                        B,
                        N),
                json(
                        "{'type':'object','properties':{'a':{'type':'integer'}}}",
                        "{'type':'object','properties':{'a':{'type':'number'}}}",
                        "type-widened",
                        N,
                        B),
                json(
                        "{'type':'object','properties':{'a':{'type':'string'}}}",
                        "{'type':'object','properties':{'a':{'type':'boolean'}}}",
                        "type-changed",
                        B,
                        B),
                json(
                        "{'type':'string','enum':['A','B']}",
                        "{'type':'string','enum':['A','B','C']}",
                        "enum-value-added",
                        N,
                        B),
                json(
                        "{'type':'object'}",
                        "{'type':'object','additionalProperties':false}",
                        "additional-properties-closed",
                        B,
                        N),
                json(
                        "{'type':'object','properties':{'a':{'type':'string'}},'additionalProperties':false}",
                        "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}},"
                                + "'additionalProperties':false}",
                        "property-added",
                        N,
                        B),
                json(
                        "{'type':'object','properties':{'a':{'type':'string'}}}",
                        "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}}}",
                        "property-added",
                        U,
                        N),
                json(
                        "{'type':'string','maxLength':10}",
                        "{'type':'string','maxLength':5}",
                        "maxLength-tightened",
                        B,
                        N),
                json(
                        "{'type':'array','items':{'type':'integer'}}",
                        "{'type':'array','items':{'type':'number'}}",
                        "type-widened",
                        N,
                        B),
                // Avro: its own SchemaCompatibility decides.
                avro(
                        "{'type':'record','name':'R','fields':[{'name':'a','type':'int'}]}",
                        "{'type':'record','name':'R','fields':[{'name':'a','type':'int'},"
                                + "{'name':'b','type':'string'}]}",
                        "reader-field-missing-default-value",
                        B,
                        N),
                avro(
                        "{'type':'record','name':'R','fields':[{'name':'a','type':'int'}]}",
                        "{'type':'record','name':'R','fields':[{'name':'a','type':'int'},"
                                + "{'name':'b','type':'string','default':''}]}",
                        "field-added",
                        N,
                        N),
                avro(
                        "{'type':'record','name':'R','fields':[{'name':'a','type':'int'}]}",
                        "{'type':'record','name':'R','fields':[{'name':'a','type':'long'}]}",
                        "type-mismatch",
                        N,
                        B),
                avro(
                        "{'type':'enum','name':'E','symbols':['A','B']}",
                        "{'type':'enum','name':'E','symbols':['A']}",
                        "missing-enum-symbols",
                        B,
                        N),
                // Protobuf
                proto("message M { string a = 1; }", "message M { string a = 1; int32 b = 2; }", "field-added", N, N),
                proto(
                        "message M { string a = 1; int32 b = 2; }",
                        "message M { string a = 1; }",
                        "field-removed-not-reserved",
                        B,
                        B),
                proto(
                        "message M { string a = 1; int32 b = 2; }",
                        "message M { string a = 1; reserved 2; }",
                        "field-removed",
                        N,
                        N),
                proto(
                        "message M { string a = 1; reserved 2; }",
                        "message M { string a = 1; string c = 2; }",
                        "reserved-number-reused",
                        B,
                        B),
                proto(
                        "message M { string a = 1; reserved \"c\"; }",
                        "message M { string a = 1; string c = 3; }",
                        "reserved-name-reused",
                        B,
                        B),
                proto(
                        "message M { int32 a = 1; }",
                        "message M { int64 a = 1; }",
                        "field-type-changed-compatible",
                        N,
                        N),
                proto("message M { int32 a = 1; }", "message M { string a = 1; }", "field-type-changed", B, B),
                proto("message M { int32 a = 1; }", "message M { repeated int32 a = 1; }", "field-label-changed", B, B),
                proto(
                        "message M { E e = 1; } enum E { A = 0; B = 1; }",
                        "message M { E e = 1; } enum E { A = 0; }",
                        "enum-value-removed",
                        B,
                        N),
                proto(
                        "message M { int32 a = 1; int32 b = 2; }",
                        "message M { oneof o { int32 a = 1; int32 b = 2; } }",
                        "field-oneof-changed",
                        B,
                        B));
    }

    /** The reverse direction of each pair: the same change undone. */
    static Stream<Arguments> reversed() {
        return Stream.of(
                json(
                        "{'type':'object','properties':{'a':{'type':'string'}},'required':['a']}",
                        "{'type':'object','properties':{'a':{'type':'string'}}}",
                        "required-removed",
                        N,
                        B),
                json(
                        "{'type':'object','properties':{'a':{'type':'number'}}}",
                        "{'type':'object','properties':{'a':{'type':'integer'}}}",
                        "type-narrowed",
                        B,
                        N),
                json(
                        "{'type':'string','enum':['A','B','C']}",
                        "{'type':'string','enum':['A','B']}",
                        "enum-value-removed",
                        B,
                        N),
                json(
                        "{'type':'object','additionalProperties':false}",
                        "{'type':'object'}",
                        "additional-properties-opened",
                        N,
                        B),
                json(
                        "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}},"
                                + "'additionalProperties':false}",
                        "{'type':'object','properties':{'a':{'type':'string'}},'additionalProperties':false}",
                        "property-removed",
                        B,
                        N),
                json("{'type':'string','maxLength':5}", "{'type':'string','maxLength':10}", "maxLength-loosened", N, B),
                avro(
                        "{'type':'record','name':'R','fields':[{'name':'a','type':'int'},"
                                + "{'name':'b','type':'string'}]}",
                        "{'type':'record','name':'R','fields':[{'name':'a','type':'int'}]}",
                        "reader-field-missing-default-value",
                        N,
                        B),
                avro(
                        "{'type':'record','name':'R','fields':[{'name':'a','type':'long'}]}",
                        "{'type':'record','name':'R','fields':[{'name':'a','type':'int'}]}",
                        "type-mismatch",
                        B,
                        N),
                avro(
                        "{'type':'enum','name':'E','symbols':['A']}",
                        "{'type':'enum','name':'E','symbols':['A','B']}",
                        "missing-enum-symbols",
                        N,
                        B),
                proto(
                        "message M { string a = 1; int32 b = 2; }",
                        "message M { string a = 1; }",
                        "field-removed-not-reserved",
                        B,
                        B),
                proto(
                        "message M { int64 a = 1; }",
                        "message M { int32 a = 1; }",
                        "field-type-changed-compatible",
                        N,
                        N),
                proto("message M { string a = 1; }", "message M { int32 a = 1; }", "field-type-changed", B, B),
                proto(
                        "message M { E e = 1; } enum E { A = 0; }",
                        "message M { E e = 1; } enum E { A = 0; B = 1; }",
                        "enum-value-added",
                        N,
                        N),
                proto(
                        "syntax = \"proto2\"; message M { required int32 a = 1; optional int32 b = 2; }",
                        "syntax = \"proto2\"; message M { required int32 a = 1; required int32 b = 2; }",
                        "field-became-required",
                        B,
                        N),
                proto(
                        "syntax = \"proto2\"; message M { required int32 a = 1; required int32 b = 2; }",
                        "syntax = \"proto2\"; message M { required int32 a = 1; optional int32 b = 2; }",
                        "field-no-longer-required",
                        N,
                        B));
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource({"corpus", "reversed"})
    void eachRuleHasItsImpactInBothDirections(
            SchemaDiff.Format format, JsonNode old, JsonNode neu, String rule, Impact backward, Impact forward)
            throws Exception {
        List<SchemaIssue> issues = SchemaDiff.compare(format, old, neu);
        assertThat(issues).extracting(SchemaIssue::rule).contains(rule);
        SchemaIssue issue =
                issues.stream().filter(i -> i.rule().equals(rule)).findFirst().orElseThrow();
        assertThat(issue.backward()).as("backward of %s", issue).isEqualTo(backward);
        assertThat(issue.forward()).as("forward of %s", issue).isEqualTo(forward);
    }

    @ParameterizedTest(name = "{0} unchanged")
    @MethodSource("corpus")
    void aSchemaComparedWithItselfHasNoChange(
            SchemaDiff.Format format, JsonNode old, JsonNode neu, String rule, Impact backward, Impact forward)
            throws Exception {
        assertThat(SchemaDiff.compare(format, old, old)).isEmpty();
        assertThat(SchemaDiff.compare(format, neu, neu)).isEmpty();
    }

    private static Arguments json(String old, String neu, String rule, Impact backward, Impact forward) {
        return Arguments.of(SchemaDiff.Format.JSON_SCHEMA, tree(old), tree(neu), rule, backward, forward);
    }

    private static Arguments avro(String old, String neu, String rule, Impact backward, Impact forward) {
        return Arguments.of(SchemaDiff.Format.AVRO, tree(old), tree(neu), rule, backward, forward);
    }

    private static Arguments proto(String old, String neu, String rule, Impact backward, Impact forward) {
        return Arguments.of(SchemaDiff.Format.PROTOBUF, proto3(old), proto3(neu), rule, backward, forward);
    }

    /** The text as a .proto file: proto3 unless it names its syntax. */
    private static TextNode proto3(String text) {
        return new TextNode(text.startsWith("syntax") ? text : "syntax = \"proto3\";\n" + text);
    }

    static JsonNode tree(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }
}
