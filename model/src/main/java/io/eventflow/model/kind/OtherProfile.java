package io.eventflow.model.kind;

import io.eventflow.model.design.BrokerKind;

/** A protocol the simulator does not model: design and export only; its channels may carry any kind's settings. */
final class OtherProfile implements KindProfile {
    @Override
    public BrokerKind kind() {
        return BrokerKind.OTHER;
    }
}
