package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A service: one application (one AsyncAPI application). With only {@code publishes} it is drawn as a producer, with
 * only {@code subscribes} as a consumer.
 *
 * @param id stable id, unique in the design
 * @param title human title
 * @param description free text
 * @param instances running instances (1)
 * @param publishes what it publishes
 * @param subscribes what it consumes
 * @param producer how it sends (acks, idempotence, retries)
 * @param requests request/reply exchanges it starts
 * @param external whether it is run by another organisation
 * @param extensions {@code x-} keys kept verbatim
 */
public record Service(
        String id,
        String title,
        String description,
        Integer instances,
        List<Publication> publishes,
        List<Subscription> subscribes,
        ProducerSettings producer,
        List<RequestReply> requests,
        Boolean external,
        Map<String, JsonNode> extensions)
        implements Element {
    public Service {
        Objects.requireNonNull(id, "id");
        publishes = publishes == null ? List.of() : List.copyOf(publishes);
        subscribes = subscribes == null ? List.of() : List.copyOf(subscribes);
        requests = requests == null ? List.of() : List.copyOf(requests);
        extensions = Extensions.copy(extensions);
    }

    public Service(String id) {
        this(id, null, null, null, List.of(), List.of(), null, List.of(), null, Map.of());
    }

    /** How the canvas shows it. */
    public enum Role {
        PRODUCER,
        CONSUMER,
        SERVICE
    }

    /** The extension key that says how a service with no connections yet is drawn: {@code producer} or {@code consumer}. */
    public static final String ROLE_HINT = "x-role";

    /**
     * How the canvas shows it: from what it publishes and consumes; a service with neither yet keeps the role it was
     * created with ({@link #ROLE_HINT}, set by the palette's Producer and Consumer).
     */
    public Role role() {
        boolean sends = !publishes.isEmpty() || !requests.isEmpty();
        boolean receives = !subscribes.isEmpty();
        if (sends && !receives) {
            return Role.PRODUCER;
        }
        if (receives && !sends) {
            return Role.CONSUMER;
        }
        if (!sends && extensions.get(ROLE_HINT) != null) {
            String hint = extensions.get(ROLE_HINT).asText();
            if (hint.equals("producer")) {
                return Role.PRODUCER;
            } else if (hint.equals("consumer")) {
                return Role.CONSUMER;
            }
        }
        return Role.SERVICE;
    }

    /** The same service without {@link #ROLE_HINT} (once connected, what it does decides how it is drawn). */
    public Service withoutRoleHint() {
        if (!extensions.containsKey(ROLE_HINT)) {
            return this;
        }
        Map<String, JsonNode> ext = new java.util.LinkedHashMap<>(extensions);
        ext.remove(ROLE_HINT);
        return new Service(id, title, description, instances, publishes, subscribes, producer, requests, external, ext);
    }

    /** A service with no connections yet, drawn as a producer or a consumer ({@link #ROLE_HINT}). */
    public static Service withRole(String id, Role role) {
        Map<String, JsonNode> ext = role == Role.SERVICE
                ? Map.of()
                : Map.of(
                        ROLE_HINT,
                        com.fasterxml.jackson.databind.node.TextNode.valueOf(
                                role.name().toLowerCase(java.util.Locale.ROOT)));
        return new Service(id, null, null, null, List.of(), List.of(), null, List.of(), null, ext);
    }

    public int instanceCount() {
        return instances == null ? 1 : instances;
    }

    public ProducerSettings producerOrDefault() {
        return producer == null ? new ProducerSettings(null, null, null, null) : producer;
    }

    public Service withId(String newId) {
        return new Service(
                newId, title, description, instances, publishes, subscribes, producer, requests, external, extensions);
    }

    public Service withPublishes(List<Publication> newPublishes) {
        return new Service(
                id, title, description, instances, newPublishes, subscribes, producer, requests, external, extensions);
    }

    public Service withSubscribes(List<Subscription> newSubscribes) {
        return new Service(
                id, title, description, instances, publishes, newSubscribes, producer, requests, external, extensions);
    }

    public Service withInstances(Integer newInstances) {
        return new Service(
                id, title, description, newInstances, publishes, subscribes, producer, requests, external, extensions);
    }

    /** A copy with {@code title} set. */
    public Service withTitle(String newTitle) {
        return new Service(
                id, newTitle, description, instances, publishes, subscribes, producer, requests, external, extensions);
    }

    /** A copy with {@code description} set. */
    public Service withDescription(String newDescription) {
        return new Service(
                id, title, newDescription, instances, publishes, subscribes, producer, requests, external, extensions);
    }

    /** A copy with {@code external} set. */
    public Service withExternal(Boolean newExternal) {
        return new Service(
                id, title, description, instances, publishes, subscribes, producer, requests, newExternal, extensions);
    }

    /** A copy with {@code producer} set. */
    public Service withProducer(ProducerSettings newProducer) {
        return new Service(
                id, title, description, instances, publishes, subscribes, newProducer, requests, external, extensions);
    }

    /** A copy with {@code requests} set. */
    public Service withRequests(List<RequestReply> newRequests) {
        return new Service(
                id, title, description, instances, publishes, subscribes, producer, newRequests, external, extensions);
    }

    @Override
    public <R> R match(
            java.util.function.Function<Broker, R> broker,
            java.util.function.Function<Channel, R> channel,
            java.util.function.Function<Service, R> service,
            java.util.function.Function<MessageType, R> message) {
        return service.apply(this);
    }
}
