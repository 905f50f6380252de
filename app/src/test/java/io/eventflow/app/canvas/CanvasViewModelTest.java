package io.eventflow.app.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.EdgeId;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.Position;
import io.eventflow.model.design.Service;
import io.eventflow.model.edit.DesignDocument;
import io.eventflow.model.io.DesignReader;
import io.eventflow.model.io.DesignWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canvas view model without a stage: palette drops, connections, delete, copy/paste, viewport maths. */
class CanvasViewModelTest {
    private final DocumentViewModel doc = new DocumentViewModel(new DesignDocument(Design.empty("t"), null));
    private final CanvasViewModel vm = new CanvasViewModel(doc);

    private Design d() {
        return doc.getDesign();
    }

    @Test
    void dropsSnapToGridAndCreateABrokerForTheFirstChannel() {
        String topic = vm.drop(KafkaLook.TOPIC, 303, 117, null);
        assertThat(topic).isEqualTo("topic");
        assertThat(d().layout().get("topic")).isEqualTo(new Position(300, 120));
        assertThat(d().broker("kafka").orElseThrow().kind()).isEqualTo(BrokerKind.KAFKA);
        assertThat(KafkaTopic.of(d().channel("topic").orElseThrow()).partitions())
                .isEqualTo(3);
        vm.drop(KafkaLook.TOPIC, 300, 300, null);
        assertThat(d().brokers()).hasSize(1);
        assertThat(d().channel("topic-2")).isPresent();
        assertThat(doc.getSelection()).containsExactly("topic-2");
    }

    @Test
    void paletteProducerAndConsumerLookLikeOneBeforeTheyAreConnected() throws Exception {
        vm.drop(PaletteItem.PRODUCER, 0, 0, null);
        vm.drop(PaletteItem.CONSUMER, 300, 0, null);
        vm.drop(PaletteItem.SERVICE, 600, 0, null);
        assertThat(d().service("producer").orElseThrow().role()).isEqualTo(Service.Role.PRODUCER);
        assertThat(d().service("consumer").orElseThrow().role()).isEqualTo(Service.Role.CONSUMER);
        assertThat(d().service("service").orElseThrow().role()).isEqualTo(Service.Role.SERVICE);
        // Once connected, what it does decides: a "consumer" that only publishes is drawn as a producer.
        vm.drop(KafkaLook.TOPIC, 0, 300, null);
        vm.connect("consumer", "topic");
        assertThat(d().service("consumer").orElseThrow().role()).isEqualTo(Service.Role.PRODUCER);
        // The hint survives saving and reading back.
        Design back = DesignReader.read(io.eventflow.model.io.SourceTree.parse("t", DesignWriter.toYaml(d()))
                        .root())
                .design();
        assertThat(back.service("producer").orElseThrow().role()).isEqualTo(Service.Role.PRODUCER);
    }

    @Test
    void messageDroppedOnAChannelIsCarriedByIt() {
        vm.drop(AmqpLook.QUEUE, 0, 0, null);
        vm.drop(PaletteItem.MESSAGE, 0, 0, "queue");
        assertThat(d().channel("queue").orElseThrow().messages()).containsExactly("Message");
    }

    @Test
    void connectsOnlyServiceToChannelAndChannelToService() {
        vm.drop(PaletteItem.PRODUCER, 0, 0, null);
        vm.drop(KafkaLook.TOPIC, 300, 0, null);
        vm.drop(PaletteItem.CONSUMER, 600, 0, null);
        assertThat(vm.canConnect("producer", "consumer")).isFalse();
        assertThat(vm.connect("producer", "topic")).isTrue();
        assertThat(vm.connect("topic", "consumer")).isTrue();
        assertThat(EdgeRef.of(d())).extracting(EdgeRef::id).containsExactly("pub:producer>topic", "sub:topic>consumer");
        int undo = doc.document().history().undoSize();
        doc.getSelection().clear();
        doc.getSelection().add("pub:producer>topic");
        vm.deleteSelection();
        assertThat(EdgeRef.of(d())).extracting(EdgeRef::id).containsExactly("sub:topic>consumer");
        assertThat(doc.document().history().undoSize()).isEqualTo(undo + 1);
    }

    @Test
    void moveIsOneCommand() {
        vm.drop(PaletteItem.SERVICE, 0, 0, null);
        int undo = doc.document().history().undoSize();
        vm.move(Map.of("service", new Position(40, 40)));
        assertThat(doc.document().history().undoSize()).isEqualTo(undo + 1);
        doc.undo();
        assertThat(d().layout().get("service")).isEqualTo(new Position(0, 0));
    }

    @Test
    void duplicateGivesFreshIdsOffsetOnTheGrid() {
        vm.drop(PaletteItem.SERVICE, 100, 100, null);
        vm.duplicate();
        assertThat(d().service("service-copy")).isPresent();
        assertThat(d().layout().get("service-copy")).isEqualTo(new Position(140, 140));
        assertThat(doc.getSelection()).containsExactly("service-copy");
    }

    @Test
    void zoomKeepsThePointUnderTheCursor() {
        vm.panXProperty().set(10);
        vm.panYProperty().set(20);
        double wx = (300 - 10) / 1.0;
        vm.zoomAt(2, 300, 200);
        assertThat(vm.zoomProperty().get()).isEqualTo(2);
        assertThat((300 - vm.panXProperty().get()) / 2).isEqualTo(wx);
        vm.zoomAt(1000, 0, 0);
        assertThat(vm.zoomProperty().get()).isEqualTo(CanvasViewModel.MAX_ZOOM);
    }

    @Test
    void edgeIdsRoundTrip() {
        for (String id : new String[] {"pub:a>b", "sub:b>a", "dlq:a>c"}) {
            assertThat(EdgeId.parse(id).orElseThrow().key()).isEqualTo(id);
        }
        assertThat(EdgeId.parse("orders")).isEmpty();
    }

    @Test
    void fitFillsTheViewLessItsMarginAndHoldsUntilTheUserZoomsOrPans() {
        // 1000 x 200 world units into 532 x 400 px: (532 - 2 * 16) / 1000 = 0.5 beats (400 - 32) / 200 = 1.84.
        vm.fit(0, 0, 1000, 200, 532, 400);
        assertThat(vm.zoomProperty().get()).isEqualTo(0.5);
        assertThat(vm.panXProperty().get()).isEqualTo(16);
        // Centred vertically: (400 - 200 * 0.5) / 2 = 150.
        assertThat(vm.panYProperty().get()).isEqualTo(150);
        assertThat(vm.fittingProperty().get()).isTrue();
        vm.zoomAt(1.1, 10, 10);
        assertThat(vm.fittingProperty().get()).isFalse();
        vm.fit(0, 0, 1000, 200, 532, 400);
        vm.panBy(5, 0);
        assertThat(vm.fittingProperty().get()).isFalse();
    }

    @Test
    void theCanvasRenameKeepsTheModelsIdRule() {
        String topic = vm.drop(KafkaLook.TOPIC, 0, 0, null);
        String producer = vm.drop(PaletteItem.PRODUCER, 300, 0, null);
        assertThat(vm.renameProblem(topic, "a:b")).contains("no spaces");
        assertThat(vm.renameProblem(topic, "has space")).contains("no spaces");
        assertThat(vm.renameProblem(topic, producer)).contains("already the id");
        assertThat(vm.renameProblem(topic, topic)).isNull();
        assertThat(vm.rename(topic, "sub:x>y")).isNotNull();
        assertThat(d().channel(topic)).isPresent();
        assertThat(vm.rename(topic, "orders")).isNull();
        assertThat(d().channel("orders")).isPresent();
        assertThat(doc.getSelection()).containsExactly("orders");
    }
}
