package io.eventflow.model.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.TestFiles;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.io.DesignFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DiagramSvgWriterTest {
    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Design sample(String name) throws Exception {
        return DesignFiles.open(TestFiles.samples().resolve(name + ".eventflow.yaml"));
    }

    private static List<Element> byClass(Document doc, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void snsTopicFansOutToEachSubscribedQueueAsADashedLabelledEdge() throws Exception {
        Design d = sample("orders-sqs-sns");
        Document doc = parse(DiagramSvgWriter.standalone(d));
        List<Element> fanOut = byClass(doc, "path", "ef-fanout");
        // order-events → billing-queue and order-events → analytics-queue: the two queues with snsTopics.
        long queues = d.channels().stream()
                .filter(c -> SqsQueue.of(c).topicsOrEmpty().contains("order-events"))
                .count();
        assertThat(queues).isEqualTo(2);
        assertThat(fanOut).hasSize(2);
        // Each starts at the topic's right edge and ends at a queue's left edge (layout x + channel width).
        var topic = d.layout().get("order-events");
        for (Element e : fanOut) {
            assertThat(e.getAttribute("stroke-dasharray")).isEqualTo("7 3 2 3");
            assertThat(e.getAttribute("d")).startsWith("M" + (int) (topic.x() + 190) + ",");
        }
        assertThat(byClass(doc, "text", "ef-edge-label")).hasSize(2).allSatisfy(t -> assertThat(t.getTextContent())
                .isEqualTo("fan-out"));
        // Designs without SNS topics have none.
        assertThat(byClass(parse(DiagramSvgWriter.standalone(sample("order-pipeline"))), "path", "ef-fanout"))
                .isEmpty();
    }

    @Test
    void channelsAreShapedAndBadgedByKindAsOnTheCanvas() throws Exception {
        Map<String, String> expected = Map.of(
                "order-events", "hub SNS",
                "billing-queue", "queue SQS");
        Document sqs = parse(DiagramSvgWriter.standalone(sample("orders-sqs-sns")));
        assertThat(shapeAndBadge(sqs, "order-events")).isEqualTo(expected.get("order-events"));
        assertThat(shapeAndBadge(sqs, "billing-queue")).isEqualTo(expected.get("billing-queue"));
        Design kafka = sample("order-pipeline");
        Document k = parse(DiagramSvgWriter.standalone(kafka));
        assertThat(shapeAndBadge(k, "orders")).isEqualTo("log KAFKA");
        // A log shows one cell per partition (at most 12).
        int partitions = KafkaTopic.of(kafka.channel("orders").orElseThrow()).partitionCount();
        Element orders = channelGroup(k, "orders");
        assertThat(orders.getElementsByTagName("rect").getLength() - 1).isEqualTo(Math.min(12, partitions));
        for (String[] c : new String[][] {
            {"jobs-postgres-notify", "broadcast NOTIFY"},
            {"iot-telemetry", "hub MQTT"},
            {"activity-redis-streams", "log REDIS"},
            {"payments-rabbitmq", "queue AMQP"},
        }) {
            Design d = sample(c[0]);
            Document doc = parse(DiagramSvgWriter.standalone(d));
            assertThat(shapeAndBadge(doc, d.channels().get(0).id())).as(c[0]).isEqualTo(c[1]);
        }
        Design jms = sample("trading-jms");
        Document j = parse(DiagramSvgWriter.standalone(jms));
        for (var c : jms.channels()) {
            assertThat(shapeAndBadge(j, c.id())).isEqualTo(JmsDestination.of(c).isTopic() ? "hub JMS" : "queue JMS");
        }
        // The broadcast that stores nothing is dashed; the others are not.
        Element pg = byClass(
                        parse(DiagramSvgWriter.standalone(sample("jobs-postgres-notify"))), "g", "ef-shape-broadcast")
                .get(0);
        assertThat(((Element) pg.getElementsByTagName("path").item(0)).getAttribute("stroke-dasharray"))
                .isEqualTo("5 3");
    }

    private static Element channelGroup(Document doc, String id) {
        return byClass(doc, "g", "ef-channel").stream()
                .filter(g ->
                        g.getElementsByTagName("title").item(0).getTextContent().startsWith("channel " + id + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no channel " + id));
    }

    private static String shapeAndBadge(Document doc, String id) {
        Element g = channelGroup(doc, id);
        String shape = List.of(g.getAttribute("class").split(" ")).stream()
                .filter(c -> c.startsWith("ef-shape-"))
                .findFirst()
                .orElseThrow()
                .substring("ef-shape-".length());
        NodeList texts = g.getElementsByTagName("text");
        return shape + " " + texts.item(0).getTextContent();
    }
}
