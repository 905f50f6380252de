package io.eventflow.model.validate;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.RequestReply;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Who publishes and who consumes what in a design, worked out once for the lint rules. */
final class DesignFacts {
    private final Design design;
    private final Set<String> published = new HashSet<>();
    private final Set<String> subscribed = new HashSet<>();
    private final Set<String> deadLetters = new HashSet<>();
    private final Map<String, Set<String>> publishers = new HashMap<>();
    private final Map<String, Set<String>> consumers = new HashMap<>();

    DesignFacts(Design design) {
        this.design = design;
        for (Channel c : design.channels()) {
            if (c.deadLetter() != null) {
                deadLetters.add(c.deadLetter());
            }
        }
        for (Service s : design.services()) {
            service(s);
        }
        published.addAll(deadLetters);
        fanOut(design);
    }

    /** A queue subscribed to a published fan-out topic is published to; a topic with a queue is read by it. */
    private void fanOut(Design design) {
        for (Channel q : design.channels()) {
            for (String topic : q.settings().fedBy()) {
                subscribed.add(topic);
                if (published.contains(topic)) {
                    published.add(q.id());
                }
            }
        }
    }

    private void service(Service s) {
        for (Publication p : s.publishes()) {
            publishes(s.id(), p.channel(), p.message());
        }
        for (RequestReply r : s.requests()) {
            publishes(s.id(), r.channel(), r.message());
            if (r.replyChannel() != null) {
                consumes(s.id(), r.replyChannel(), r.replyMessage());
            }
        }
        for (Subscription sub : s.subscribes()) {
            consumes(s.id(), sub.channel(), null);
            if (sub.deadLetter() != null) {
                deadLetters.add(sub.deadLetter());
            }
            if (sub.reply() != null && sub.reply().channel() != null) {
                publishes(s.id(), sub.reply().channel(), sub.reply().message());
            }
        }
    }

    private void publishes(String service, String channel, String message) {
        published.add(channel);
        for (String m : messages(channel, message)) {
            publishers.computeIfAbsent(m, k -> new TreeSet<>()).add(service);
        }
    }

    private void consumes(String service, String channel, String message) {
        subscribed.add(channel);
        for (String m : messages(channel, message)) {
            consumers.computeIfAbsent(m, k -> new TreeSet<>()).add(service);
        }
    }

    /** The given message, or every message the channel carries when none is given. */
    private List<String> messages(String channel, String message) {
        if (message != null) {
            return List.of(message);
        }
        return design.channel(channel).map(Channel::messages).orElse(List.of());
    }

    boolean isPublished(String channel) {
        return published.contains(channel);
    }

    boolean isSubscribed(String channel) {
        return subscribed.contains(channel);
    }

    boolean isDeadLetter(String channel) {
        return deadLetters.contains(channel);
    }

    Set<String> publishersOf(String message) {
        return publishers.getOrDefault(message, Set.of());
    }

    Set<String> consumersOf(String message) {
        return consumers.getOrDefault(message, Set.of());
    }
}
