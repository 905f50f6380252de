package io.eventflow.app.canvas;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.EdgeId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The look of every broker kind, by {@link BrokerKind}. Adding a kind: one {@link KindLook}, one line here. */
public final class KindLooks {
    private static final Map<BrokerKind, KindLook> LOOKS = new EnumMap<>(BrokerKind.class);

    static {
        KafkaLook log = new KafkaLook();
        add(log);
        add(new AmqpLook());
        add(new MqttLook());
        add(new SqsLook());
        add(new RedisLook());
        add(new PostgresLook());
        add(new JmsLook());
        // A protocol the simulator does not model looks like the log most such brokers are.
        add(new OtherLook(log));
        for (BrokerKind k : BrokerKind.values()) {
            if (!LOOKS.containsKey(k)) {
                throw new IllegalStateException("no look for broker kind " + k);
            }
        }
    }

    private KindLooks() {}

    private static void add(KindLook look) {
        LOOKS.put(look.kind(), look);
    }

    public static KindLook of(BrokerKind kind) {
        return LOOKS.get(kind);
    }

    /** The look of a channel's kind (its broker's; other when it has none). */
    public static KindLook of(Design d, Channel c) {
        return of(d.kindOf(c).orElse(BrokerKind.OTHER));
    }

    /** Every kind's look, in the kinds' order. */
    public static List<KindLook> all() {
        return List.copyOf(LOOKS.values());
    }

    /** The look whose link {@code e} is, if it is a link between two channels. */
    public static Optional<KindLook> linkOwner(EdgeId e) {
        return LOOKS.values().stream().filter(l -> l.isLink(e)).findFirst();
    }

    /** The look that may link channel {@code from} to channel {@code to}, if any. */
    public static Optional<KindLook> linker(Design d, String from, String to) {
        return LOOKS.values().stream().filter(l -> l.canLink(d, from, to)).findFirst();
    }
}
