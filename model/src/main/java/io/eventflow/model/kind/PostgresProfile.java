package io.eventflow.model.kind;

import io.eventflow.model.design.BrokerKind;

/** Postgres LISTEN/NOTIFY: a channel is a notification channel name and has no settings. */
final class PostgresProfile implements KindProfile {
    @Override
    public BrokerKind kind() {
        return BrokerKind.POSTGRES;
    }
}
