package io.eventflow.app.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.model.design.ArrivalKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.DataSize;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Rate;
import io.eventflow.model.design.RetryPolicy;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.edit.DesignDocument;
import io.eventflow.model.edit.DesignEdits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inspector's edits without a stage. */
class InspectorViewModelTest {
    private final DocumentViewModel doc = new DocumentViewModel(new DesignDocument(design(), null));
    private final InspectorViewModel vm = new InspectorViewModel(doc);

    private static Design design() {
        Design d = Design.empty("t");
        d = DesignEdits.add(d, new Channel("orders", null, "orders.v1", List.of()), null);
        d = DesignEdits.add(d, new Service("billing"), null);
        return DesignEdits.connectSubscribe(d, "orders", "billing");
    }

    @Test
    void subjectFollowsSelection() {
        assertThat(vm.getSubject()).isInstanceOf(Design.class);
        doc.getSelection().add("billing");
        assertThat(vm.getSubject()).isInstanceOf(Service.class);
        doc.getSelection().clear();
        doc.getSelection().add("sub:orders>billing");
        assertThat(vm.getSubject()).isInstanceOf(InspectorViewModel.EdgeSubject.class);
    }

    @Test
    void editsAreOneCommandEachAndRenamesKeepSelection() {
        doc.getSelection().add("orders");
        ChannelForms.editSettings(vm, "orders", KafkaTopic.NONE.withPartitions(6));
        assertThat(KafkaTopic.of(doc.getDesign().channel("orders").orElseThrow())
                        .partitions())
                .isEqualTo(6);
        vm.rename("orders", "orders2");
        assertThat(doc.getSelection()).containsExactly("orders2");
        assertThat(doc.getDesign()
                        .service("billing")
                        .orElseThrow()
                        .subscribes()
                        .get(0)
                        .channel())
                .isEqualTo("orders2");
        assertThat(doc.document().history().undoSize()).isEqualTo(2);
        doc.undo();
        doc.undo();
        assertThat(doc.getDesign()).isEqualTo(design());
    }

    @Test
    void subscriptionSettingsEditNestedRecords() {
        vm.editSubscription(
                "billing",
                "orders",
                "retry",
                s -> s.withRetry(
                        (s.retry() == null ? RetryPolicy.EMPTY : s.retry()).withInitial(TimeSpan.parse("250ms"))));
        Subscription s =
                doc.getDesign().service("billing").orElseThrow().subscribes().get(0);
        assertThat(s.retry().initial().millis()).isEqualTo(250);
        assertThat(s.retry().initial().text()).isEqualTo("250ms");
    }

    @Test
    void parsersAcceptNaturalUnitsAndExplainErrors() {
        assertThat(Parsers.parse(Parsers.RATE, "200/s")).hasToString("200/s");
        assertThat(Parsers.parse(Parsers.DURATION, " 250ms ")).hasToString("250ms");
        assertThat(Parsers.parse(Parsers.SIZE, "1MiB")).hasToString("1MiB");
        assertThat(Parsers.parse(Parsers.POSITIVE_INT, "")).isNull();
        assertThat(Parsers.error(Parsers.POSITIVE_INT, "0")).contains("1 or more");
        assertThat(Parsers.error(Parsers.RATE, "fast")).contains("200/s");
        assertThat(Parsers.error(Parsers.ID, "has space")).contains("no spaces");
        assertThat(Parsers.error(MqttForm.QOS, "3")).contains("0, 1 or 2");
        assertThat(Parsers.error(Parsers.uniqueId(design(), "orders"), "billing"))
                .contains("already");
        assertThat(Parsers.error(Parsers.uniqueId(design(), "orders"), "orders"))
                .isNull();
    }

    @Test
    void arrivalDetailsAndFromAreOneUndoStepEach() {
        Design d = DesignEdits.add(design(), new Channel("invoices", null, "invoices.v1", List.of()), null);
        DocumentViewModel doc2 =
                new DocumentViewModel(new DesignDocument(DesignEdits.connectPublish(d, "billing", "invoices"), null));
        InspectorViewModel vm2 = new InspectorViewModel(doc2);
        vm2.editPublication(
                "billing", "invoices", "arrival", p -> ServiceForms.withArrival(p, a -> a.withKind(ArrivalKind.RAMP)));
        vm2.editPublication(
                "billing",
                "invoices",
                "arrival to",
                p -> ServiceForms.withArrival(p, a -> a.withTo(Rate.parse("500/s"))));
        vm2.editPublication(
                "billing",
                "invoices",
                "arrival over",
                p -> ServiceForms.withArrival(p, a -> a.withOver(TimeSpan.parse("5m"))));
        vm2.editPublication("billing", "invoices", "from", p -> p.withFrom("orders"));
        Publication p =
                doc2.getDesign().service("billing").orElseThrow().publishes().get(0);
        assertThat(p.arrival().kind()).isEqualTo(ArrivalKind.RAMP);
        assertThat(p.arrival().to()).hasToString("500/s");
        assertThat(p.arrival().over()).hasToString("5m");
        assertThat(p.from()).isEqualTo("orders");
        assertThat(doc2.document().history().undoSize()).isEqualTo(4);
        doc2.undo();
        doc2.undo();
        Publication back =
                doc2.getDesign().service("billing").orElseThrow().publishes().get(0);
        assertThat(back.from()).isNull();
        assertThat(back.arrival().over()).isNull();
        assertThat(back.arrival().to()).hasToString("500/s");
    }

    @Test
    void lintSettingsEditOneRuleOrLimitPerStep() {
        String rule = io.eventflow.model.validate.Linter.rules().get(0).id();
        vm.editDesign("lint rule", x -> LintForm.withRule(x, rule, "off"));
        vm.editDesign("lint size", x -> LintForm.withLint(x, l -> l.withMaxMessageSize(DataSize.parse("1MiB"))));
        vm.editDesign("lint downtime", x -> LintForm.withLint(x, l -> l.withExpectedDowntime(TimeSpan.parse("2h"))));
        assertThat(doc.getDesign().lint().rules()).containsEntry(rule, "off");
        assertThat(doc.getDesign().lint().maxMessageSize()).hasToString("1MiB");
        assertThat(doc.getDesign().lint().expectedDowntime()).hasToString("2h");
        vm.editDesign("lint rule", x -> LintForm.withRule(x, rule, null));
        assertThat(doc.getDesign().lint().rules()).doesNotContainKey(rule);
        assertThat(doc.document().history().undoSize()).isEqualTo(4);
        doc.undo();
        assertThat(doc.getDesign().lint().rules()).containsEntry(rule, "off");
        assertThat(Parsers.error(Parsers.REGEX, "^[a-z")).contains("character");
        assertThat(Parsers.error(Parsers.REGEX, "^[a-z0-9.]+$")).isNull();
    }

    @Test
    void requestsAreAddedEditedAndRemovedOneStepEach() {
        vm.addRequest("billing", "orders");
        vm.editRequest("billing", 0, "reply channel", x -> x.withReplyChannel("orders"));
        vm.editRequest("billing", 0, "timeout", x -> x.withTimeout(TimeSpan.parse("2s")));
        vm.editRequest("billing", 0, "rate", x -> x.withRate(Rate.parse("5/s")));
        var r = doc.getDesign().service("billing").orElseThrow().requests().get(0);
        assertThat(r.channel()).isEqualTo("orders");
        assertThat(r.replyChannel()).isEqualTo("orders");
        assertThat(r.timeout()).hasToString("2s");
        assertThat(r.rate()).hasToString("5/s");
        vm.editRequest("billing", 0, "removed", x -> null);
        assertThat(doc.getDesign().service("billing").orElseThrow().requests()).isEmpty();
        assertThat(doc.document().history().undoSize()).isEqualTo(5);
        doc.undo();
        assertThat(doc.getDesign().service("billing").orElseThrow().requests()).hasSize(1);
    }

    @Test
    void headersSchemaIsCheckedLikeThePayload() {
        Design d = DesignEdits.add(design(), new io.eventflow.model.design.MessageType("Ping"), null);
        DocumentViewModel doc2 = new DocumentViewModel(new DesignDocument(d, null));
        InspectorViewModel vm2 = new InspectorViewModel(doc2);
        assertThat(SchemaTools.check("{\"type\": \"object\",").ok()).isFalse();
        var ok = SchemaTools.check("{\"type\": \"object\", \"properties\": {\"traceId\": {\"type\": \"string\"}}}");
        vm2.editMessage("Ping", "headers", m -> m.withHeaders(ok.schema()));
        assertThat(doc2.getDesign()
                        .message("Ping")
                        .orElseThrow()
                        .headers()
                        .path("properties")
                        .has("traceId"))
                .isTrue();
        assertThat(doc2.document().history().undoSize()).isEqualTo(1);
    }

    @Test
    void typedSettersEditOneFieldAndRenamesKeepTheIdRule() {
        vm.editService("billing", "title", s -> s.withTitle("Billing"));
        vm.editChannel("orders", "deadLetter", c -> c.withDeadLetter("orders"));
        vm.editService("orders", "title", s -> s.withTitle("not a service")); // wrong type: nothing happens
        assertThat(doc.getDesign().service("billing").orElseThrow().title()).isEqualTo("Billing");
        assertThat(doc.getDesign().channel("orders").orElseThrow().deadLetter()).isEqualTo("orders");
        assertThat(doc.document().history().undoSize()).isEqualTo(2);
        vm.rename("orders", "pub:billing>orders");
        vm.rename("orders", "billing");
        assertThat(doc.getDesign().channel("orders")).isPresent();
        assertThat(doc.document().history().undoSize()).isEqualTo(2);
        assertThat(Parsers.error(Parsers.uniqueId(doc.getDesign(), "orders"), "a>b"))
                .contains("no spaces");
    }

    @Test
    void theSelectionIsTypedAndDisposeStopsFollowingTheDocument() {
        doc.getSelection().add("sub:orders>billing");
        assertThat(vm.selectionProperty().get().singleEdge())
                .contains(io.eventflow.model.design.EdgeId.subscribe("billing", "orders"));
        assertThat(doc.selection().edges()).hasSize(1);
        vm.dispose();
        doc.getSelection().clear();
        doc.getSelection().add("billing");
        assertThat(vm.getSubject()).isInstanceOf(InspectorViewModel.EdgeSubject.class);
    }
}
