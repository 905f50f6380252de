package io.eventflow.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.asyncapi.AsyncApiExporter;
import io.eventflow.model.asyncapi.AsyncApiImporter;
import io.eventflow.model.asyncapi.AsyncApiVersion;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Isolation;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.validate.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code rebalancePause}, {@code failoverTime}, {@code replicationLag} (once {@code x-} keys) and {@code isolation}:
 * read, written back as written, checked against the broker kind, and carried through AsyncAPI.
 */
class KafkaTimingKeysTest {
    static final String DESIGN =
            """
            eventflow: 1
            name: timing
            brokers:
              - {id: k, kind: kafka, nodes: 3, failoverTime: 3s, replicationLag: 20ms}
              - {id: old, kind: kafka, x-failoverTime: 1s, x-replicationLag: 5ms}
            messages:
              - {id: M, payload: {title: M, type: object}}
            channels:
              - {id: c, broker: k, address: c.v1, messages: [M]}
              - {id: d, broker: old, address: d.v1, messages: [M]}
            services:
              - id: p
                publishes: [{channel: c, message: M, rate: 1/s}, {channel: d, message: M, rate: 1/s}]
              - id: s
                subscribes:
                  - {channel: c, group: g, isolation: read_committed, rebalancePause: 250ms}
                  - {channel: d, group: h, x-rebalancePause: 1s}
            """;

    private static Design load(String yaml) throws Exception {
        DesignFiles.Loaded l = DesignFiles.parse("t.eventflow.yaml", yaml);
        assertThat(l.problems().stream().filter(Problem::isError)).isEmpty();
        return l.design();
    }

    @Test
    void documentedKeysAreReadAndOldSpellingsStayExtensions() throws Exception {
        Design d = load(DESIGN);
        assertThat(d.brokers().get(0).failoverTime()).isEqualTo(TimeSpan.parse("3s"));
        assertThat(d.brokers().get(0).replicationLag()).isEqualTo(TimeSpan.parse("20ms"));
        assertThat(d.services().get(1).subscribes().get(0).isolation()).isEqualTo(Isolation.READ_COMMITTED);
        assertThat(d.services().get(1).subscribes().get(0).rebalancePause()).isEqualTo(TimeSpan.parse("250ms"));
        assertThat(d.services().get(1).subscribes().get(1).isolationOrDefault()).isEqualTo(Isolation.READ_UNCOMMITTED);
        assertThat(d.brokers().get(1).failoverTime()).isNull();
        assertThat(d.brokers().get(1).extensions()).containsKeys("x-failoverTime", "x-replicationLag");
        assertThat(d.services().get(1).subscribes().get(1).extensions()).containsKey("x-rebalancePause");
    }

    @Test
    void loadSaveKeepsEachKeyAsWritten() throws Exception {
        String yaml = DesignWriter.toYaml(load(DESIGN));
        assertThat(yaml)
                .contains("failoverTime: 3s")
                .contains("replicationLag: 20ms")
                .contains("isolation: read_committed")
                .contains("rebalancePause: 250ms")
                .contains("x-failoverTime: 1s")
                .contains("x-replicationLag: 5ms")
                .contains("x-rebalancePause: 1s");
        // the old spellings are not rewritten: saving an unchanged file gives the same bytes
        assertThat(DesignWriter.toYaml(load(yaml))).isEqualTo(yaml);
        assertThat(load(yaml)).isEqualTo(load(DESIGN));
    }

    @Test
    void theKeysBelongToKafka() throws Exception {
        String amqp = DESIGN.replace("{id: k, kind: kafka, nodes: 3,", "{id: k, kind: amqp,");
        var problems = DesignFiles.parse("t.eventflow.yaml", amqp).problems();
        assertThat(problems)
                .filteredOn(Problem::isError)
                .extracting(Problem::pointer)
                .contains("/brokers/0/failoverTime", "/services/1/subscribes/0/isolation");
    }

    @Test
    void aBadIsolationLevelIsAProblem() throws Exception {
        var problems = DesignFiles.parse(
                        "t.eventflow.yaml", DESIGN.replace("isolation: read_committed", "isolation: committed"))
                .problems();
        assertThat(problems).filteredOn(Problem::isError).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(AsyncApiVersion.class)
    void asyncApiCarriesThemInXEventflow(AsyncApiVersion version) throws Exception {
        Design d = load(DESIGN);
        String text = AsyncApiExporter.export(d, version, AsyncApiExporter.Format.YAML);
        Design back = AsyncApiImporter.importText("export.yaml", text, Path.of("."), AsyncApiImporter.Options.DEFAULT)
                .design();
        assertThat(back.brokers().get(0).failoverTime()).isEqualTo(TimeSpan.parse("3s"));
        assertThat(back.brokers().get(0).replicationLag()).isEqualTo(TimeSpan.parse("20ms"));
        assertThat(back.brokers().get(1).extensions()).containsKeys("x-failoverTime", "x-replicationLag");
        var subs = back.services().stream()
                .filter(s -> s.id().equals("s"))
                .findFirst()
                .orElseThrow()
                .subscribes();
        assertThat(subs.get(0).isolation()).isEqualTo(Isolation.READ_COMMITTED);
        assertThat(subs.get(0).rebalancePause()).isEqualTo(TimeSpan.parse("250ms"));
        assertThat(subs.get(1).extensions()).containsKey("x-rebalancePause");
    }
}
