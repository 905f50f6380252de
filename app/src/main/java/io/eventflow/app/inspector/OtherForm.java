package io.eventflow.app.inspector;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Subscription;

/**
 * A protocol the simulator does not model: a channel shows the log settings most such brokers have (partitions,
 * retention), a subscription its QoS.
 */
final class OtherForm implements KindForm {
    private final KindForm log = new KafkaForm();

    @Override
    public void channel(Form f, InspectorViewModel vm, Design d, Channel c) {
        log.channel(f, vm, d, c);
    }

    @Override
    public void subscription(Form f, InspectorViewModel vm, Design d, String svc, Subscription x) {
        MqttForm.qos(f, vm, svc, x);
    }
}
