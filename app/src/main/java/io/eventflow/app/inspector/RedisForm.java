package io.eventflow.app.inspector;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.RedisStream;
import io.eventflow.model.design.Subscription;

/** Redis Streams: the stream's MAXLEN and the consumer groups' claiming of idle entries. */
final class RedisForm implements KindForm {
    @Override
    public void channel(Form f, InspectorViewModel vm, Design d, Channel c) {
        RedisStream r = RedisStream.of(c);
        f.section("Redis stream");
        f.text(
                        "MAXLEN",
                        r.maxLen(),
                        Parsers.POSITIVE_INT,
                        v -> ChannelForms.editSettings(vm, c.id(), r.withMaxLen((Integer) v)))
                .setPromptText("unbounded");
    }

    @Override
    public void subscription(Form f, InspectorViewModel vm, Design d, String svc, Subscription x) {
        String ch = x.channel();
        f.text(
                        "Claim idle after",
                        x.claimIdle(),
                        Parsers.DURATION,
                        v -> vm.editSubscription(svc, ch, "claim idle", s -> s.withClaimIdle(v)))
                .setPromptText("never (XAUTOCLAIM off)");
    }
}
