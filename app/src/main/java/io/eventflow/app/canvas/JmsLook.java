package io.eventflow.app.canvas;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.kind.KindProfiles;
import java.util.List;
import java.util.Optional;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * JMS on the canvas: a queue (with the queue limits of the kinds whose settings it takes) or a topic, whose
 * subscriptions are durable or not.
 */
public final class JmsLook implements KindLook {
    public static final PaletteItem QUEUE = PaletteItem.channel(
            "JMS_QUEUE",
            "JMS queue",
            "jms-queue",
            MaterialDesignI.INBOX_MULTIPLE,
            BrokerKind.JMS,
            c -> c.with(new JmsDestination(JmsDestination.Type.QUEUE)),
            "JMS queue: point to point, one consumer per message; TTL and max length as a queue");
    public static final PaletteItem TOPIC = PaletteItem.channel(
            "JMS_TOPIC",
            "JMS topic",
            "jms-topic",
            MaterialDesignB.BROADCAST,
            BrokerKind.JMS,
            c -> c.with(new JmsDestination(JmsDestination.Type.TOPIC)),
            "JMS topic: durable subscribers get what they missed, non-durable ones do not");
    public static final PaletteItem BROKER = PaletteItem.broker(
            "JMS_BROKER", "JMS broker", "activemq", BrokerKind.JMS, "A JMS broker (ActiveMQ and the like)");

    @Override
    public BrokerKind kind() {
        return BrokerKind.JMS;
    }

    @Override
    public List<PaletteItem> channelItems() {
        return List.of(QUEUE, TOPIC);
    }

    @Override
    public Optional<PaletteItem> brokerItem() {
        return Optional.of(BROKER);
    }

    @Override
    public PaletteItem itemOf(Channel c) {
        return JmsDestination.of(c).isTopic() ? TOPIC : QUEUE;
    }

    @Override
    public String settings(Design d, Channel c, String messages, List<String> chips) {
        if (JmsDestination.of(c).isTopic()) {
            subscriberChips(d, c, chips);
            return "topic · " + messages;
        }
        for (BrokerKind k : KindProfiles.of(kind()).alsoTakes()) {
            KindLooks.of(k).takenChips(c, chips);
        }
        return "queue · " + messages;
    }

    /** A topic's chips: how many durable and non-durable subscriptions it has. */
    private static void subscriberChips(Design d, Channel c, List<String> chips) {
        int durable = 0;
        int other = 0;
        for (Service s : d.services()) {
            for (Subscription x : s.subscribes()) {
                if (x.channel().equals(c.id())) {
                    if (x.isDurable()) {
                        durable++;
                    } else {
                        other++;
                    }
                }
            }
        }
        if (durable > 0) {
            chips.add(durable + " durable");
        }
        if (other > 0) {
            chips.add(other + " non-durable");
        }
    }

    @Override
    public String subscriptionLabel(Channel c, Subscription x, String label) {
        return JmsDestination.of(c).isTopic() ? label + "\n" + (x.isDurable() ? "durable" : "non-durable") : label;
    }

    @Override
    public String sampleScenario() {
        return "trading-jms.scenario.yaml";
    }

    @Override
    public ConnectionHints connectionHints() {
        return new ConnectionHints(
                "tcp://amq:61616 or ssl://amq:61617 (empty: runs embedded)",
                "username=app",
                "password",
                "ACTIVEMQ_PASSWORD");
    }
}
