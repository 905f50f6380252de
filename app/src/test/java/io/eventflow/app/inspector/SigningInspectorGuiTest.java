package io.eventflow.app.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.app.gui.FreshStageExtension;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Signing;
import io.eventflow.model.design.SigningAlgorithm;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.edit.DesignDocument;
import io.eventflow.model.edit.DesignEdits;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The inspector edits signing on messages and channels and verify on consumers (issue #19), each one undo step. */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class SigningInspectorGuiTest {
    private DocumentViewModel doc;

    private static Design design() {
        Design d = Design.empty("t");
        d = DesignEdits.add(d, new Broker("cluster", BrokerKind.KAFKA), null);
        d = DesignEdits.add(d, new MessageType("Order"), null);
        d = DesignEdits.add(d, new Channel("orders", "cluster", null, List.of("Order")), null);
        d = DesignEdits.add(d, new Service("billing"), null);
        return DesignEdits.connectSubscribe(d, "orders", "billing");
    }

    @Start
    void start(Stage stage) {
        doc = new DocumentViewModel(new DesignDocument(design(), null));
        InspectorView view = new InspectorView(new InspectorViewModel(doc));
        stage.setScene(new Scene(view, 420, 900));
        stage.show();
    }

    private void select(FxRobot robot, String id) {
        robot.interact(() -> {
            doc.getSelection().clear();
            doc.getSelection().add(id);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private void choose(FxRobot robot, String field, SigningAlgorithm a) {
        ComboBox<SigningAlgorithm> box = robot.lookup("#field-" + field).queryAs(ComboBox.class);
        robot.interact(() -> {
            box.setValue(a);
            box.fireEvent(new ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void type(FxRobot robot, String field, String text) {
        TextField f = robot.lookup("#field-" + field).queryAs(TextField.class);
        robot.interact(() -> {
            f.setText(text);
            f.fireEvent(new ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void click(FxRobot robot, String field) {
        CheckBox c = robot.lookup("#field-" + field).queryAs(CheckBox.class);
        robot.interact(c::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Signing messageSigning() {
        return doc.getDesign().message("Order").orElseThrow().signing();
    }

    @Test
    void aMessageGetsAnAlgorithmAndAKey(FxRobot robot) {
        select(robot, "Order");
        assertThat(robot.lookup("#field-signed").queryAs(CheckBox.class).isSelected())
                .isFalse();
        choose(robot, "signing-algorithm", SigningAlgorithm.ED25519);
        assertThat(messageSigning()).isEqualTo(Signing.with(SigningAlgorithm.ED25519));
        type(robot, "signing-key", "fleet-2026");
        assertThat(messageSigning().keyId()).isEqualTo("fleet-2026");
        assertThat(messageSigning().algorithm()).isEqualTo(SigningAlgorithm.ED25519);
        assertThat(robot.lookup("#field-signed").queryAs(CheckBox.class).isSelected())
                .isTrue();
        // unticking "Signed" clears it (the channel's signing would apply); one undo brings it back
        click(robot, "signed");
        assertThat(messageSigning()).isNull();
        robot.interact(doc::undo);
        assertThat(messageSigning().keyId()).isEqualTo("fleet-2026");
    }

    @Test
    void aChannelIsSignedAndAConsumerStopsVerifying(FxRobot robot) {
        select(robot, "orders");
        click(robot, "signed");
        assertThat(doc.getDesign().channel("orders").orElseThrow().signing()).isEqualTo(Signing.SIGNED);
        choose(robot, "signing-algorithm", SigningAlgorithm.HMAC_SHA512);
        assertThat(doc.getDesign().channel("orders").orElseThrow().signing().algorithm())
                .isEqualTo(SigningAlgorithm.HMAC_SHA512);

        select(robot, "sub:orders>billing");
        CheckBox verify = robot.lookup("#field-verify-signatures").queryAs(CheckBox.class);
        assertThat(verify.isSelected()).as("verifies by default").isTrue();
        click(robot, "verify-signatures");
        Subscription s =
                doc.getDesign().service("billing").orElseThrow().subscribes().get(0);
        assertThat(s.verify()).isFalse();
        click(robot, "verify-signatures");
        s = doc.getDesign().service("billing").orElseThrow().subscribes().get(0);
        assertThat(s.verify()).as("ticked again: the default, not written").isNull();
    }
}
