package io.eventflow.model.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.TestFiles;
import io.eventflow.model.asyncapi.AsyncApiImporter;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Service;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.validate.Problem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlDocWriterTest {
    static List<Path> samples() throws Exception {
        return TestFiles.sampleDesigns();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void pageDocumentsEveryElementAndNeedsNoNetwork(Path sample) throws Exception {
        Design d = DesignFiles.open(sample);
        String html = HtmlDocWriter.write(d);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("href=\"#overview\"");
        for (Channel c : d.channels()) {
            assertThat(html)
                    .contains("id=\"channel-" + Html.anchor(c.id()) + "\"")
                    .contains(c.effectiveAddress());
        }
        for (MessageType m : d.messages()) {
            assertThat(html).contains("id=\"message-" + Html.anchor(m.id()) + "\"");
        }
        for (Service s : d.services()) {
            assertThat(html).contains("id=\"service-" + Html.anchor(s.id()) + "\"");
        }
        assertThat(html).doesNotContain("src=\"http").doesNotContain("<script").doesNotContain("@import");
        assertThat(html).doesNotContain("id=\"findings\"");
        assertThat(HtmlDocWriter.write(DesignFiles.open(sample))).isEqualTo(html);
    }

    @Test
    void sampleShowsSettingsSchemaAndExample() throws Exception {
        Design d = DesignFiles.open(TestFiles.samples().resolve("order-pipeline.eventflow.yaml"));
        String html = HtmlDocWriter.write(d);
        assertThat(html).contains("<td class=\"k\">Partitions</td><td>6</td>");
        assertThat(html).contains("<code>items[].sku</code>");
        assertThat(html).contains("&quot;orderId&quot;: &quot;3fa85f64");
        assertThat(html).contains("Keyed by orderId");
    }

    @Test
    void findingsAreListedWhenGiven() throws Exception {
        Design d = DesignFiles.open(TestFiles.samples().resolve("order-pipeline.eventflow.yaml"));
        Problem p = Problem.error("EF001", "orders", null, "retention is shorter than <the> outage", "raise it");
        String html = HtmlDocWriter.write(d, List.of(p));
        assertThat(html)
                .contains("id=\"findings\"")
                .contains("retention is shorter than &lt;the&gt; outage")
                .contains("<a href=\"#channel-orders\">orders</a>");
    }

    @Test
    void importedSpecGetsADiagramFromTheAutoLayout() throws Exception {
        Path spec = TestFiles.shared().resolve("asyncapi/examples/3.0.0/streetlights-kafka-asyncapi.yml");
        Design d = AsyncApiImporter.importFiles(List.of(spec), AsyncApiImporter.Options.DEFAULT)
                .design();
        String html = HtmlDocWriter.write(d.withLayout(Map.of()));
        assertThat(html).contains("<svg").contains("smartylighting.streetlights.1.0.action.{streetlightId}.dim");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void standaloneSvgIsWellFormedXml(Path sample) throws Exception {
        String svg = DiagramSvgWriter.standalone(DesignFiles.open(sample));
        var doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("path").getLength()).isGreaterThan(1);
    }
}
