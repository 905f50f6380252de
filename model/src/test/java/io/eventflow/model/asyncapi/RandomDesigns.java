package io.eventflow.model.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.Arrival;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.ChannelSettings;
import io.eventflow.model.design.DataSize;
import io.eventflow.model.design.DeliveryGuarantee;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.ExchangeType;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.MqttTopic;
import io.eventflow.model.design.Partitioner;
import io.eventflow.model.design.Position;
import io.eventflow.model.design.ProducerSettings;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Rate;
import io.eventflow.model.design.RedisStream;
import io.eventflow.model.design.RetryPolicy;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Signing;
import io.eventflow.model.design.SigningAlgorithm;
import io.eventflow.model.design.SqsQueue;
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
        List<BrokerKind> kinds = List.of(
                BrokerKind.KAFKA,
                BrokerKind.AMQP,
                BrokerKind.MQTT,
                BrokerKind.SQS,
                BrokerKind.REDIS,
                BrokerKind.POSTGRES,
                BrokerKind.JMS);
        int nb = 1 + r.nextInt(3);
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
            channels.add(channel(i, pick(brokers), messages, channels));
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
                maybe() ? signing() : null,
                null,
                null,
                Map.of());
    }

    private TimeSpan maybeSpan(String... texts) {
        return maybe() ? TimeSpan.parse(pick(List.of(texts))) : null;
    }

    /** SQS queue or SNS topic settings; topics and dead-letter queues come from the channels drawn before. */
    private SqsQueue sqs(Broker b, List<Channel> before) {
        List<String> topics = new ArrayList<>();
        for (Channel c : before) {
            if (b.id().equals(c.broker()) && SqsQueue.of(c).isTopic() && maybe()) {
                topics.add(c.id());
            }
        }
        if (topics.isEmpty() && maybe()) {
            return new SqsQueue(true, null, null, null, maybe() ? maybe() : null, null, maybeSpan("1d", "2h"));
        }
        return new SqsQueue(
                maybe() ? Boolean.FALSE : null,
                topics.isEmpty() ? null : topics,
                maybeSpan("30s", "1min", "90s", "1500ms", "12h", "0s"),
                maybe() ? 1 + r.nextInt(5) : null,
                maybe() ? maybe() : null,
                maybeSpan("20s", "0s", "5s", "250ms"),
                maybeSpan("4d", "14d", "60s", "1h", "90min", "1.5min", "90500ms"));
    }

    private String deadLetterQueue(Broker b, List<Channel> before) {
        for (Channel c : before) {
            if (b.id().equals(c.broker()) && !SqsQueue.of(c).isTopic() && maybe()) {
                return c.id();
            }
        }
        return null;
    }

    private Channel channel(int i, Broker b, List<MessageType> messages, List<Channel> before) {
        List<String> ms = new ArrayList<>();
        for (MessageType m : messages) {
            if (ms.isEmpty() || maybe()) {
                ms.add(m.id());
            }
        }
        KafkaTopic kafka = null;
        AmqpQueue amqp = null;
        MqttTopic mqtt = null;
        SqsQueue sqs = null;
        RedisStream redis = null;
        JmsDestination jms = null;
        String deadLetter = null;
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
            case SQS -> {
                sqs = sqs(b, before);
                deadLetter = sqs.isTopic() ? null : deadLetterQueue(b, before);
            }
            case REDIS -> redis = new RedisStream(maybe() ? 1 + r.nextInt(100_000) : null);
            case JMS -> jms = new JmsDestination(
                    maybe() ? pick(List.of(JmsDestination.Type.QUEUE, JmsDestination.Type.TOPIC)) : null);
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
                deadLetter,
                ChannelSettings.of(java.util.Arrays.asList(kafka, amqp, mqtt, sqs, redis, jms)),
                null,
                maybe() ? signing() : null,
                Map.of());
    }

    private Service service(int i, List<Channel> channels, List<Broker> brokers) {
        List<Publication> pubs = new ArrayList<>();
        List<Subscription> subs = new ArrayList<>();
        for (Channel c : channels) {
            int what = r.nextInt(3);
            BrokerKind k = brokers.stream()
                    .filter(b -> b.id().equals(c.broker()))
                    .findFirst()
                    .get()
                    .kind();
            if (what == 2 && SqsQueue.of(c).isTopic()) {
                what = 1;
            }
            if (what == 1) {
                pubs.add(publication(c, k));
            } else if (what == 2) {
                subs.add(subscription(i, c, k));
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

    private Publication publication(Channel c, BrokerKind k) {
        String m = maybe() ? c.messages().get(0) : null;
        boolean will = k == BrokerKind.MQTT && r.nextInt(4) == 0;
        TimeSpan transaction = k == BrokerKind.POSTGRES ? maybeSpan("50ms", "1s", "2min") : null;
        Double rollback = transaction != null && maybe() ? pick(List.of(5.0, 12.5, 100.0)) : null;
        return new Publication(
                c.id(),
                m,
                will ? null : Rate.parse((1 + r.nextInt(500)) + "/s"),
                !will && maybe() ? Arrival.POISSON : null,
                maybe() ? "id" : null,
                null,
                null,
                null,
                null,
                will ? Boolean.TRUE : null,
                transaction,
                rollback,
                Map.of());
    }

    private Subscription subscription(int i, Channel c, BrokerKind k) {
        boolean mqtt = k == BrokerKind.MQTT;
        return new Subscription(
                c.id(),
                maybe() ? "group" + i : null,
                null,
                maybe() ? Distribution.exponential(TimeSpan.parse("4ms")) : null,
                maybe() ? 2 : null,
                null,
                maybe() ? pick(List.of(DeliveryGuarantee.AT_LEAST_ONCE, DeliveryGuarantee.AT_MOST_ONCE)) : null,
                null,
                null,
                null,
                maybe() ? new RetryPolicy(3, null, TimeSpan.parse("1s"), null, null, null) : null,
                null,
                mqtt && maybe() ? r.nextInt(3) : null,
                null,
                maybe() ? TimeSpan.parse("10min") : null,
                k == BrokerKind.JMS && JmsDestination.of(c).isTopic() && maybe() ? maybe() : null,
                mqtt ? maybeSpan("0s", "1h", "90s", "1500ms") : null,
                mqtt && maybe() ? 1 + r.nextInt(100) : null,
                k == BrokerKind.REDIS ? maybeSpan("30s", "1min") : null,
                null,
                null,
                maybe() ? Boolean.FALSE : null,
                Map.of());
    }

    private Signing signing() {
        if (maybe()) {
            return Signing.SIGNED;
        }
        SigningAlgorithm a = pick(List.of(SigningAlgorithm.values()));
        return new Signing(true, a, maybe() ? "key-" + r.nextInt(9) : null, null, null);
    }
}
