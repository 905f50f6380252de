package io.eventflow.app.canvas;

import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import java.util.List;
import java.util.Optional;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** AMQP on the canvas: a queue bound to an exchange, with its TTL and length limit as chips. */
public final class AmqpLook implements KindLook {
    public static final PaletteItem QUEUE = PaletteItem.channel(
            "AMQP_QUEUE",
            "AMQP queue",
            "queue",
            MaterialDesignT.TRAY_FULL,
            BrokerKind.AMQP,
            c -> c,
            "RabbitMQ-like queue bound to an exchange");
    public static final PaletteItem BROKER =
            PaletteItem.broker("AMQP_BROKER", "AMQP broker", "rabbitmq", BrokerKind.AMQP, "A RabbitMQ-like broker");

    @Override
    public BrokerKind kind() {
        return BrokerKind.AMQP;
    }

    @Override
    public List<PaletteItem> channelItems() {
        return List.of(QUEUE);
    }

    @Override
    public Optional<PaletteItem> brokerItem() {
        return Optional.of(BROKER);
    }

    @Override
    public PaletteItem itemOf(Channel c) {
        return QUEUE;
    }

    @Override
    public String settings(Design d, Channel c, String messages, List<String> chips) {
        String ex = AmqpQueue.of(c).exchange() == null ? "" : AmqpQueue.of(c).exchange() + " · ";
        takenChips(c, chips);
        return ex + messages;
    }

    /** The queue limits (TTL, max length), also on the queues of kinds that take these settings. */
    @Override
    public void takenChips(Channel c, List<String> chips) {
        if (AmqpQueue.of(c).ttl() != null) {
            chips.add("TTL " + AmqpQueue.of(c).ttl());
        }
        if (AmqpQueue.of(c).maxLength() != null) {
            chips.add("max " + AmqpQueue.of(c).maxLength());
        }
    }

    @Override
    public String sampleScenario() {
        return "payments-rabbitmq.scenario.yaml";
    }

    @Override
    public ConnectionHints connectionHints() {
        return new ConnectionHints(
                "amqp://mq:5672 or amqps://mq:5671 (empty: needs a local rabbitmq-server)",
                "username=orders-app\nvirtualHost=/prod",
                "password",
                "RABBITMQ_PASSWORD");
    }
}
