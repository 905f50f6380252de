package io.eventflow.live.internal;

import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveException;
import io.eventflow.model.design.ArrivalKind;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A service of the design in a live run: its groups and its running instances. */
final class LiveService {
    final Service spec;
    final List<GroupSpec> groups;
    final Run run;
    /** Instances by index; a crashed one stays in place (it may restart). */
    final List<LiveInstance> instances = new ArrayList<>();
    /** Rate per instance per channel after a {@code rate} action. */
    private final Map<String, Double> rates = new ConcurrentHashMap<>();

    LiveService(Run run, Service spec, List<GroupSpec> groups) {
        this.run = run;
        this.spec = spec;
        this.groups = List.copyOf(groups);
    }

    /** The rate per instance of a timed publication: the last {@code rate} action's, else the design's. */
    double rate(String channel, Publication p) {
        Double r = rates.get(channel);
        if (r != null) {
            return r;
        }
        var a = p.arrivalOrDefault();
        if (a.kind() == ArrivalKind.RAMP && a.from() != null) {
            return a.from().perSecond();
        }
        return p.rate() == null ? 0 : p.rate().perSecond();
    }

    synchronized void setRate(String channel, double perSecond) {
        rates.put(channel, perSecond);
        instances.forEach(i -> i.rate(channel, perSecond));
    }

    /** Adds instance number {@code instances.size()} and starts its consumers (publishers start with the run). */
    synchronized LiveInstance add(List<LiveConsumer> started) throws LiveException {
        LiveInstance i = new LiveInstance(run, this, instances.size());
        instances.add(i);
        started.addAll(i.startConsumers());
        return i;
    }

    /** Scale: adds or removes (cleanly, the highest numbers first) instances; new ones start publishing at once. */
    synchronized void scale(int n) throws LiveException {
        while (instances.size() < n) {
            LiveInstance i = add(new ArrayList<>());
            if (run.publishing) {
                i.startPublishers();
            }
        }
        while (instances.size() > n) {
            LiveInstance i = instances.remove(instances.size() - 1);
            i.close();
        }
    }

    synchronized List<LiveInstance> instances() {
        return List.copyOf(instances);
    }
}
