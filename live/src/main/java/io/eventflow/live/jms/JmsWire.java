package io.eventflow.live.jms;

import io.eventflow.live.Envelope;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a message travels on JMS: a bytes message whose properties carry the run's headers. JMS property names must be
 * Java identifiers, so {@code ef-message-id} travels as {@code ef_message_id}; the key as {@code ef_key}; the
 * correlation id also as JMSCorrelationID.
 */
final class JmsWire {
    static final String KEY = "ef_key";

    private JmsWire() {}

    static BytesMessage write(Session session, Envelope m) throws JMSException {
        BytesMessage msg = session.createBytesMessage();
        msg.writeBytes(m.payload());
        for (Map.Entry<String, String> h : m.wireHeaders().entrySet()) {
            msg.setStringProperty(property(h.getKey()), h.getValue());
        }
        if (m.key() != null) {
            msg.setStringProperty(KEY, m.key());
        }
        msg.setJMSCorrelationID(Long.toString(m.correlationId()));
        return msg;
    }

    /** The message; null for one this run did not send. */
    static Envelope read(Message msg) throws JMSException {
        Map<String, String> wire = new LinkedHashMap<>();
        String key = null;
        for (Object o : Collections.list(msg.getPropertyNames())) {
            String name = o.toString();
            if (name.equals(KEY)) {
                key = msg.getStringProperty(name);
            } else if (name.startsWith("ef_")) {
                wire.put(name.replace('_', '-'), msg.getStringProperty(name));
            }
        }
        byte[] body = new byte[0];
        if (msg instanceof BytesMessage bytes) {
            bytes.reset();
            body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
        }
        return Envelope.fromWire(wire, key, body, -1, -1);
    }

    static String property(String header) {
        return header.replace('-', '_');
    }
}
