package io.eventflow.app.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.EdgeId;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.RedisStream;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.edit.DesignChange;
import io.eventflow.model.edit.DesignDocument;
import io.eventflow.model.edit.DesignEdits;
import io.eventflow.model.validate.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Palette items of the SQS/SNS, Redis, Postgres and JMS kinds, the SNS → SQS edge and each kind's look. */
class BrokerKindsPaletteTest {
    private final DocumentViewModel doc = new DocumentViewModel(new DesignDocument(Design.empty("t"), null));
    private final CanvasViewModel vm = new CanvasViewModel(doc);

    private Design d() {
        return doc.getDesign();
    }

    private Channel channel(String id) {
        return d().channel(id).orElseThrow();
    }

    @Test
    void eachChannelItemCreatesOneBrokerOfItsKind() {
        assertThat(vm.drop(SqsLook.QUEUE, 0, 0, null)).isEqualTo("sqs-queue");
        assertThat(vm.drop(SqsLook.TOPIC, 0, 200, null)).isEqualTo("sns-topic");
        assertThat(vm.drop(RedisLook.STREAM, 300, 0, null)).isEqualTo("stream");
        assertThat(vm.drop(PostgresLook.CHANNEL, 600, 0, null)).isEqualTo("notify");
        assertThat(vm.drop(JmsLook.QUEUE, 900, 0, null)).isEqualTo("jms-queue");
        assertThat(vm.drop(JmsLook.TOPIC, 900, 200, null)).isEqualTo("jms-topic");
        // SQS queue and SNS topic share the sqs broker, JMS queue and topic the jms one.
        assertThat(d().brokers())
                .extracting(b -> b.id() + ":" + b.kind().key())
                .containsExactly("sqs:sqs", "redis:redis", "postgres:postgres", "jms:jms");
        assertThat(SqsQueue.of(channel("sqs-queue"))).isEqualTo(SqsQueue.NONE);
        assertThat(SqsQueue.of(channel("sns-topic")).isTopic()).isTrue();
        assertThat(JmsDestination.of(channel("jms-queue")).typeOrDefault()).isEqualTo(JmsDestination.Type.QUEUE);
        assertThat(JmsDestination.of(channel("jms-topic")).isTopic()).isTrue();
        assertThat(channel("notify").broker()).isEqualTo("postgres");
        // Every channel the palette makes is valid as it stands.
        assertThat(Validator.validate(d()).stream().filter(p -> p.isError()).toList())
                .isEmpty();
        assertThat(doc.document().history().undoSize()).isEqualTo(6);
    }

    @Test
    void brokerItemsAddABrokerOfTheirKind() {
        for (PaletteItem item : PaletteItem.brokers()) {
            vm.drop(item, 0, 0, null);
        }
        assertThat(d().brokers())
                .extracting(b -> b.kind())
                .containsExactly(
                        BrokerKind.KAFKA,
                        BrokerKind.AMQP,
                        BrokerKind.MQTT,
                        BrokerKind.SQS,
                        BrokerKind.REDIS,
                        BrokerKind.POSTGRES,
                        BrokerKind.JMS);
        assertThat(PaletteItem.channels()).hasSize(9).allMatch(PaletteItem::isChannel);
    }

    @Test
    void portDragFromAnSnsTopicToAnSqsQueueSubscribesTheQueueUndoably() {
        vm.drop(SqsLook.TOPIC, 0, 0, null);
        vm.drop(SqsLook.QUEUE, 300, 0, null);
        vm.drop(KafkaLook.TOPIC, 300, 200, null);
        assertThat(vm.canConnect("sns-topic", "sqs-queue")).isTrue();
        assertThat(vm.canConnect("sqs-queue", "sns-topic")).isFalse();
        assertThat(vm.canConnect("sns-topic", "topic")).isFalse();
        assertThat(vm.canConnect("sns-topic", "sns-topic")).isFalse();
        Design before = d();
        int undo = doc.document().history().undoSize();

        assertThat(vm.connect("sns-topic", "sqs-queue")).isTrue();
        assertThat(SqsQueue.of(channel("sqs-queue")).snsTopics()).containsExactly("sns-topic");
        assertThat(doc.document().history().undoSize()).isEqualTo(undo + 1);
        assertThat(EdgeRef.of(d())).extracting(EdgeRef::id).containsExactly("sns:sns-topic>sqs-queue");
        EdgeRef edge = EdgeRef.of(d()).get(0);
        assertThat(edge.from()).isEqualTo("sns-topic");
        assertThat(edge.to()).isEqualTo("sqs-queue");
        vm.connect("sns-topic", "sqs-queue");
        assertThat(SqsQueue.of(channel("sqs-queue")).snsTopics()).containsExactly("sns-topic");
        assertThat(Validator.validate(d()).stream().filter(p -> p.isError()).toList())
                .isEmpty();

        doc.undo();
        assertThat(d()).isEqualTo(before);
        doc.redo();
        assertThat(SqsQueue.of(channel("sqs-queue")).snsTopics()).containsExactly("sns-topic");

        // Deleting the edge unsubscribes the queue (its snsTopics goes away), again one undo step.
        doc.getSelection().clear();
        doc.getSelection().add("sns:sns-topic>sqs-queue");
        vm.deleteSelection();
        assertThat(SqsQueue.of(channel("sqs-queue")).snsTopics()).isNull();
        assertThat(EdgeRef.of(d())).isEmpty();
        doc.undo();
        assertThat(SqsQueue.of(channel("sqs-queue")).snsTopics()).containsExactly("sns-topic");
        // Deleting the topic drops it from the queue too.
        doc.getSelection().clear();
        doc.getSelection().add("sns-topic");
        vm.deleteSelection();
        assertThat(SqsQueue.of(channel("sqs-queue")).topicsOrEmpty()).isEmpty();
    }

    @Test
    void snsEdgeIdsRoundTrip() {
        EdgeId e = EdgeId.parse("sns:orders>billing-queue").orElseThrow();
        assertThat(e.kind()).isEqualTo(EdgeId.Kind.SNS);
        assertThat(e.key()).isEqualTo("sns:orders>billing-queue");
    }

    @Test
    void eachKindHasItsOwnShapeBadgeAndIcon() {
        for (PaletteItem item : PaletteItem.channels()) {
            vm.drop(item, 0, 0, null);
        }
        assertThat(look("topic").shape()).isEqualTo("log");
        assertThat(look("queue").shape()).isEqualTo("queue");
        assertThat(look("telemetry").shape()).isEqualTo("hub");
        assertThat(look("sqs-queue")).satisfies(l -> {
            assertThat(l.shape()).isEqualTo("queue");
            assertThat(l.badge()).isEqualTo("SQS");
            assertThat(l.chips()).containsExactly("visibility 30s");
            assertThat(l.icon()).isEqualTo(SqsLook.QUEUE.icon());
        });
        assertThat(look("sns-topic")).satisfies(l -> {
            assertThat(l.shape()).isEqualTo("hub");
            assertThat(l.badge()).isEqualTo("SNS");
            assertThat(l.settings()).startsWith("fan-out to 0 queues");
        });
        assertThat(look("stream")).satisfies(l -> {
            assertThat(l.shape()).isEqualTo("log");
            assertThat(l.cells()).isPositive();
            assertThat(l.chips()).isEmpty();
        });
        assertThat(look("notify")).satisfies(l -> {
            assertThat(l.shape()).isEqualTo("broadcast");
            assertThat(l.chips()).containsExactly("no storage");
        });
        assertThat(look("jms-queue").shape()).isEqualTo("queue");
        assertThat(look("jms-topic").shape()).isEqualTo("hub");
        // Every kind is told apart by shape, badge or icon.
        assertThat(List.of(PaletteItem.channels()).stream()
                        .map(i -> d().channels().stream()
                                .filter(c -> ChannelLook.itemOf(d(), c) == i)
                                .findFirst()
                                .map(c -> look(c.id()))
                                .map(l -> l.shape() + l.badge() + l.icon())
                                .orElseThrow())
                        .distinct())
                .hasSize(9);
    }

    @Test
    void settingsShowAsBadges() {
        vm.drop(SqsLook.TOPIC, 0, 0, null);
        vm.drop(SqsLook.QUEUE, 300, 0, null);
        vm.drop(RedisLook.STREAM, 300, 200, null);
        vm.connect("sns-topic", "sqs-queue");
        edit(
                "sqs-queue",
                c -> c.with(SqsLook.withTopics(
                        new SqsQueue(null, null, TimeSpan.parse("45s"), 5, true, null, null),
                        SqsQueue.of(c).snsTopics())));
        edit("stream", c -> c.with(new RedisStream(1000)));
        assertThat(look("sqs-queue").chips()).containsExactly("FIFO", "visibility 45s", "DLQ after 5");
        assertThat(look("sns-topic").settings()).startsWith("fan-out to 1 queue ·");
        assertThat(look("stream").chips()).containsExactly("maxLen 1000");
    }

    @Test
    void jmsTopicSubscriptionsShowDurability() {
        vm.drop(JmsLook.TOPIC, 0, 0, null);
        vm.drop(PaletteItem.CONSUMER, 300, 0, null);
        vm.drop(PaletteItem.SERVICE, 300, 200, null);
        vm.connect("jms-topic", "consumer");
        vm.connect("jms-topic", "service");
        doc.execute(DesignChange.of(
                "durable",
                x -> DesignEdits.updateService(
                        x,
                        "consumer",
                        s -> s.withSubscribes(List.of(new Subscription("jms-topic", "consumer").withDurable(true))))));
        assertThat(EdgeRef.of(d()))
                .extracting(EdgeRef::label)
                .containsExactlyInAnyOrder("consumer · at-least-once\ndurable", "at-least-once\nnon-durable");
        assertThat(look("jms-topic").chips()).containsExactly("1 durable", "1 non-durable");
    }

    private ChannelLook look(String id) {
        return ChannelLook.of(d(), channel(id));
    }

    private void edit(String id, java.util.function.UnaryOperator<Channel> f) {
        doc.execute(DesignChange.of(
                "edit", x -> DesignEdits.replace(x, id, f.apply(x.channel(id).orElseThrow()))));
    }
}
