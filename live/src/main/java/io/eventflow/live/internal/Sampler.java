package io.eventflow.live.internal;

import io.eventflow.live.LiveException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinylog.Logger;

/**
 * Samples every group's depth on the broker (stored, not committed or acked) four times a second through the admin
 * API: the group's {@code maxLag} and its channel's {@code maxDepth} (the slowest group's) are the largest samples.
 */
final class Sampler {
    private static final long PERIOD_MS = 250;
    private final Run run;
    private final List<GroupSpec> groups = new ArrayList<>();
    private volatile boolean stopped;
    private Thread thread;

    Sampler(Run run, Collection<LiveService> services) {
        this.run = run;
        Map<String, GroupSpec> distinct = new LinkedHashMap<>();
        services.forEach(s -> s.groups.forEach(g -> distinct.putIfAbsent(g.ledger().key, g)));
        groups.addAll(distinct.values());
    }

    void start() {
        thread = new Thread(
                () -> {
                    while (!stopped) {
                        sampleNow();
                        try {
                            Thread.sleep(PERIOD_MS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "live-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Samples every group once; returns the sum of their depths (-1 parts count as 0). */
    synchronized long sampleNow() {
        long sum = 0;
        for (GroupSpec g : groups) {
            try {
                long d = run.serverOf(g.channelId()).depth(run.channels.get(g.channelId()), g.brokerGroup());
                if (d >= 0) {
                    g.ledger().lag(d);
                    run.ledger().depth(g.channelId(), d);
                    sum += d;
                }
            } catch (LiveException e) {
                Logger.debug("depth of {}: {}", g.ledger().key, e.getMessage());
            }
        }
        return sum;
    }

    void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
