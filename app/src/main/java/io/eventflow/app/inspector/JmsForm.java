package io.eventflow.app.inspector;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.kind.KindProfiles;

/**
 * JMS/ActiveMQ: queue or topic; a queue has the queue limits of the kinds whose settings it takes, a topic's
 * subscriptions may be durable.
 */
final class JmsForm implements KindForm {
    @Override
    public void channel(Form f, InspectorViewModel vm, Design d, Channel c) {
        String id = c.id();
        JmsDestination j = JmsDestination.of(c);
        f.section(j.isTopic() ? "JMS topic" : "JMS queue");
        f.choice(
                "Destination",
                JmsDestination.Type.values(),
                j.type(),
                v -> ChannelForms.editSettings(vm, id, j.withType(v)));
        if (!j.isTopic()) {
            for (BrokerKind k : KindProfiles.of(BrokerKind.JMS).alsoTakes()) {
                KindForms.of(k).takenChannel(f, vm, c);
            }
        }
    }

    @Override
    public void subscription(Form f, InspectorViewModel vm, Design d, String svc, Subscription x) {
        String ch = x.channel();
        if (JmsDestination.of(d.channel(ch).orElseThrow()).isTopic()) {
            f.check("Durable", x.durable(), v -> vm.editSubscription(svc, ch, "durable", s -> s.withDurable(v)));
        }
    }
}
