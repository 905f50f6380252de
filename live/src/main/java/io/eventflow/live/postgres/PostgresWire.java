package io.eventflow.live.postgres;

import io.eventflow.live.Envelope;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a message travels as a NOTIFY payload (text, under 8,000 bytes; NOTIFY has no headers): the run's headers as one
 * line {@code name=value&...} (URL-encoded, the key as {@code ef-key}), a newline, then the body.
 */
final class PostgresWire {
    static final String KEY = "ef-key";

    private PostgresWire() {}

    static String write(Envelope m) {
        StringBuilder b = new StringBuilder();
        Map<String, String> h = new LinkedHashMap<>(m.wireHeaders());
        if (m.key() != null) {
            h.put(KEY, m.key());
        }
        h.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.append('\n')
                .append(new String(m.payload(), StandardCharsets.UTF_8))
                .toString();
    }

    /** The message; null for a notification this run did not send. */
    static Envelope read(String payload) {
        if (payload == null) {
            return null;
        }
        int nl = payload.indexOf('\n');
        if (nl < 0) {
            return null;
        }
        Map<String, String> wire = new LinkedHashMap<>();
        for (String pair : payload.substring(0, nl).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                wire.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String key = wire.remove(KEY);
        return Envelope.fromWire(wire, key, payload.substring(nl + 1).getBytes(StandardCharsets.UTF_8), -1, -1);
    }
}
