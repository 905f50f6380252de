package io.eventflow.app.inspector;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Subscription;

/**
 * A protocol the simulator does not model: a channel shows the rows of the kind it is given for channels (the log
 * settings most such brokers have: partitions, retention), a subscription the shared rows of the kind it is given for
 * subscriptions (its QoS).
 */
final class OtherForm implements KindForm {
    private final KindForm channels;
    private final KindForm subscriptions;

    OtherForm(KindForm channels, KindForm subscriptions) {
        this.channels = channels;
        this.subscriptions = subscriptions;
    }

    @Override
    public void channel(Form f, InspectorViewModel vm, Design d, Channel c) {
        channels.channel(f, vm, d, c);
    }

    @Override
    public void subscription(Form f, InspectorViewModel vm, Design d, String svc, Subscription x) {
        subscriptions.sharedSubscription(f, vm, svc, x);
    }
}
