package io.eventflow.model.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.TestFiles;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Position;
import io.eventflow.model.io.DesignFiles;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoLayoutTest {
    @Test
    void producersComeBeforeTheirChannelsAndChannelsBeforeConsumers() throws Exception {
        Design d = DesignFiles.open(TestFiles.samples().resolve("order-pipeline.eventflow.yaml"));
        Map<String, Position> p = AutoLayout.layout(d);
        assertThat(p).containsKeys("kafka", "orders", "checkout", "billing", "warehouse");
        assertThat(p.get("checkout").x()).isLessThan(p.get("orders").x());
        assertThat(p.get("orders").x()).isLessThan(p.get("billing").x());
        assertThat(p.get("billing").x()).isLessThan(p.get("invoices").x());
        assertThat(p.get("shipments").x()).isLessThan(p.get("warehouse").x());
        assertThat(AutoLayout.layout(d)).isEqualTo(p);
    }

    @Test
    void ensureLayoutKeepsExistingPositions() throws Exception {
        Design d = DesignFiles.open(TestFiles.samples().resolve("order-pipeline.eventflow.yaml"));
        assertThat(AutoLayout.ensureLayout(d)).isSameAs(d);
        Design partial = d.withLayout(Map.of("orders", new Position(1, 2)));
        Design done = AutoLayout.ensureLayout(partial);
        assertThat(done.layout().get("orders")).isEqualTo(new Position(1, 2));
        assertThat(done.layout()).containsKeys("checkout", "kafka", "ops-console");
    }
}
