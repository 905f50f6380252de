package io.eventflow.app.inspector;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Publication;

/** Postgres LISTEN/NOTIFY: nothing stored; publications may be sent in a transaction that can roll back. */
final class PostgresForm implements KindForm {
    @Override
    public void channel(Form f, InspectorViewModel vm, Design d, Channel c) {
        f.section("Postgres NOTIFY");
        f.info("Storage", "none: a notification reaches only the sessions listening at that moment");
    }

    @Override
    public boolean storesNothing(Channel c) {
        return true;
    }

    @Override
    public void publication(Form f, InspectorViewModel vm, Design d, String svc, Publication p) {
        String ch = p.channel();
        f.text(
                        "Transaction",
                        p.transaction(),
                        Parsers.DURATION,
                        v -> vm.editPublication(svc, ch, "transaction", x -> x.withTransaction(v)))
                .setPromptText("none: sent at once");
        f.text(
                        "Rollback %",
                        p.rollbackPercent(),
                        s -> {
                            if (p.transaction() == null) {
                                throw new IllegalArgumentException(
                                        "set Transaction first: only notifications sent in a transaction roll back");
                            }
                            return Parsers.PERCENT.apply(s);
                        },
                        v -> vm.editPublication(svc, ch, "rollback", x -> x.withRollbackPercent(v)))
                .setPromptText("0");
    }
}
