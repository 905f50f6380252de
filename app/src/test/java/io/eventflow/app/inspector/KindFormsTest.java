package io.eventflow.app.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.edit.DesignDocument;
import io.eventflow.model.edit.DesignEdits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inspector's edits of the SQS/SNS, Redis, Postgres, JMS and MQTT-session settings, with undo and redo. */
class KindFormsTest {
    private final DocumentViewModel doc = new DocumentViewModel(new DesignDocument(design(), null));
    private final InspectorViewModel vm = new InspectorViewModel(doc);

    private static Design design() {
        Design d = Design.empty("t");
        d = DesignEdits.add(d, new Broker("aws", BrokerKind.SQS), null);
        d = DesignEdits.add(d, new Broker("pg", BrokerKind.POSTGRES), null);
        d = DesignEdits.add(d, new Broker("amq", BrokerKind.JMS), null);
        d = DesignEdits.add(d, new Broker("mq", BrokerKind.MQTT), null);
        d = DesignEdits.add(
                d,
                new Channel("events", "aws", "events", List.of())
                        .with(new SqsQueue(true, null, null, null, null, null, null)),
                null);
        d = DesignEdits.add(d, new Channel("billing-q", "aws", "billing", List.of()), null);
        d = DesignEdits.add(d, new Channel("jobs", "pg", "jobs", List.of()), null);
        d = DesignEdits.add(
                d,
                new Channel("prices", "amq", "prices", List.of()).with(new JmsDestination(JmsDestination.Type.TOPIC)),
                null);
        d = DesignEdits.add(d, new Channel("status", "mq", "status", List.of()), null);
        d = DesignEdits.add(d, new Service("worker"), null);
        d = DesignEdits.connectSubscribe(d, "prices", "worker");
        d = DesignEdits.connectPublish(d, "worker", "jobs");
        return DesignEdits.connectPublish(d, "worker", "status");
    }

    private Channel queue() {
        return doc.getDesign().channel("billing-q").orElseThrow();
    }

    private Service worker() {
        return doc.getDesign().service("worker").orElseThrow();
    }

    @Test
    void sqsQueueSettingsAreOneUndoStepEach() {
        SqsQueue q = SqsQueue.of(queue());
        ChannelForms.editSettings(vm, "billing-q", q.withVisibilityTimeout(TimeSpan.parse("45s")));
        ChannelForms.editSettings(
                vm, "billing-q", SqsQueue.of(queue()).withSnsTopics(SqsForm.toggled(List.of(), "events", true)));
        assertThat(SqsQueue.of(queue()).visibilityTimeout().text()).isEqualTo("45s");
        assertThat(SqsQueue.of(queue()).snsTopics()).containsExactly("events");
        assertThat(doc.document().history().undoSize()).isEqualTo(2);
        doc.undo();
        assertThat(SqsQueue.of(queue()).snsTopics()).isNull();
        assertThat(SqsQueue.of(queue()).visibilityTimeout().text()).isEqualTo("45s");
        doc.undo();
        assertThat(doc.getDesign()).isEqualTo(design());
        doc.redo();
        doc.redo();
        assertThat(SqsQueue.of(queue()).snsTopics()).containsExactly("events");
        // Unticking the last topic removes the key rather than leaving an empty list.
        assertThat(SqsForm.toggled(List.of("events"), "events", false)).isNull();
    }

    @Test
    void aQueueTurnedIntoATopicLosesTheSettingsATopicCannotHave() {
        SqsQueue q =
                new SqsQueue(null, List.of("events"), TimeSpan.parse("1min"), 3, true, TimeSpan.parse("20s"), null);
        SqsQueue t = SqsForm.asTopic(q, true);
        assertThat(t).isEqualTo(new SqsQueue(true, null, null, null, true, null, null));
        assertThat(SqsForm.asTopic(t, null).isTopic()).isFalse();
    }

    @Test
    void subscriptionAndPublicationSettingsOfEachKind() {
        vm.editSubscription("worker", "prices", "durable", s -> s.withDurable(true));
        Subscription s = worker().subscribes().get(0);
        assertThat(s.isDurable()).isTrue();
        vm.editPublication("worker", "jobs", "transaction", p -> p.withTransaction(TimeSpan.parse("200ms")));
        vm.editPublication("worker", "jobs", "rollback", p -> p.withRollbackPercent(5.0));
        vm.editPublication("worker", "status", "will", p -> MqttForm.withWill(p, true));
        Publication jobs = worker().publishes().get(0);
        Publication will = worker().publishes().get(1);
        assertThat(jobs.transaction().text()).isEqualTo("200ms");
        assertThat(jobs.rollbackPercent()).isEqualTo(5.0);
        assertThat(will.isWill()).isTrue();
        assertThat(will.rate()).isNull();
        assertThat(will.per()).isNull();
        assertThat(doc.document().history().undoSize()).isEqualTo(4);
        doc.undo();
        assertThat(worker().publishes().get(1).isChained()).isTrue();
        doc.undo();
        doc.undo();
        doc.undo();
        assertThat(doc.getDesign()).isEqualTo(design());
    }

    @Test
    void snsEdgeHasItsOwnSubject() {
        ChannelForms.editSettings(vm, "billing-q", SqsQueue.of(queue()).withSnsTopics(List.of("events")));
        doc.getSelection().add("sns:events>billing-q");
        assertThat(vm.getSubject()).isInstanceOfSatisfying(InspectorViewModel.EdgeSubject.class, e -> {
            assertThat(e.ref().from()).isEqualTo("events");
            assertThat(e.service()).isNull();
        });
    }

    @Test
    void parsersNameTheLimit() {
        var visibility = Parsers.durationWithin(TimeSpan.ZERO, TimeSpan.parse("12h"));
        assertThat(visibility.apply("90s")).isEqualTo(TimeSpan.parse("90s"));
        assertThat(Parsers.error(visibility, "13h")).isEqualTo("at most 12h (the broker refuses longer)");
        assertThat(Parsers.error(visibility, "soon")).contains("is not a duration");
        var retention = Parsers.durationWithin(TimeSpan.parse("60s"), TimeSpan.parse("14d"));
        assertThat(Parsers.error(retention, "30s")).isEqualTo("at least 60s");
        assertThat(Parsers.error(Parsers.intWithin(1, 65_535), "70000")).isEqualTo("from 1 to 65535");
        assertThat(Parsers.PERCENT.apply("2.5%")).isEqualTo(2.5);
        assertThat(Parsers.error(Parsers.PERCENT, "120")).isEqualTo("a percentage is from 0 to 100");
        assertThatThrownBy(() -> Parsers.PERCENT.apply("lots")).hasMessageContaining("not a number");
        assertThat(Parsers.show(5.0)).isEqualTo("5");
    }

    @Test
    void theDesignSummaryCountsInTheSingularForOne() {
        // the Design inspector's "Elements" line: the order-pipeline sample has 1 broker
        assertThat(ChannelForms.count(1, "broker")).isEqualTo("1 broker");
        assertThat(ChannelForms.count(5, "service")).isEqualTo("5 services");
        assertThat(ChannelForms.count(0, "message type")).isEqualTo("0 message types");
    }
}
