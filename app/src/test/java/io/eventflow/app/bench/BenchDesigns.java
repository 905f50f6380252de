package io.eventflow.app.bench;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Position;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Rate;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Generated designs for the canvas benchmark. */
public final class BenchDesigns {
    private BenchDesigns() {}

    /**
     * A design of {@code elements} elements (3 brokers, a third channels, the rest services) and {@code edges} edges
     * (publications and subscriptions between neighbouring columns), laid out in columns.
     */
    public static Design large(int elements, int edges, long seed) {
        Random rnd = new Random(seed);
        List<Broker> brokers = List.of(
                new Broker("kafka", BrokerKind.KAFKA),
                new Broker("rabbit", BrokerKind.AMQP),
                new Broker("mqtt", BrokerKind.MQTT));
        int channelCount = (elements - brokers.size()) / 3;
        int serviceCount = elements - brokers.size() - channelCount;
        Map<String, Position> layout = new LinkedHashMap<>();
        List<Channel> channels = new ArrayList<>();
        int rows = 16;
        for (int i = 0; i < channelCount; i++) {
            String id = "ch" + i;
            channels.add(new Channel(id, brokers.get(i % 3).id(), "bench." + id + ".v1", List.of("Event")));
            layout.put(id, new Position(300 + (i / rows) * 520, 80 + (i % rows) * 120));
        }
        List<List<Publication>> pubs = new ArrayList<>();
        List<List<Subscription>> subs = new ArrayList<>();
        for (int i = 0; i < serviceCount; i++) {
            pubs.add(new ArrayList<>());
            subs.add(new ArrayList<>());
            int col = i / (2 * rows);
            layout.put(
                    "svc" + i, new Position(40 + col * 520 + (i % 2) * 0, 80 + ((i / 2) % rows) * 120 + (i % 2) * 60));
        }
        int made = 0;
        while (made < edges) {
            int s = rnd.nextInt(serviceCount);
            int col = s / (2 * rows);
            int c = Math.min(channelCount - 1, Math.max(0, col * rows + rnd.nextInt(rows * 2) - rows / 2));
            String ch = "ch" + c;
            boolean publish = rnd.nextBoolean();
            if (publish && pubs.get(s).stream().noneMatch(p -> p.channel().equals(ch))) {
                pubs.get(s).add(new Publication(ch, "Event", Rate.parse("50/s")));
                made++;
            } else if (!publish
                    && subs.get(s).stream().noneMatch(x -> x.channel().equals(ch))) {
                subs.get(s).add(new Subscription(ch, "svc" + s));
                made++;
            }
        }
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < serviceCount; i++) {
            services.add(new Service("svc" + i).withPublishes(pubs.get(i)).withSubscribes(subs.get(i)));
        }
        return Design.empty("Benchmark " + elements + " elements")
                .withBrokers(brokers)
                .withMessages(List.of(new MessageType("Event")))
                .withChannels(channels)
                .withServices(services)
                .withLayout(layout);
    }

    /** One service alone, so the empty canvas has something to drag. */
    public static Design single() {
        return Design.empty("Benchmark empty")
                .withServices(List.of(new Service("svc0")))
                .withLayout(Map.of("svc0", new Position(40, 80)));
    }
}
