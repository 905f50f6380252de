package io.eventflow.app.inspector;

import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.Subscription;

/** JMS/ActiveMQ: queue or topic; a queue has the AMQP queue limits, a topic's subscriptions may be durable. */
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
            AmqpForm.queueLimits(f, vm, id, AmqpQueue.of(c), true);
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
