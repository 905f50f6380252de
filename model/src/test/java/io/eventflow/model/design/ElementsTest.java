package io.eventflow.model.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.edit.Selection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed element, the one id rule, edge ids and the typed selection. */
class ElementsTest {
    @Test
    void everyElementRenamesToItsOwnType() {
        List<Element> all = List.of(
                new Broker("k", BrokerKind.KAFKA),
                new Channel("c", "k", null, List.of()),
                new Service("s"),
                new MessageType("m"));
        for (Element e : all) {
            Element renamed = e.withId("x");
            assertThat(renamed.id()).isEqualTo("x");
            assertThat(renamed.getClass()).isEqualTo(e.getClass());
        }
        assertThat(all.stream().map(Element::what)).containsExactly("broker", "channel", "service", "message");
    }

    @Test
    void theIdRuleKeepsEdgeSeparatorsAndSpacesOut() {
        assertThat(ElementId.isValid("orders.v1_2-b")).isTrue();
        assertThat(ElementId.isValid("9lives")).isTrue();
        for (String bad : List.of("a:b", "a>b", "a b", "", "-a", ".a", "_a", "ä")) {
            assertThat(ElementId.problem(bad)).as(bad).isNotNull();
        }
        assertThat(ElementId.problem(null)).contains("empty");
        assertThatThrownBy(() -> ElementId.require("pub:a>b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void freeTextBecomesAValidId() {
        assertThat(ElementId.fromText("orders", "m")).isEqualTo("orders");
        assertThat(ElementId.fromText("a b", "m")).isEqualTo("a-b");
        assertThat(ElementId.fromText("_user/signed up!", "m")).isEqualTo("user-signed-up");
        assertThat(ElementId.fromText("???", "message")).isEqualTo("message");
    }

    @Test
    void edgeKeysRoundTrip() {
        for (EdgeId e : List.of(
                EdgeId.publish("checkout", "orders"),
                EdgeId.subscribe("billing", "orders"),
                new EdgeId(EdgeId.Kind.DEAD_LETTER, "billing", "orders-dlq"),
                new EdgeId(EdgeId.Kind.SNS, "topic", "queue"))) {
            assertThat(EdgeId.parse(e.key())).contains(e);
        }
        assertThat(EdgeId.publish("checkout", "orders").key()).isEqualTo("pub:checkout>orders");
        // A subscription runs channel → service.
        EdgeId sub = EdgeId.subscribe("billing", "orders");
        assertThat(sub.key()).isEqualTo("sub:orders>billing");
        assertThat(sub.from()).isEqualTo("orders");
        assertThat(sub.to()).isEqualTo("billing");
        assertThat(EdgeId.parse("orders")).isEmpty();
        assertThat(EdgeId.parse("xyz:a>b")).isEmpty();
        assertThat(EdgeId.isEdgeKey("dlq:a>b")).isTrue();
    }

    @Test
    void edgesFindWhatTheyStandFor() {
        Publication p = new Publication("orders", null, Rate.parse("10/s"));
        Subscription s = new Subscription("orders", null).withDeadLetter("dlq");
        Service checkout = new Service("checkout").withPublishes(List.of(p));
        Service billing = new Service("billing").withSubscribes(List.of(s));
        Design d = Design.empty("d").withServices(List.of(checkout, billing));
        assertThat(EdgeId.publish("checkout", "orders").publication(d)).contains(p);
        assertThat(EdgeId.subscribe("billing", "orders").subscription(d)).contains(s);
        assertThat(new EdgeId(EdgeId.Kind.DEAD_LETTER, "billing", "dlq").subscription(d))
                .contains(s);
        assertThat(EdgeId.publish("billing", "orders").publication(d)).isEmpty();
        assertThat(EdgeId.publish("checkout", "orders").subscription(d)).isEmpty();
    }

    @Test
    void aSelectionSeparatesElementsFromEdges() {
        Selection s = Selection.of(List.of("orders", "pub:checkout>orders", "billing"));
        assertThat(s.elements()).containsExactly("orders", "billing");
        assertThat(s.edges()).containsExactly(EdgeId.publish("checkout", "orders"));
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.singleElement()).isEmpty();
        assertThat(Selection.of(List.of("sub:orders>billing")).singleEdge())
                .contains(EdgeId.subscribe("billing", "orders"));
        assertThat(Selection.of(List.of("orders")).singleElement()).contains("orders");
        assertThat(Selection.of(List.of()).isEmpty()).isTrue();
        assertThat(s.keys()).containsExactly("orders", "billing", "pub:checkout>orders");
    }
}
