package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.kind.KindProfiles;
import java.util.Set;

/**
 * Channel bindings, both ways, each kind's through its profile's {@code bindings}. Settings that do not map exactly
 * stay in {@code x-eventflow}.
 */
final class ChannelBindings {
    private ChannelBindings() {}

    /** The channel's bindings ({@code kind}: its broker's, null when unknown); adds the design keys written exactly to {@code emitted}. */
    static ObjectNode write(Channel c, BrokerKind kind, Design design, Set<String> emitted) {
        ObjectNode b = Trees.NF.objectNode();
        if (kind != null) {
            KindProfiles.of(kind).bindings().writeChannel(c, design, b, emitted);
        }
        return b;
    }

    /**
     * Reads the bindings of a channel into the design channel tree, every kind taking its own; returns what is left to
     * keep verbatim (or null when nothing is).
     */
    static ObjectNode read(JsonNode bindings, ObjectNode channel, String address) {
        if (bindings == null || !bindings.isObject()) {
            return null;
        }
        ObjectNode rest = bindings.deepCopy();
        String own = address != null ? address : Trees.text(channel, "id");
        for (BrokerKind kind : BrokerKind.values()) {
            KindProfiles.of(kind).bindings().readChannel(rest, channel, address, own);
        }
        return rest.isEmpty() ? null : rest;
    }
}
