package io.eventflow.app.live;

import io.eventflow.app.canvas.KindLook;
import io.eventflow.app.canvas.KindLooks;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.InputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tinylog.Logger;

/**
 * Where the user's brokers are, for live runs on configured brokers: per broker of the design, its address, client
 * settings (TLS, SASL: one {@code key=value} a line, as the kind's client names them) and secrets, each from an
 * environment variable (its name is stored) or typed for this session (stored only with "remember", off by
 * default). Saved to {@link Connections} in the user's configuration folder, never in the design.
 */
public final class ConnectionDialog {
    static final String ENV = "Environment variable";
    static final String TYPED = "Typed (this session)";

    private final Connections connections;
    private final ChoiceBox<String> broker = new ChoiceBox<>();
    private final TextField address = new TextField();
    private final TextArea properties = new TextArea();
    private final VBox secretRows = new VBox(4);
    private final Label problems = new Label();
    private final Map<String, Connections.Connection> edited = new LinkedHashMap<>();
    private final VBox content;
    private String shown;
    private final Design design;
    /** The examples of the broker shown, in the words of its kind's client. */
    private KindLook.ConnectionHints hints = KindLook.ConnectionHints.GENERIC;

    public ConnectionDialog(Connections connections, Design design) {
        this.connections = connections;
        this.design = design;
        edited.putAll(connections.all());
        Set<String> ids = new LinkedHashSet<>();
        if (design != null) {
            design.brokers().stream().map(Broker::id).forEach(ids::add);
        }
        ids.addAll(edited.keySet());
        broker.getItems().setAll(ids);
        broker.setId("conn-broker");
        address.setId("conn-address");
        properties.setId("conn-properties");
        properties.setPrefRowCount(4);
        problems.setId("conn-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add("sim-message");
        Button add = new Button("Add secret");
        add.setId("conn-add-secret");
        add.setOnAction(e -> secretRows.getChildren().add(secretRow(null)));
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Broker"), broker);
        g.addRow(1, new Label("Address"), address);
        g.addRow(2, new Label("Client settings\n(TLS, SASL)"), properties);
        GridPane.setHgrow(address, javafx.scene.layout.Priority.ALWAYS);
        Label secretsHelp = new Label("Secrets (passwords, JAAS config): the name of an environment variable holding"
                + " the value, or the value typed for this session only. A typed secret is written to disk only if you"
                + " tick Remember.");
        secretsHelp.setWrapText(true);
        content = new VBox(8, g, secretsHelp, secretRows, add, problems);
        content.setPrefWidth(620);
        broker.valueProperty().addListener((o, a, b) -> {
            if (a != null) {
                keep(a);
            }
            showBroker(b);
        });
        if (!ids.isEmpty()) {
            broker.setValue(ids.iterator().next());
        }
    }

    /** Opens the dialog over {@code owner} and saves on OK (stays open while what was entered has problems). */
    public static void show(Window owner, Connections connections, Design design) {
        ConnectionDialog d = new ConnectionDialog(connections, design);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Broker connections");
        dialog.setHeaderText("Where your brokers are, for runs on configured brokers. Kept in " + connections.file()
                + ", not in the design.");
        dialog.getDialogPane().setContent(d.content());
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!d.save()) {
                e.consume();
            }
        });
        dialog.showAndWait();
    }

    public Node content() {
        return content;
    }

    private HBox secretRow(Connections.Secret s) {
        TextField setting = new TextField(s == null ? "" : s.setting());
        setting.setPromptText(hints.secretSetting());
        setting.getStyleClass().add("conn-secret-setting");
        ChoiceBox<String> source = new ChoiceBox<>();
        source.getItems().setAll(ENV, TYPED);
        source.setValue(s != null && s.typed() != null ? TYPED : ENV);
        source.getStyleClass().add("conn-secret-source");
        TextField var = new TextField(s != null && s.envVar() != null ? s.envVar() : "");
        var.setPromptText(hints.secretVariable());
        var.getStyleClass().add("conn-secret-env");
        PasswordField typed = new PasswordField();
        typed.setText(s != null && s.typed() != null ? s.typed() : "");
        typed.getStyleClass().add("conn-secret-typed");
        CheckBox remember = new CheckBox("Remember");
        remember.setSelected(s != null && s.remember());
        remember.getStyleClass().add("conn-secret-remember");
        remember.setTooltip(new javafx.scene.control.Tooltip(
                "Write the secret to " + connections.secretsFile() + " (readable by you only) for later sessions"));
        var.visibleProperty().bind(source.valueProperty().isEqualTo(ENV));
        var.managedProperty().bind(var.visibleProperty());
        typed.visibleProperty().bind(var.visibleProperty().not());
        typed.managedProperty().bind(typed.visibleProperty());
        remember.visibleProperty().bind(typed.visibleProperty());
        remember.managedProperty().bind(typed.visibleProperty());
        Button remove = new Button("Remove");
        HBox row = new HBox(6, setting, source, var, typed, remember, remove);
        row.getStyleClass().add("conn-secret-row");
        remove.setOnAction(e -> secretRows.getChildren().remove(row));
        return row;
    }

    @SuppressWarnings("unchecked")
    private void keep(String id) {
        List<Connections.Secret> secrets = new ArrayList<>();
        for (Node n : secretRows.getChildren()) {
            HBox row = (HBox) n;
            String setting = ((TextField) row.getChildren().get(0)).getText().strip();
            String source = ((ChoiceBox<String>) row.getChildren().get(1)).getValue();
            String var = ((TextField) row.getChildren().get(2)).getText().strip();
            String typed = ((PasswordField) row.getChildren().get(3)).getText();
            boolean remember = ((CheckBox) row.getChildren().get(4)).isSelected();
            if (setting.isEmpty()) {
                continue;
            }
            secrets.add(
                    ENV.equals(source)
                            ? Connections.Secret.fromEnv(setting, var)
                            : Connections.Secret.typed(setting, typed, remember));
        }
        Map<String, String> props = new LinkedHashMap<>();
        for (String line : properties.getText().split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            props.put(
                    eq < 0 ? l : l.substring(0, eq).strip(),
                    eq < 0 ? "" : l.substring(eq + 1).strip());
        }
        String a = address.getText().strip();
        if (a.isEmpty() && props.isEmpty() && secrets.isEmpty()) {
            edited.remove(id); // nothing set: the broker runs embedded
        } else {
            edited.put(id, new Connections.Connection(id, a, props, secrets));
        }
    }

    private void showBroker(String id) {
        shown = id;
        hints = design == null || id == null
                ? KindLook.ConnectionHints.GENERIC
                : design.broker(id)
                        .map(b -> KindLooks.of(b.kind()).connectionHints())
                        .orElse(KindLook.ConnectionHints.GENERIC);
        address.setPromptText(hints.address());
        properties.setPromptText(hints.settings());
        Connections.Connection c = id == null ? null : edited.get(id);
        address.setText(c == null ? "" : c.address());
        StringBuilder p = new StringBuilder();
        if (c != null) {
            c.properties().forEach((k, v) -> p.append(k).append('=').append(v).append('\n'));
        }
        properties.setText(p.toString());
        secretRows.getChildren().clear();
        if (c != null) {
            c.secrets().forEach(s -> secretRows.getChildren().add(secretRow(s)));
        }
    }

    /**
     * Saves every broker's connection; false (with the problems shown in the dialog) when something is wrong, e.g. a
     * secret-looking setting among the client settings or a variable name that is not one.
     */
    public boolean save() {
        if (shown != null) {
            keep(shown);
        }
        try {
            connections.save(new ArrayList<>(edited.values()));
            problems.setText("");
            return true;
        } catch (InputException e) {
            problems.setText(String.join(
                    "\n", e.problems().stream().map(p -> p.message()).toList()));
            return false;
        } catch (IOException e) {
            Logger.error(e, "cannot save the broker connections");
            problems.setText("Could not write " + connections.file() + ": " + e.getMessage());
            return false;
        } catch (IllegalArgumentException e) {
            problems.setText(e.getMessage());
            return false;
        }
    }
}
