package io.eventflow.live.mqtt;

import io.eventflow.live.Envelope;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a message travels on MQTT. MQTT 5: the body as the payload, the run's headers as user properties (the key as
 * {@code ef-key}). MQTT 3.1.1 has no headers: the payload starts with one line {@code name=value&...} (URL-encoded),
 * a newline, then the body.
 */
final class MqttWire {
    static final String KEY = "ef-key";

    private MqttWire() {}

    /** The user properties of an MQTT 5 message: the wire headers and the key. */
    static Map<String, String> properties(Envelope m) {
        Map<String, String> h = new LinkedHashMap<>(m.wireHeaders());
        if (m.key() != null) {
            h.put(KEY, m.key());
        }
        return h;
    }

    /** The payload: the body (MQTT 5), or the header line and the body (MQTT 3.1.1). */
    static byte[] body(Envelope m, boolean v5) {
        if (v5) {
            return m.payload();
        }
        StringBuilder b = new StringBuilder();
        properties(m).forEach((k, v) -> b.append(b.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length() + 1 + m.payload().length);
        out.writeBytes(b.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(m.payload());
        return out.toByteArray();
    }

    /** The message; null for one this run did not send (or an empty retained message). */
    static Envelope read(Map<String, String> userProperties, byte[] payload, boolean v5) {
        if (v5) {
            Map<String, String> wire = new LinkedHashMap<>(userProperties);
            String key = wire.remove(KEY);
            return Envelope.fromWire(wire, key, payload, -1, -1);
        }
        int nl = -1;
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == '\n') {
                nl = i;
                break;
            }
        }
        if (nl < 0) {
            return null;
        }
        Map<String, String> wire = new LinkedHashMap<>();
        for (String pair : new String(payload, 0, nl, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                wire.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String key = wire.remove(KEY);
        byte[] body = java.util.Arrays.copyOfRange(payload, nl + 1, payload.length);
        return Envelope.fromWire(wire, key, body, -1, -1);
    }
}
