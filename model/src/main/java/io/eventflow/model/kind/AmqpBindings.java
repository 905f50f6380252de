package io.eventflow.model.kind;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** AMQP's AsyncAPI channel binding: the queue a channel is (its durability), or the exchange it publishes through. */
final class AmqpBindings implements KindBindings {
    static final String VERSION = "0.3.0";

    @Override
    public List<Protocol> protocols() {
        return List.of(
                new Protocol(
                        "amqp",
                        Set.of("0.3.0"),
                        Map.of(
                                "operation",
                                List.of(
                                        "expiration",
                                        "userId",
                                        "cc",
                                        "priority",
                                        "deliveryMode",
                                        "mandatory",
                                        "bcc",
                                        "timestamp",
                                        "ack"),
                                "message",
                                List.of("contentEncoding", "messageType"),
                                "channel",
                                List.of("is", "exchange", "queue"))),
                new Protocol("amqp1", Set.of(), Map.of()));
    }

    @Override
    public void writeChannel(Channel c, Design design, ObjectNode bindings, Set<String> emitted) {
        AmqpQueue q = AmqpQueue.of(c);
        ObjectNode o = Nodes.NF.objectNode();
        if (q.exchange() != null) {
            o.put("is", "routingKey");
            ObjectNode ex = o.putObject("exchange");
            ex.put("name", q.exchange());
            emitted.add("exchange");
            if (q.exchangeType() != null) {
                ex.put("type", q.exchangeType().key());
                emitted.add("exchangeType");
            }
        } else {
            o.put("is", "queue");
            ObjectNode queue = o.putObject("queue");
            queue.put("name", c.effectiveAddress());
            if (q.durable() != null) {
                queue.put("durable", q.durable());
                emitted.add("durable");
            }
        }
        o.put("bindingVersion", VERSION);
        bindings.set("amqp", o);
    }

    @Override
    public void readChannel(ObjectNode rest, ObjectNode ch, String address, String own) {
        if (!(rest.get("amqp") instanceof ObjectNode a)) {
            return;
        }
        String is = Nodes.text(a, "is");
        if (a.get("exchange") instanceof ObjectNode ex && Nodes.text(ex, "name") != null) {
            ch.put("exchange", Nodes.text(ex, "name"));
            ex.remove("name");
            String type = Nodes.text(ex, "type");
            if (type != null && List.of("direct", "topic", "fanout", "headers").contains(type)) {
                ch.put("exchangeType", type);
                ex.remove("type");
            }
            if (ex.isEmpty()) {
                a.remove("exchange");
            }
            if ("routingKey".equals(is)) {
                a.remove("is");
            }
        } else if (a.get("queue") instanceof ObjectNode q && !a.has("exchange")) {
            if (q.get("durable") != null && q.get("durable").isBoolean()) {
                ch.put("durable", q.get("durable").booleanValue());
                q.remove("durable");
            }
            if (address != null && address.equals(Nodes.text(q, "name"))) {
                q.remove("name");
            }
            if (q.isEmpty()) {
                a.remove("queue");
            }
            if ("queue".equals(is)) {
                a.remove("is");
            }
        }
        Nodes.dropVersion(a, VERSION);
        Nodes.dropIfEmpty(rest, "amqp");
    }
}
