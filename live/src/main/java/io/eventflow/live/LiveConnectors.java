package io.eventflow.live;

import io.eventflow.model.design.BrokerKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The registry of live connectors by broker kind, filled from {@link ServiceLoader} once. */
public final class LiveConnectors {
    private static final Map<BrokerKind, LiveConnector> BY_KIND = load();

    private LiveConnectors() {}

    private static Map<BrokerKind, LiveConnector> load() {
        Map<BrokerKind, LiveConnector> m = new EnumMap<>(BrokerKind.class);
        for (LiveConnector c : ServiceLoader.load(LiveConnector.class, LiveConnectors.class.getClassLoader())) {
            LiveConnector before = m.putIfAbsent(c.kind(), c);
            if (before != null) {
                throw new IllegalStateException("two live connectors for kind "
                        + c.kind().key() + ": " + before.getClass().getName() + " and "
                        + c.getClass().getName());
            }
        }
        return m;
    }

    /** The connector of {@code kind}, if live mode has one. */
    public static Optional<LiveConnector> find(BrokerKind kind) {
        return Optional.ofNullable(BY_KIND.get(kind));
    }

    /** The kinds live mode can run, in enum order (for messages). */
    public static String supported() {
        return String.join(", ", BY_KIND.keySet().stream().map(BrokerKind::key).toList());
    }
}
