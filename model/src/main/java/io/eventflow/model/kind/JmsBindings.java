package io.eventflow.model.kind;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JMS's AsyncAPI channel binding. It knows queues and FIFO queues only: topics get no binding (their {@code
 * destination: topic} stays in {@code x-eventflow}), a queue whose type is not set gets none either (the binding's
 * default is queue).
 */
final class JmsBindings implements KindBindings {
    static final String VERSION = "0.0.1";

    @Override
    public List<Protocol> protocols() {
        return List.of(new Protocol(
                "jms",
                Set.of("0.0.1"),
                Map.of(
                        "server",
                        List.of("jmsConnectionFactory", "properties", "clientID"),
                        "channel",
                        List.of("destination", "destinationType"),
                        "message",
                        List.of("headers"))));
    }

    @Override
    public void writeChannel(Channel c, Design design, ObjectNode bindings, Set<String> emitted) {
        if (JmsDestination.of(c).isTopic()) {
            return;
        }
        ObjectNode o = Nodes.NF.objectNode();
        o.put("destination", c.effectiveAddress());
        if (JmsDestination.of(c).type() == JmsDestination.Type.QUEUE) {
            o.put("destinationType", "queue");
            emitted.add("destination");
        }
        o.put("bindingVersion", VERSION);
        bindings.set("jms", o);
    }

    @Override
    public void readChannel(ObjectNode rest, ObjectNode ch, String address, String own) {
        if (!(rest.get("jms") instanceof ObjectNode j)) {
            return;
        }
        if (own != null && own.equals(Nodes.text(j, "destination"))) {
            j.remove("destination");
        }
        if ("queue".equals(Nodes.text(j, "destinationType"))) {
            ch.put("destination", "queue");
            j.remove("destinationType");
        }
        Nodes.dropVersion(j, VERSION);
        Nodes.dropIfEmpty(rest, "jms");
    }
}
