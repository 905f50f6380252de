package io.eventflow.app.shell;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.app.fx.Icons;
import io.eventflow.model.asyncapi.AsyncApiExporter;
import io.eventflow.model.asyncapi.AsyncApiVersion;
import io.eventflow.model.design.Design;
import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.tinylog.Logger;

/**
 * The live AsyncAPI preview: the design exported as YAML, updated shortly after each change; read-only. Its controls
 * are built when it is first shown, so a window that starts on another tab does not style and lay them out.
 */
final class AsyncApiPreview extends BorderPane {
    private final DocumentViewModel doc;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(250));
    private TextArea text;
    private ComboBox<AsyncApiVersion> version;
    private Label status;
    private boolean shown;
    private boolean stale = true;

    AsyncApiPreview(DocumentViewModel doc) {
        this.doc = doc;
        setId("asyncapi-preview");
        debounce.setOnFinished(e -> refresh());
        doc.designProperty().addListener(o -> {
            stale = true;
            if (shown) {
                debounce.playFromStart();
            }
        });
    }

    private void createView() {
        text = new TextArea();
        version = new ComboBox<>();
        status = new Label();
        text.setEditable(false);
        text.setId("asyncapi-text");
        text.getStyleClass().add("code");
        version.getItems().setAll(AsyncApiVersion.values());
        version.setValue(AsyncApiVersion.V3_0);
        version.setOnAction(e -> refresh());
        Button copy = new Button("Copy", Icons.of(MaterialDesignC.CONTENT_COPY));
        copy.setId("asyncapi-copy");
        copy.setTooltip(new Tooltip("Copy the AsyncAPI document to the clipboard"));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        status.getStyleClass().add("form-label");
        HBox bar = new HBox(8, new Label("AsyncAPI"), version, copy, status);
        bar.getStyleClass().add("preview-bar");
        setTop(bar);
        setCenter(text);
    }

    /** Only a visible preview is kept up to date; it catches up when shown. */
    void setShown(boolean value) {
        shown = value;
        if (shown && stale) {
            refresh();
        }
    }

    String getText() {
        return text == null ? "" : text.getText();
    }

    void refresh() {
        if (text == null) {
            createView();
        }
        Design d = doc.getDesign();
        try {
            double scroll = text.getScrollTop();
            text.setText(AsyncApiExporter.export(d, version.getValue(), AsyncApiExporter.Format.YAML));
            text.setScrollTop(scroll);
            status.setText("");
        } catch (RuntimeException e) {
            Logger.warn(e, "AsyncAPI preview failed");
            status.setText("Cannot export yet: " + e.getMessage());
        }
        stale = false;
    }
}
