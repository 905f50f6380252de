package io.eventflow.live.proxy;

import java.util.Collection;

/** Which design service a run's client belongs to, for choosing its fault-proxy link. */
public final class RoutedServices {
    private RoutedServices() {}

    /**
     * The service of a client id ({@code runPrefix + service#n...}): the routed service whose id it starts with (the
     * longest, so that a service named {@code a-b} is not taken for {@code a}), or null when none is.
     */
    public static String serviceOf(String clientId, String runPrefix, Collection<String> routed) {
        if (routed.isEmpty() || !clientId.startsWith(runPrefix)) {
            return null;
        }
        String rest = clientId.substring(runPrefix.length());
        String best = null;
        for (String s : routed) {
            if (rest.startsWith(s + "#") && (best == null || s.length() > best.length())) {
                best = s;
            }
        }
        return best;
    }
}
