package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.kind.KindBindings;
import java.util.Map;

/**
 * The extension keys that carry AsyncAPI data through a design ({@code x-asyncapi...}) and design data through an
 * AsyncAPI document ({@code x-eventflow...}).
 */
public final class Ext {
    /** On a design element: the AsyncAPI fields the design has no place for (3.0 shape), merged back on export. */
    public static final String RAW = "x-asyncapi";
    /** On a design element: {@code {key, id}}, the original AsyncAPI key while the element keeps the id it had. */
    public static final String KEY = "x-asyncapi-key";
    /** On a channel: server keys to list (empty: none) when not just the channel's broker. */
    public static final String SERVERS = "x-asyncapi-servers";
    /** On a message: the {@code components.schemas} key of its payload. */
    public static final String SCHEMA = "x-asyncapi-schema";
    /** On a broker: made up by the import for channels without a server; never exported. */
    public static final String IMPLICIT = "x-asyncapi-implicit";
    /** On a channel: message id → the key of that message in the channel's {@code messages} map, where different. */
    public static final String MESSAGE_KEYS = "x-asyncapi-message-keys";
    /** On a publication or subscription: the operation's messages when several but not all of the channel's. */
    public static final String MESSAGES = "x-asyncapi-messages";
    /** On 3.0 messages: the {@code messageId} of a 2.x message (3.0 has none), written back by the 2.6 export. */
    public static final String MESSAGE_ID_2 = "x-asyncapi-2-messageId";
    /** On 3.0 servers: the scheme of a 2.x server {@code url} ({@code wss} of {@code wss://host}), for the 2.6 export. */
    public static final String SCHEME_2 = "x-asyncapi-2-scheme";
    /** On 3.0 parameters: the 2.x parameter schema keywords 3.0 has no field for (a {@code pattern}, a type). */
    public static final String PARAMETER_SCHEMA_2 = "x-asyncapi-2-schema";
    /** On AsyncAPI objects: design settings AsyncAPI has no construct for. */
    public static final String EF = "x-eventflow";
    /** On operations of a whole-system export: the service the operation belongs to. */
    public static final String SERVICE = "x-eventflow-service";
    /** On 2.6 objects: 3.0 fields 2.6 has no place for, so that a 2.6 round trip keeps them. */
    public static final String V3 = "x-eventflow-v3";
    /**
     * On messages and channels: how their messages are signed, {@code {signed: true|false, algorithm, keyId, signTime,
     * verifyTime}} (the design's {@code signed}/{@code signing}; no algorithm means HMAC-SHA256).
     */
    public static final String SIGNING = "x-eventflow-signing";
    /** On 2.6 channels: every operation when more than one shares a publish/subscribe slot. */
    public static final String OPERATIONS = "x-eventflow-operations";

    /** On a binding the exporter made up from design settings (a server binding): the import drops it. */
    public static final String DERIVED = KindBindings.DERIVED;

    private Ext() {}

    /** True for keys that are ours and must not be copied onto AsyncAPI objects verbatim. */
    public static boolean isInternal(String key) {
        return key.startsWith(RAW) || key.startsWith(EF);
    }

    /** Moves {@code signed}/{@code signing} of an element's design tree to {@link #SIGNING} on its AsyncAPI object. */
    static void exportSigning(ObjectNode ef, ObjectNode target) {
        JsonNode signed = ef.remove("signed");
        JsonNode signing = ef.remove("signing");
        if (signing instanceof ObjectNode s) {
            ObjectNode out = target.putObject(SIGNING).put("signed", true);
            out.setAll(s.deepCopy());
        } else if (signed != null) {
            target.putObject(SIGNING).put("signed", signed.asBoolean());
        }
    }

    /** Reads {@link #SIGNING} of an AsyncAPI object back into the element's design tree. */
    static void importSigning(JsonNode node, ObjectNode tree) {
        JsonNode s = node == null ? null : node.get(SIGNING);
        if (s == null || !s.isObject()) {
            return;
        }
        ObjectNode rest = s.deepCopy();
        JsonNode signed = rest.remove("signed");
        if (rest.isEmpty()) {
            tree.set("signed", signed == null ? com.fasterxml.jackson.databind.node.BooleanNode.TRUE : signed);
        } else {
            if (signed != null && !signed.asBoolean(true)) {
                tree.set("signed", signed); // contradicts the rest: the design reader says so, with the place
            }
            tree.set("signing", rest);
        }
    }

    /** Writes the element's own {@code x-} keys (not ours) onto an AsyncAPI object. */
    public static void copyUserExtensions(Map<String, JsonNode> ext, ObjectNode target) {
        ext.forEach((k, v) -> {
            if (!isInternal(k) && v != null) {
                target.set(k, v.deepCopy());
            }
        });
    }

    /** The original key if the element still has the id it was imported with, else null. */
    public static String originalKey(Map<String, JsonNode> ext, String id) {
        JsonNode k = ext.get(KEY);
        if (k != null && k.isObject() && id.equals(Trees.text(k, "id"))) {
            return Trees.text(k, "key");
        }
        return k != null && k.isTextual() ? k.asText() : null;
    }

    /** Runtime expression of a design correlation id ({@code header:x}, {@code payload:x} or an expression). */
    public static String correlationLocation(String correlationId) {
        if (correlationId.startsWith("header:")) {
            return "$message.header#/" + Trees.escape(correlationId.substring(7));
        }
        if (correlationId.startsWith("payload:")) {
            return "$message.payload#/" + Trees.escape(correlationId.substring(8));
        }
        return correlationId;
    }

    /** The design form of a runtime expression: {@code header:x}/{@code payload:x} for top-level fields. */
    public static String correlationShorthand(String location) {
        for (String part : new String[] {"header", "payload"}) {
            String prefix = "$message." + part + "#/";
            if (location.startsWith(prefix)) {
                String rest = location.substring(prefix.length());
                if (!rest.isEmpty() && !rest.contains("/")) {
                    return part + ":" + Trees.unescape(rest);
                }
            }
        }
        return location;
    }
}
