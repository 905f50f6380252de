package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.kind.KindProfiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps one (3.0-shaped) AsyncAPI document into the shared {@link ImportState}. */
final class DocMapper {
    private final ImportState st;
    private final RefResolver refs;
    private final Doc doc;
    private final Located root;
    private final JsonNode ef;
    private final MessageMapper messages;
    final Map<String, String> servers = new LinkedHashMap<>();
    final Map<String, String> channels = new HashMap<>();
    final Map<String, Map<String, String>> channelMessages = new HashMap<>();
    /**
     * Broker id → the subscription settings its own (not derived) server binding gives the document's application
     * (its kind's {@code subscriptionDefaults}).
     */
    final Map<String, Map<String, String>> subscriptionDefaults = new HashMap<>();

    private String defaultService;

    DocMapper(ImportState st, Doc doc) {
        this.st = st;
        this.refs = st.refs;
        this.doc = doc;
        this.root = new Located(doc.root, doc, "");
        this.ef = doc.root.get(Ext.EF);
        this.messages = new MessageMapper(st, doc.isV2());
    }

    void map() {
        rootData();
        services();
        Located srv = root.child("servers");
        if (srv.node() != null && srv.node().isObject()) {
            srv.node().fieldNames().forEachRemaining(k -> server(k, srv.child(k)));
        }
        Located components = root.child("components").child("messages");
        if (components.node() != null && components.node().isObject()) {
            components.node().fieldNames().forEachRemaining(k -> messages.register(components.child(k), k));
        }
        Located chs = root.child("channels");
        if (chs.node() != null) {
            chs.node().fieldNames().forEachRemaining(k -> channel(k, chs.child(k)));
        }
        Located ops = root.child("operations");
        if (ops.node() != null) {
            OperationMapper om = new OperationMapper(st, this);
            ops.node().fieldNames().forEachRemaining(k -> om.operation(k, ops.child(k)));
        }
        leftoverComponents();
    }

    private void rootData() {
        JsonNode info = doc.root.path("info");
        ObjectNode infoRest = Trees.without(info, List.of("title", "version", "description"));
        V3Writer.removeExtensions(infoRest);
        ObjectNode raw = Trees.NF.objectNode();
        Trees.put(raw, "id", doc.root.get("id"));
        if (!infoRest.isEmpty()) {
            JsonNode inlined = refs.inline(root.child("info"));
            if (inlined.isObject()) {
                ObjectNode copy = (ObjectNode) inlined.deepCopy();
                copy.remove(List.of("title", "version", "description"));
                raw.set("info", copy);
            }
        }
        Trees.put(raw, "defaultContentType", doc.root.get("defaultContentType"));
        Trees.fillFrom(st.rootRaw, raw);
        if (!st.design.has("name")) {
            Trees.put(st.design, "name", Trees.text(info, "title"));
            if (ef == null || !ef.path("noVersion").asBoolean()) {
                Trees.put(st.design, "version", Trees.text(info, "version"));
            }
            Trees.put(st.design, "description", Trees.text(info, "description"));
        }
        ImportState.userExtensions(doc.root, st.design);
        if (ef != null) {
            for (String k : List.of("layout", "notes", "lint")) {
                if (ef.get(k) != null && !st.rootEf.has(k)) {
                    st.rootEf.set(k, ef.get(k).deepCopy());
                }
            }
        }
    }

    private void services() {
        if (ef == null) {
            return;
        }
        if (ef.get("services") != null && ef.get("services").isArray()) {
            ef.get("services").forEach(this::serviceFrom);
        }
        if (ef.get("service") != null && ef.get("service").isObject()) {
            defaultService = serviceFrom(ef.get("service"));
        }
    }

    private String serviceFrom(JsonNode s) {
        String id = Trees.text(s, "id");
        if (id == null) {
            return null;
        }
        if (st.get("services", id) == null) {
            st.ids.add(id);
            st.add(st.services, "services", (ObjectNode) s.deepCopy(), root.child(Ext.EF));
        }
        return id;
    }

    /** The service an operation without {@code x-eventflow-service} belongs to: the document's application. */
    String service(String named) {
        if (named != null) {
            if (st.get("services", named) == null) {
                st.ids.add(named);
                st.add(st.services, "services", Trees.NF.objectNode().put("id", named), root);
            }
            return named;
        }
        if (defaultService == null) {
            JsonNode info = doc.root.path("info");
            String title = Trees.text(info, "title");
            String id = st.claim(Trees.slug(title == null ? "service" : title).toLowerCase(Locale.ROOT), "service");
            ObjectNode s = Trees.NF.objectNode().put("id", id);
            Trees.put(s, "title", title);
            Trees.put(s, "description", Trees.text(info, "description"));
            st.add(st.services, "services", s, root.child("info"));
            defaultService = id;
        }
        return defaultService;
    }

    private void server(String key, Located site) {
        Located s = refs.deref(site);
        if (s == null || !s.node().isObject()) {
            return;
        }
        if (doc.isV2() && s.node().has("url")) {
            s = new Located(V2Upgrader.server(s.node()), s.doc(), s.pointer());
        }
        String host = Trees.text(s.node(), "host");
        String protocol = Trees.text(s.node(), "protocol");
        String identity = key + "|" + host + "|" + protocol;
        String known = st.brokerByServer.get(identity);
        if (known != null) {
            servers.put(key, known);
            return;
        }
        JsonNode sef = s.node().get(Ext.EF);
        String base = Trees.text(sef, "id") != null ? Trees.text(sef, "id") : key;
        String id = st.claim(base, "server");
        BrokerKind kind = Trees.text(sef, "kind") != null
                ? BrokerKind.fromKey(Trees.text(sef, "kind"))
                : BrokerKind.fromProtocol(protocol);
        ObjectNode b = Trees.NF.objectNode().put("id", id).put("kind", kind.key());
        if (host != null && !(sef != null && sef.path("noHost").asBoolean())) {
            b.put("host", host);
        }
        if (protocol != null && !protocol.equals(kind.defaultProtocol())) {
            b.put("protocol", protocol);
        }
        Trees.put(b, "protocolVersion", Trees.text(s.node(), "protocolVersion"));
        Trees.put(b, "description", Trees.text(s.node(), "description"));
        ImportState.fill(b, sef, "id", "kind", "noHost", "note");
        ImportState.userExtensions(s.node(), b);
        ObjectNode rest = (ObjectNode) refs.inline(s);
        rest.remove(List.of("host", "protocol", "protocolVersion", "description"));
        for (BrokerKind k : BrokerKind.values()) {
            KindProfiles.of(k).bindings().dropDerivedServer(rest);
        }
        Map<String, String> defaults = KindProfiles.of(kind).bindings().subscriptionDefaults(rest);
        if (!defaults.isEmpty()) {
            subscriptionDefaults.put(id, defaults);
        }
        if (doc.isV2()) {
            BindingCompat.toV3(rest, "server");
        }
        ImportState.raw(b, rest);
        String scheme = Trees.text(s.node(), Ext.SCHEME_2);
        if (scheme != null) {
            (b.get(Ext.RAW) instanceof ObjectNode raw ? raw : b.putObject(Ext.RAW)).put(Ext.SCHEME_2, scheme);
        }
        if (!id.equals(key)) {
            b.putObject(Ext.KEY).put("key", key).put("id", id);
        }
        st.add(st.brokers, "brokers", b, s);
        st.brokerByServer.put(identity, id);
        servers.put(key, id);
    }

    private void channel(String key, Located site) {
        Located c = refs.deref(site);
        if (c == null || !c.node().isObject()) {
            return;
        }
        String address = Trees.text(c.node(), "address");
        String mergeKey = address == null ? null : address;
        String existing = mergeKey == null ? null : st.channelByAddress.get(mergeKey);
        if (existing != null && !existing.startsWith(doc.uri + " ")) {
            String id = existing.substring(existing.indexOf(' ') + 1);
            channels.put(key, id);
            channelMessages(key, c, st.get("channels", id));
            return;
        }
        JsonNode cef = c.node().get(Ext.EF);
        String base = Trees.text(cef, "id") != null ? Trees.text(cef, "id") : key;
        String id = st.claim(base, "channel");
        channels.put(key, id);
        ObjectNode t = Trees.NF.objectNode().put("id", id);
        broker(t, c, cef);
        Trees.put(t, "address", address);
        t.putArray("messages");
        Trees.put(t, "title", Trees.text(c.node(), "title"));
        Trees.put(t, "description", Trees.text(c.node(), "description"));
        ObjectNode rest = (ObjectNode) refs.inline(c);
        JsonNode bindings = rest.remove("bindings");
        rest.remove(List.of("address", "messages", "title", "description", "servers"));
        ObjectNode bindingsRest = ChannelBindings.read(bindings, t, address);
        if (bindingsRest != null) {
            rest.set("bindings", bindingsRest);
            if (doc.isV2()) {
                BindingCompat.toV3(rest, "channel");
            }
        }
        ImportState.fill(t, cef, "id");
        Ext.importSigning(c.node(), t);
        ImportState.userExtensions(c.node(), t);
        ImportState.raw(t, rest);
        if (!id.equals(key)) {
            t.putObject(Ext.KEY).put("key", key).put("id", id);
        }
        st.add(st.channels, "channels", t, c);
        if (mergeKey != null) {
            st.channelByAddress.putIfAbsent(mergeKey, doc.uri + " " + id);
        }
        channelMessages(key, c, t);
    }

    private void broker(ObjectNode t, Located c, JsonNode cef) {
        String named = Trees.text(cef, "broker");
        JsonNode listed = c.node().get("servers");
        List<String> ids = new ArrayList<>();
        if (listed != null && listed.isArray()) {
            for (int i = 0; i < listed.size(); i++) {
                String ref = Trees.text(listed.get(i), "$ref");
                String k = ref != null && ref.startsWith("#/servers/") ? Trees.unescape(ref.substring(10)) : null;
                if (k == null || !servers.containsKey(k)) {
                    refs.error(
                            c.child("servers").child(i),
                            "channel server '" + ref + "' is not one of this" + " document's servers",
                            "use '#/servers/NAME'");
                } else {
                    ids.add(servers.get(k));
                }
            }
        }
        // a channel listing no servers is on every server (3.0 and 2.x alike); the broker named by x-eventflow
        // (our own export) wins, and the server list is kept so that the export lists the same servers again
        if (ids.isEmpty() && listed == null && !servers.isEmpty()) {
            t.put("broker", named != null ? named : servers.values().iterator().next());
            if (servers.size() > 1) {
                t.putArray(Ext.SERVERS);
            }
        } else if (!ids.isEmpty()) {
            t.put("broker", named != null ? named : ids.get(0));
            if (ids.size() > 1 || named != null && !named.equals(ids.get(0))) {
                t.set(Ext.SERVERS, Trees.array(ids));
            }
        } else if (named != null) {
            t.put("broker", named);
        }
    }

    private void channelMessages(String key, Located c, ObjectNode channel) {
        Map<String, String> map = channelMessages.computeIfAbsent(key, k -> new LinkedHashMap<>());
        Located ms = refs.deref(c.child("messages"));
        if (ms == null || ms.node() == null || !ms.node().isObject()) {
            return;
        }
        ArrayNode list = (ArrayNode) channel.get("messages");
        ms.node().fieldNames().forEachRemaining(mk -> {
            Located entry = ms.child(mk);
            String ref = entry.ref();
            String preferred = ref != null && ref.contains("#/") ? RefResolver.lastSegment(ref) : mk;
            String id = messages.register(entry, preferred);
            if (id == null) {
                return;
            }
            map.put(mk, id);
            boolean listed = false;
            for (JsonNode m : list) {
                listed |= m.asText().equals(id);
            }
            if (!listed) {
                list.add(id);
            }
            if (!mk.equals(exportKey("messages", id))) {
                ObjectNode keys = channel.has(Ext.MESSAGE_KEYS)
                        ? (ObjectNode) channel.get(Ext.MESSAGE_KEYS)
                        : channel.putObject(Ext.MESSAGE_KEYS);
                keys.put(id, mk);
            }
        });
    }

    /** The key the exporter gives an element: its original key while it keeps its id, else its id. */
    String exportKey(String list, String id) {
        ObjectNode e = st.get(list, id);
        JsonNode k = e == null ? null : e.get(Ext.KEY);
        return k != null && id.equals(Trees.text(k, "id")) ? Trees.text(k, "key") : id;
    }

    private void leftoverComponents() {
        Located comps = root.child("components");
        if (comps.node() == null || !comps.node().isObject()) {
            return;
        }
        ObjectNode keep = Trees.NF.objectNode();
        for (String section : List.of("schemas", "securitySchemes", "parameters")) {
            Located sec = comps.child(section);
            if (sec.node() == null || !sec.node().isObject()) {
                continue;
            }
            ObjectNode out = Trees.NF.objectNode();
            sec.node().fieldNames().forEachRemaining(k -> {
                if (!(section.equals("schemas") && st.payloadSchemas.contains(k))) {
                    out.set(k, refs.inline(sec.child(k)));
                }
            });
            if (!out.isEmpty()) {
                keep.set(section, out);
            }
        }
        if (!keep.isEmpty()) {
            ObjectNode c = st.rootRaw.has("components")
                    ? (ObjectNode) st.rootRaw.get("components")
                    : st.rootRaw.putObject("components");
            Trees.fillFrom(c, keep);
        }
    }

    Doc doc() {
        return doc;
    }

    Located root() {
        return root;
    }
}
