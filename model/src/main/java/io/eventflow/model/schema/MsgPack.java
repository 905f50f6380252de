package io.eventflow.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * JSON values as MessagePack (msgpack-core): maps, arrays, strings, booleans and nil as such, whole numbers in the
 * smallest integer encoding, fractions as float 64.
 */
final class MsgPack {
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;

    private MsgPack() {}

    static byte[] encode(JsonNode value) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            pack(p, value);
            p.flush();
            return p.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pack(MessageBufferPacker p, JsonNode v) throws IOException {
        if (v.isObject()) {
            p.packMapHeader(v.size());
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                p.packString(e.getKey());
                pack(p, e.getValue());
            }
        } else if (v.isArray()) {
            p.packArrayHeader(v.size());
            for (JsonNode x : v) {
                pack(p, x);
            }
        } else if (v.isTextual()) {
            p.packString(v.asText());
        } else if (v.isBoolean()) {
            p.packBoolean(v.asBoolean());
        } else if (v.isIntegralNumber()) {
            p.packBigInteger(v.bigIntegerValue());
        } else if (v.isNumber()) {
            p.packDouble(v.asDouble());
        } else {
            p.packNil();
        }
    }

    static JsonNode decode(byte[] bytes) {
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(bytes)) {
            JsonNode v = unpack(u);
            if (u.hasNext()) {
                throw new IllegalStateException("bytes left after the value");
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode unpack(MessageUnpacker u) throws IOException {
        ValueType t = u.getNextFormat().getValueType();
        switch (t) {
            case MAP -> {
                ObjectNode o = NF.objectNode();
                int n = u.unpackMapHeader();
                for (int i = 0; i < n; i++) {
                    String k = u.unpackString();
                    o.set(k, unpack(u));
                }
                return o;
            }
            case ARRAY -> {
                ArrayNode a = NF.arrayNode();
                int n = u.unpackArrayHeader();
                for (int i = 0; i < n; i++) {
                    a.add(unpack(u));
                }
                return a;
            }
            case STRING -> {
                return NF.textNode(u.unpackString());
            }
            case BOOLEAN -> {
                return NF.booleanNode(u.unpackBoolean());
            }
            case INTEGER -> {
                return NF.numberNode(u.unpackBigInteger());
            }
            case FLOAT -> {
                return NF.numberNode(u.unpackDouble());
            }
            default -> {
                u.unpackNil();
                return NF.nullNode();
            }
        }
    }
}
