package io.eventflow.model.edit;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Position;
import io.eventflow.model.design.Service;
import io.eventflow.model.validate.Validator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesignEditsTest {
    private static Design pipeline() {
        Design d = Design.empty("p");
        d = DesignEdits.add(d, new Broker("kafka", BrokerKind.KAFKA), new Position(0, 0));
        d = DesignEdits.add(d, new MessageType("Order"), null);
        d = DesignEdits.add(d, new Channel("orders", "kafka", "orders.v1", List.of("Order")), new Position(200, 0));
        d = DesignEdits.add(d, new Service("checkout"), new Position(0, 100));
        d = DesignEdits.add(d, new Service("billing"), new Position(400, 100));
        d = DesignEdits.connectPublish(d, "checkout", "orders");
        return DesignEdits.connectSubscribe(d, "orders", "billing");
    }

    @Test
    void buildsAValidPipeline() {
        Design d = pipeline();
        assertThat(Validator.validate(d)).isEmpty();
        assertThat(d.service("checkout").orElseThrow().role()).isEqualTo(Service.Role.PRODUCER);
        assertThat(d.service("billing").orElseThrow().role()).isEqualTo(Service.Role.CONSUMER);
        assertThat(d.service("checkout").orElseThrow().publishes().get(0).message())
                .isEqualTo("Order");
    }

    @Test
    void renameFollowsReferences() {
        Design d = pipeline();
        d = DesignEdits.replace(d, "orders", d.channel("orders").orElseThrow().withId("orders2"));
        assertThat(d.service("billing").orElseThrow().subscribes().get(0).channel())
                .isEqualTo("orders2");
        assertThat(d.layout()).containsKey("orders2").doesNotContainKey("orders");
        assertThat(Validator.validate(d)).isEmpty();
    }

    @Test
    void removeDropsEdges() {
        Design d = DesignEdits.remove(pipeline(), Set.of("orders"));
        assertThat(d.service("billing").orElseThrow().subscribes()).isEmpty();
        assertThat(d.service("checkout").orElseThrow().publishes()).isEmpty();
        assertThat(Validator.validate(d)).isEmpty();
    }

    @Test
    void pasteGivesFreshIdsAndKeepsInnerReferences() {
        Design d = pipeline();
        Design frag = Fragments.copy(d, Set.of("orders", "billing"));
        Fragments.Pasted p = Fragments.paste(d, frag, 20, 20);
        assertThat(p.ids()).containsExactly("orders-copy", "billing-copy");
        Design out = p.design();
        assertThat(out.service("billing-copy").orElseThrow().subscribes().get(0).channel())
                .isEqualTo("orders-copy");
        assertThat(out.layout().get("orders-copy")).isEqualTo(new Position(220, 20));
        assertThat(Validator.validate(out)).isEmpty();
    }

    @Test
    void findReturnsTheTypedElement() {
        Design d = pipeline();
        assertThat(DesignEdits.find(d, "orders")).isInstanceOf(Channel.class);
        assertThat(DesignEdits.find(d, "kafka")).isInstanceOf(Broker.class);
        assertThat(DesignEdits.find(d, "Order")).isInstanceOf(MessageType.class);
        assertThat(DesignEdits.find(d, "nothing")).isNull();
    }

    @Test
    void everyRenameChecksTheIdRuleAndUniqueness() {
        Design d = pipeline();
        assertThat(DesignEdits.renameProblem(d, "orders", "a:b")).contains("letters, digits");
        assertThat(DesignEdits.renameProblem(d, "orders", "sub:x>y")).isNotNull();
        assertThat(DesignEdits.renameProblem(d, "orders", "billing")).contains("already the id");
        assertThat(DesignEdits.renameProblem(d, "nothing", "x")).contains("no element");
        assertThat(DesignEdits.renameProblem(d, "orders", "orders")).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DesignEdits.rename(d, "orders", "a b"))
                .isInstanceOf(IllegalArgumentException.class);
        Design renamed = DesignEdits.rename(d, "orders", "orders-v2");
        assertThat(renamed.service("checkout").orElseThrow().publishes().get(0).channel())
                .isEqualTo("orders-v2");
        assertThat(DesignEdits.rename(renamed, "Order", "OrderPlaced")
                        .channel("orders-v2")
                        .orElseThrow()
                        .messages())
                .containsExactly("OrderPlaced");
    }
}
