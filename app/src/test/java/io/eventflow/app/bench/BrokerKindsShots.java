package io.eventflow.app.bench;

import static io.eventflow.app.bench.Screenshots.later;

import io.eventflow.app.canvas.CanvasViewModel;
import io.eventflow.app.canvas.JmsLook;
import io.eventflow.app.canvas.PaletteItem;
import io.eventflow.app.canvas.PostgresLook;
import io.eventflow.app.canvas.RedisLook;
import io.eventflow.app.canvas.SqsLook;
import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.RedisStream;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.edit.DesignChange;
import io.eventflow.model.edit.DesignEdits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Writes {@code screenshot-broker-kinds.png} (SNS fan-out to SQS queues, a Redis stream and a Postgres NOTIFY channel,
 * the FIFO queue selected) and {@code screenshot-broker-kinds-jms.png} (a JMS topic with a durable and a non-durable
 * subscriber, and a JMS queue) to a folder (default {@code docs/}), built with the palette's own edits. Run under Xvfb
 * or headless Monocle; see docs/gui.md.
 */
public final class BrokerKindsShots {
    private static Path out = Path.of("docs");

    private BrokerKindsShots() {}

    public static void main(String[] args) {
        io.eventflow.app.env.AppDirs.configureLogging();
        out = Screenshots.arg(args, 0, "docs");
        Application.launch(App.class);
    }

    /** The JavaFX application (the main class must not extend Application). */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws IOException {
            MainWindow w = Screenshots.open(stage, new ScriptedDialogs(), null);
            Scene scene = stage.getScene();
            build(w.canvas().viewModel());
            Screenshots.whenReady(w, 1.0, () -> {
                // A readable zoom on the SNS fan-out, the Redis stream and the NOTIFY channel; the queue selected.
                view(w, 0.9, -10, 0);
                w.document().getSelection().clear();
                w.document().getSelection().add("billing-queue");
                later(0.6, () -> {
                    Screenshots.shoot(scene, out.resolve("screenshot-broker-kinds.png"));
                    w.document().getSelection().clear();
                    w.document().getSelection().add("prices");
                    view(w, 0.9, -10, 560);
                    later(0.6, () -> {
                        Screenshots.shoot(scene, out.resolve("screenshot-broker-kinds-jms.png"));
                        Platform.exit();
                    });
                });
            });
        }
    }

    private static void view(MainWindow w, double zoom, double worldX, double worldY) {
        w.canvas().viewModel().zoomProperty().set(zoom);
        w.canvas().viewModel().panXProperty().set(-worldX * zoom);
        w.canvas().viewModel().panYProperty().set(-worldY * zoom);
    }

    /** Producer → SNS → two SQS queues, a Redis stream, a Postgres NOTIFY channel, a JMS topic and queue. */
    public static void build(CanvasViewModel vm) {
        vm.document().execute(DesignChange.of("new", d -> Design.empty("Broker kinds")));
        add(vm, PaletteItem.PRODUCER, 40, 140, "checkout");
        add(vm, SqsLook.TOPIC, 280, 140, "order-events");
        add(vm, SqsLook.QUEUE, 560, 80, "billing-queue");
        add(vm, SqsLook.QUEUE, 560, 200, "shipping-queue");
        add(vm, PaletteItem.CONSUMER, 820, 80, "billing");
        add(vm, PaletteItem.CONSUMER, 820, 200, "shipping");
        add(vm, PaletteItem.PRODUCER, 40, 400, "web");
        add(vm, RedisLook.STREAM, 280, 360, "clicks");
        add(vm, PaletteItem.CONSUMER, 560, 360, "analytics");
        add(vm, PostgresLook.CHANNEL, 280, 500, "cache-invalidate");
        add(vm, PaletteItem.CONSUMER, 560, 500, "cache");
        add(vm, PaletteItem.PRODUCER, 40, 700, "pricing");
        add(vm, JmsLook.TOPIC, 280, 660, "prices");
        add(vm, JmsLook.QUEUE, 280, 800, "jobs");
        add(vm, PaletteItem.CONSUMER, 560, 620, "shop");
        add(vm, PaletteItem.CONSUMER, 560, 740, "reports");
        String[][] edges = {
            {"checkout", "order-events"},
            {"order-events", "billing-queue"},
            {"order-events", "shipping-queue"},
            {"billing-queue", "billing"},
            {"shipping-queue", "shipping"},
            {"web", "clicks"},
            {"clicks", "analytics"},
            {"web", "cache-invalidate"},
            {"cache-invalidate", "cache"},
            {"pricing", "prices"},
            {"prices", "shop"},
            {"prices", "reports"},
            {"pricing", "jobs"}
        };
        for (String[] e : edges) {
            vm.connect(e[0], e[1]);
        }
        edit(
                vm,
                "billing-queue",
                c -> c.with(
                        new SqsQueue(null, SqsQueue.of(c).snsTopics(), TimeSpan.parse("45s"), 5, true, null, null)));
        edit(vm, "clicks", c -> c.with(new RedisStream(10_000)));
        vm.document()
                .execute(DesignChange.of(
                        "durable",
                        d -> DesignEdits.updateService(
                                d,
                                "shop",
                                s -> s.withSubscribes(List.of(new Subscription("prices", "shop").withDurable(true))))));
    }

    private static void add(CanvasViewModel vm, PaletteItem item, double x, double y, String id) {
        String made = vm.drop(item, x, y, null);
        vm.rename(made, id);
        if (item.isChannel()) {
            edit(vm, id, c -> c.withAddress(item == SqsLook.QUEUE ? id.replace("-queue", "") : id));
        }
    }

    private static void edit(CanvasViewModel vm, String id, UnaryOperator<Channel> f) {
        vm.document()
                .execute(DesignChange.of(
                        "edit " + id,
                        d -> DesignEdits.replace(d, id, f.apply(d.channel(id).orElseThrow()))));
    }
}
