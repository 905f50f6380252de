package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.RequestReply;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.io.DesignWriter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one exported document holds: the selected services and the elements they use, with their AsyncAPI keys. */
final class ExportContext {
    final Design design;
    final ObjectNode tree;
    final List<Service> services;
    final boolean wholeSystem;
    final List<Broker> brokers;
    final List<Channel> channels;
    final List<MessageType> messages;
    final Map<String, String> brokerKeys = new LinkedHashMap<>();
    final Map<String, String> channelKeys = new LinkedHashMap<>();
    final Map<String, String> messageKeys = new LinkedHashMap<>();

    ExportContext(Design design, String serviceId) {
        this.design = design;
        this.tree = DesignWriter.toTree(design);
        this.wholeSystem = serviceId == null;
        this.services = wholeSystem
                ? design.services()
                : design.services().stream()
                        .filter(s -> s.id().equals(serviceId))
                        .toList();
        Set<String> channelIds = wholeSystem ? allChannels() : usedChannels();
        this.channels = design.channels().stream()
                .filter(c -> channelIds.contains(c.id()))
                .toList();
        Set<String> messageIds = new HashSet<>();
        channels.forEach(c -> messageIds.addAll(c.messages()));
        services.forEach(s -> s.publishes().forEach(p -> messageIds.add(p.message())));
        this.messages = design.messages().stream()
                .filter(m -> wholeSystem || messageIds.contains(m.id()))
                .toList();
        Set<String> brokerIds = new HashSet<>();
        channels.forEach(c -> brokerIds.add(c.broker()));
        this.brokers = design.brokers().stream()
                .filter(b -> !b.extensions().containsKey(Ext.IMPLICIT))
                .filter(b -> wholeSystem || brokerIds.contains(b.id()))
                .toList();
        assignKeys();
    }

    private Set<String> allChannels() {
        Set<String> ids = new LinkedHashSet<>();
        design.channels().forEach(c -> ids.add(c.id()));
        return ids;
    }

    private Set<String> usedChannels() {
        Set<String> ids = new LinkedHashSet<>();
        for (Service s : services) {
            s.publishes().forEach(p -> ids.add(p.channel()));
            for (Subscription sub : s.subscribes()) {
                ids.add(sub.channel());
                addIfSet(ids, sub.deadLetter());
                if (sub.reply() != null) {
                    addIfSet(ids, sub.reply().channel());
                }
            }
            for (RequestReply r : s.requests()) {
                ids.add(r.channel());
                addIfSet(ids, r.replyChannel());
            }
        }
        for (String id : List.copyOf(ids)) {
            design.channel(id).ifPresent(c -> addIfSet(ids, c.deadLetter()));
        }
        return ids;
    }

    private static void addIfSet(Set<String> ids, String id) {
        if (id != null) {
            ids.add(id);
        }
    }

    private void assignKeys() {
        Set<String> used = new HashSet<>();
        brokers.forEach(b -> brokerKeys.put(b.id(), key(b.id(), Ext.originalKey(b.extensions(), b.id()), used)));
        used.clear();
        channels.forEach(c -> channelKeys.put(c.id(), key(c.id(), Ext.originalKey(c.extensions(), c.id()), used)));
        used.clear();
        messages.forEach(m -> messageKeys.put(m.id(), key(m.id(), Ext.originalKey(m.extensions(), m.id()), used)));
    }

    private static String key(String id, String original, Set<String> used) {
        return Trees.unique(original != null ? original : id, used);
    }

    /** The element's tree as the design file holds it. */
    ObjectNode elementTree(String list, String id) {
        ArrayNode a = (ArrayNode) tree.get(list);
        if (a != null) {
            for (int i = 0; i < a.size(); i++) {
                if (id.equals(a.get(i).path("id").asText(null))) {
                    return (ObjectNode) a.get(i);
                }
            }
        }
        return Trees.NF.objectNode();
    }

    String channelKey(String id) {
        return channelKeys.get(id);
    }

    /** The key of a message in a channel's {@code messages} map. */
    String channelMessageKey(Channel c, String messageId) {
        com.fasterxml.jackson.databind.JsonNode keys = c.extensions().get(Ext.MESSAGE_KEYS);
        String k = keys == null ? null : Trees.text(keys, messageId);
        return k != null ? k : messageKeys.getOrDefault(messageId, messageId);
    }

    String messageKey(String id) {
        return messageKeys.get(id);
    }

    /** The note of an element, used as description when it has none. */
    String note(String id) {
        return design.notes().get(id);
    }
}
