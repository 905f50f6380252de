package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Service;
import io.eventflow.model.kind.KindBindings;
import io.eventflow.model.kind.KindProfiles;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Writes a design (or one service of it) as an AsyncAPI 3.0.0 document tree. */
public final class V3Writer {
    static final List<String> SERVER_NATIVE = List.of("id", "host", "protocol", "protocolVersion", "description");

    private final ExportContext cx;

    private V3Writer(ExportContext cx) {
        this.cx = cx;
    }

    /** The 3.0.0 document of the whole design ({@code serviceId} null) or of one service. */
    public static ObjectNode write(Design design, String serviceId) {
        return new V3Writer(new ExportContext(design, serviceId)).document();
    }

    private ObjectNode document() {
        ObjectNode root = Trees.NF.objectNode();
        root.put("asyncapi", "3.0.0");
        JsonNode raw = cx.design.extensions().get(Ext.RAW);
        Trees.put(root, "id", Trees.text(raw, "id"));
        root.set("info", info(raw));
        Trees.put(root, "defaultContentType", Trees.text(raw, "defaultContentType"));
        ObjectNode servers = root.putObject("servers");
        cx.brokers.forEach(b -> servers.set(cx.brokerKeys.get(b.id()), server(b)));
        ObjectNode channels = root.putObject("channels");
        cx.channels.forEach(c -> channels.set(cx.channelKey(c.id()), channel(c)));
        root.set("operations", new V3Operations(cx).operations());
        root.set("components", new V3Components(cx).components(raw == null ? null : raw.get("components")));
        removeEmpty(root, "servers", "channels", "operations", "components");
        Ext.copyUserExtensions(cx.design.extensions(), root);
        root.set(Ext.EF, rootExtension());
        return root;
    }

    private static void removeEmpty(ObjectNode o, String... keys) {
        for (String k : keys) {
            if (o.path(k).isObject() && o.get(k).isEmpty()) {
                o.remove(k);
            }
        }
    }

    private ObjectNode info(JsonNode raw) {
        ObjectNode info = Trees.NF.objectNode();
        Service one = cx.wholeSystem ? null : cx.services.get(0);
        String title = one == null ? cx.design.name() : (one.title() != null ? one.title() : one.id());
        info.put("title", title);
        info.put("version", cx.design.version() != null ? cx.design.version() : "1.0.0");
        String description = one == null ? cx.design.description() : one.description();
        Trees.put(info, "description", description);
        if (raw != null && raw.get("info") != null) {
            Trees.fillFrom(info, Trees.without(raw.get("info"), List.of("title", "version", "description")));
        }
        return info;
    }

    private ObjectNode server(Broker b) {
        ObjectNode s = Trees.NF.objectNode();
        s.put("host", b.host() != null ? b.host() : b.id());
        s.put("protocol", b.effectiveProtocol());
        Trees.put(s, "protocolVersion", b.protocolVersion());
        String description = b.description() != null ? b.description() : cx.note(b.id());
        Trees.put(s, "description", description);
        Trees.merge(s, b.extensions().get(Ext.RAW));
        JsonNode bindings = s.get("bindings");
        KindBindings kb = KindProfiles.of(b.kind()).bindings();
        String derived = kb.derivedServerBinding();
        if (derived != null && (bindings == null || bindings.isObject() && !bindings.has(derived))) {
            ObjectNode made = kb.deriveServer(cx.design, cx.services, b);
            if (made != null) {
                (bindings == null ? s.putObject("bindings") : (ObjectNode) bindings).set(derived, made);
            }
        }
        Ext.copyUserExtensions(b.extensions(), s);
        ObjectNode ef = Trees.without(cx.elementTree("brokers", b.id()), SERVER_NATIVE);
        ef.remove("kind");
        removeExtensions(ef);
        if (BrokerKind.fromProtocol(b.effectiveProtocol()) != b.kind()) {
            ef.put("kind", b.kind().key());
        }
        if (b.host() == null) {
            ef.put("noHost", true);
        }
        Trees.put(ef, "note", KindProfiles.of(b.kind()).asyncApiNote());
        if (!b.id().equals(cx.brokerKeys.get(b.id()))) {
            ef.put("id", b.id());
        }
        putIfNotEmpty(s, Ext.EF, ef);
        return s;
    }

    static void removeExtensions(ObjectNode o) {
        Trees.fieldNames(o).stream().filter(k -> k.startsWith("x-")).forEach(o::remove);
    }

    static void putIfNotEmpty(ObjectNode o, String key, ObjectNode value) {
        if (value != null && !value.isEmpty()) {
            o.set(key, value);
        }
    }

    private ObjectNode channel(Channel c) {
        ObjectNode o = Trees.NF.objectNode();
        Trees.put(o, "address", c.address());
        ObjectNode messages = o.putObject("messages");
        for (String m : c.messages()) {
            String key = cx.messageKey(m);
            if (key != null) {
                messages.putObject(cx.channelMessageKey(c, m))
                        .put("$ref", "#/components/messages/" + Trees.escape(key));
            }
        }
        Trees.put(o, "title", c.title());
        Trees.put(o, "description", c.description() != null ? c.description() : cx.note(c.id()));
        ArrayNode servers = servers(c);
        if (servers != null && !servers.isEmpty()) {
            o.set("servers", servers);
        }
        Set<String> emitted = new LinkedHashSet<>(List.of("id", "address", "messages", "title", "description"));
        ObjectNode bindings = ChannelBindings.write(c, cx.design.kindOf(c).orElse(null), cx.design, emitted);
        if (!bindings.isEmpty()) {
            o.set("bindings", bindings);
        }
        Trees.merge(o, c.extensions().get(Ext.RAW));
        Ext.copyUserExtensions(c.extensions(), o);
        if (c.broker() != null
                && cx.brokerKeys.containsKey(c.broker())
                && !c.extensions().containsKey(Ext.SERVERS)) {
            emitted.add("broker");
        }
        ObjectNode ef = Trees.without(cx.elementTree("channels", c.id()), emitted);
        removeExtensions(ef);
        Ext.exportSigning(ef, o);
        if (!c.id().equals(cx.channelKey(c.id()))) {
            ef.put("id", c.id());
        }
        putIfNotEmpty(o, Ext.EF, ef);
        return o;
    }

    private ArrayNode servers(Channel c) {
        ArrayNode a = Trees.NF.arrayNode();
        JsonNode listed = c.extensions().get(Ext.SERVERS);
        if (listed != null && listed.isArray()) {
            listed.forEach(s -> {
                String key = cx.brokerKeys.get(s.asText());
                if (key != null) {
                    a.addObject().put("$ref", "#/servers/" + Trees.escape(key));
                }
            });
            return a;
        }
        String key = c.broker() == null ? null : cx.brokerKeys.get(c.broker());
        if (key != null) {
            a.addObject().put("$ref", "#/servers/" + Trees.escape(key));
        }
        return a;
    }

    private ObjectNode rootExtension() {
        ObjectNode ef = Trees.NF.objectNode();
        ef.put("format", Design.FORMAT_VERSION);
        if (cx.design.version() == null) {
            ef.put("noVersion", true);
        }
        ArrayNode services = Trees.NF.arrayNode();
        for (Service s : cx.services) {
            ObjectNode t =
                    Trees.without(cx.elementTree("services", s.id()), List.of("publishes", "subscribes", "requests"));
            services.add(t);
        }
        if (cx.wholeSystem) {
            ef.set("services", services);
            copy(cx.tree, ef, "layout", "notes", "lint");
        } else {
            ef.set("service", services.get(0));
        }
        return ef;
    }

    private static void copy(ObjectNode from, ObjectNode to, String... keys) {
        for (String k : keys) {
            if (from.has(k)) {
                to.set(k, from.get(k).deepCopy());
            }
        }
    }
}
