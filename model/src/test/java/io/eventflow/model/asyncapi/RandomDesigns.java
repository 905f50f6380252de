package io.eventflow.model.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.Arrival;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.DataSize;
import io.eventflow.model.design.DeliveryGuarantee;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.ExchangeType;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.MqttTopic;
import io.eventflow.model.design.Partitioner;
import io.eventflow.model.design.Position;
import io.eventflow.model.design.ProducerSettings;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Rate;
import io.eventflow.model.design.RetryPolicy;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random but valid designs, the way an architect would draw them, from a seed. */
final class RandomDesigns {
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;
    private final Random r;

    private RandomDesigns(long seed) {
        this.r = new Random(seed);
    }

    static Design design(long seed) {
        return new RandomDesigns(seed).build();
    }

    private <T> T pick(List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    private boolean maybe() {
        return r.nextBoolean();
    }

    private Design build() {
        List<Broker> brokers = new ArrayList<>();
        List<BrokerKind> kinds = List.of(BrokerKind.KAFKA, BrokerKind.AMQP, BrokerKind.MQTT);
        int nb = 1 + r.nextInt(2);
        for (int i = 0; i < nb; i++) {
            BrokerKind k = pick(kinds);
            brokers.add(new Broker(
                    "broker" + i,
                    k,
                    maybe() ? 3 : null,
                    "host" + i + ":1234",
                    null,
                    maybe() ? "3.5.0" : null,
                    maybe() ? "Broker number " + i : null,
                    Map.of()));
        }
        List<MessageType> messages = new ArrayList<>();
        int nm = 1 + r.nextInt(3);
        for (int i = 0; i < nm; i++) {
            messages.add(message(i));
        }
        List<Channel> channels = new ArrayList<>();
        int nc = 1 + r.nextInt(4);
        for (int i = 0; i < nc; i++) {
            channels.add(channel(i, pick(brokers), messages));
        }
        List<Service> services = new ArrayList<>();
        int ns = 1 + r.nextInt(3);
        for (int i = 0; i < ns; i++) {
            services.add(service(i, channels, brokers));
        }
        Map<String, Position> layout = new LinkedHashMap<>();
        int[] n = {0};
        brokers.forEach(b -> layout.put(b.id(), new Position(40 + 200 * n[0]++, 20)));
        channels.forEach(c -> layout.put(c.id(), new Position(300, 100 + 80 * n[0]++)));
        services.forEach(s -> layout.put(s.id(), new Position(600, 100 + 80 * n[0]++)));
        Map<String, String> notes = maybe() ? Map.of(channels.get(0).id(), "A note") : Map.of();
        return new Design(
                "Random system " + r.nextInt(100),
                maybe() ? "2.0.1" : null,
                maybe() ? "Drawn by a property test" : null,
                brokers,
                messages,
                channels,
                services,
                layout,
                notes,
                null,
                Map.of());
    }

    private MessageType message(int i) {
        ObjectNode payload = NF.objectNode();
        payload.put("title", "Event" + i);
        payload.put("type", "object");
        ObjectNode props = payload.putObject("properties");
        props.putObject("id").put("type", "string").put("format", "uuid");
        if (maybe()) {
            props.putObject("amount").put("type", "number").put("minimum", 0);
        }
        if (maybe()) {
            props.putObject("kind")
                    .put("type", "string")
                    .putArray("enum")
                    .add("a")
                    .add("b");
        }
        payload.putArray("required").add("id");
        JsonNode headers = null;
        String correlation = null;
        if (maybe()) {
            ObjectNode h = NF.objectNode().put("type", "object");
            h.putObject("properties").putObject("correlationId").put("type", "string");
            headers = h;
            correlation = maybe() ? "header:correlationId" : "$message.header#/correlationId/x";
        }
        return new MessageType(
                "Event" + i,
                maybe() ? "event" + i : null,
                maybe() ? "Event " + i : null,
                maybe() ? "Something happened" : null,
                null,
                maybe() ? "application/json" : null,
                null,
                payload,
                headers,
                correlation,
                maybe() ? DataSize.parse("2KiB") : null,
                maybe() ? Boolean.TRUE : null,
                null,
                Map.of());
    }

    private Channel channel(int i, Broker b, List<MessageType> messages) {
        List<String> ms = new ArrayList<>();
        for (MessageType m : messages) {
            if (ms.isEmpty() || maybe()) {
                ms.add(m.id());
            }
        }
        KafkaTopic kafka = null;
        AmqpQueue amqp = null;
        MqttTopic mqtt = null;
        switch (b.kind()) {
            case KAFKA -> kafka = new KafkaTopic(
                    1 + r.nextInt(12),
                    b.nodes() == null ? 1 : 3,
                    maybe() ? 1 : null,
                    maybe() ? TimeSpan.parse(pick(List.of("7d", "12h", "90min"))) : null,
                    maybe() ? DataSize.parse("1GiB") : null,
                    maybe() ? "compact" : null,
                    maybe() ? Partitioner.KEY : null);
            case AMQP -> amqp = new AmqpQueue(
                    maybe() ? "ex" + i : null,
                    maybe() ? ExchangeType.TOPIC : null,
                    maybe() ? "route." + i : null,
                    maybe() ? List.of("route.#") : null,
                    maybe() ? TimeSpan.parse("30s") : null,
                    maybe() ? 1000 : null,
                    null,
                    maybe() ? true : null);
            case MQTT -> mqtt = new MqttTopic(maybe() ? r.nextInt(3) : null, maybe() ? Boolean.TRUE : null);
            default -> {}
        }
        return new Channel(
                "ch" + i,
                b.id(),
                "topic/" + i + ".events",
                ms,
                maybe() ? "Channel " + i : null,
                maybe() ? "Carries events " + i : null,
                maybe() ? Boolean.TRUE : null,
                null,
                kafka,
                amqp,
                mqtt,
                null,
                null,
                null,
                Map.of());
    }

    private Service service(int i, List<Channel> channels, List<Broker> brokers) {
        List<Publication> pubs = new ArrayList<>();
        List<Subscription> subs = new ArrayList<>();
        for (Channel c : channels) {
            int what = r.nextInt(3);
            if (what == 1) {
                String m = maybe() ? c.messages().get(0) : null;
                pubs.add(new Publication(
                        c.id(),
                        m,
                        Rate.parse((1 + r.nextInt(500)) + "/s"),
                        maybe() ? Arrival.POISSON : null,
                        maybe() ? "id" : null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Map.of()));
            } else if (what == 2) {
                BrokerKind k = brokers.stream()
                        .filter(b -> b.id().equals(c.broker()))
                        .findFirst()
                        .get()
                        .kind();
                subs.add(new Subscription(
                        c.id(),
                        maybe() ? "group" + i : null,
                        null,
                        maybe() ? Distribution.exponential(TimeSpan.parse("4ms")) : null,
                        maybe() ? 2 : null,
                        null,
                        maybe() ? DeliveryGuarantee.AT_LEAST_ONCE : null,
                        null,
                        null,
                        null,
                        maybe() ? new RetryPolicy(3, null, TimeSpan.parse("1s"), null, null, null) : null,
                        null,
                        k == BrokerKind.MQTT && maybe() ? 1 : null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Map.of()));
            }
        }
        ProducerSettings producer = maybe() ? new ProducerSettings(null, true, null, null) : null;
        return new Service(
                "svc" + i,
                maybe() ? "Service " + i : null,
                maybe() ? "Does things" : null,
                maybe() ? 2 : null,
                pubs,
                subs,
                producer,
                List.of(),
                null,
                Map.of());
    }
}
