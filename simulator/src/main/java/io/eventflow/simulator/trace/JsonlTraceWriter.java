package io.eventflow.simulator.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.util.concurrent.ConcurrentHashMap;

/** Writes every trace event as one JSON object per line: {@code {"kind": "published", "time": ..., ...}}. */
public final class JsonlTraceWriter implements TraceSink {
    private static final ConcurrentHashMap<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    public JsonlTraceWriter(Writer out) {
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
    }

    @Override
    public void accept(TraceEvent event) {
        line.setLength(0);
        toJson(event, line);
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends {@code event} as a JSON object to {@code b}. */
    public static void toJson(TraceEvent event, StringBuilder b) {
        b.append("{\"kind\":\"").append(event.kind()).append('"');
        RecordComponent[] comps = COMPONENTS.computeIfAbsent(event.getClass(), Class::getRecordComponents);
        for (RecordComponent c : comps) {
            Object v;
            try {
                v = c.getAccessor().invoke(event);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            b.append(",\"").append(c.getName()).append("\":");
            if (v instanceof String s) {
                quote(s, b);
            } else {
                b.append(v);
            }
        }
        b.append('}');
    }

    static void quote(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        b.append('"');
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
