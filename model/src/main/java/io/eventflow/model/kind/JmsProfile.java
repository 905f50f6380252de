package io.eventflow.model.kind;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.JmsDestination;
import java.util.Set;

/**
 * JMS/ActiveMQ: a channel is a queue or a topic ({@link JmsDestination}); a queue behaves as an AMQP queue and takes
 * the AMQP queue settings.
 */
final class JmsProfile implements KindProfile {
    @Override
    public BrokerKind kind() {
        return BrokerKind.JMS;
    }

    @Override
    public JmsDestination readChannel(SettingsSource f) {
        return new JmsDestination(f.keyed("destination", JmsDestination.Type.class, "JMS destination"));
    }

    @Override
    public void writeChannel(Channel c, SettingsSink o) {
        o.put("destination", JmsDestination.of(c).type());
    }

    @Override
    public String settingsName() {
        return "a JMS destination type";
    }

    @Override
    public Set<BrokerKind> alsoTakes() {
        return Set.of(BrokerKind.AMQP);
    }
}
