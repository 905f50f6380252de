package io.eventflow.model.kind;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How one broker kind's settings map onto AsyncAPI bindings, both ways (a facet of its {@link KindProfile#bindings}):
 * the bindings of its channels, operations and servers, what an import completes once every document is read, and
 * which versions and fields of its protocols' bindings AsyncAPI 3.0 defines. The AsyncAPI mapping asks every kind's
 * bindings in {@code BrokerKind} order; a kind with no binding of its own keeps the defaults (nothing). Settings that
 * do not map exactly stay in {@code x-eventflow}: a write adds the design keys it wrote exactly to {@code emitted}, a
 * read removes from the binding what it took.
 */
public interface KindBindings {
    /** No bindings. */
    KindBindings NONE = new KindBindings() {};

    /** The marker of a binding the export made up from design settings (the import drops it). */
    String DERIVED = "x-eventflow-derived";

    /**
     * A protocol's bindings in AsyncAPI 3.0.
     *
     * @param name the protocol's name in bindings objects, e.g. the kind's key
     * @param versions the {@code bindingVersion}s 3.0 defines (empty: a binding naming a version does not fit 3.0)
     * @param fields per object kind (server, channel, operation, message), the only fields the newest binding has;
     *     an object kind left out takes any fields
     */
    record Protocol(String name, Set<String> versions, Map<String, List<String>> fields) {}

    /** The protocols whose bindings this kind reads and writes, with what 3.0 defines of them. */
    default List<Protocol> protocols() {
        return List.of();
    }

    /** Export: the bindings of {@code channel}, on a broker of this kind, into {@code bindings}. */
    default void writeChannel(Channel channel, Design design, ObjectNode bindings, Set<String> emitted) {}

    /**
     * Import: takes this kind's bindings out of {@code rest} (a copy of a channel's bindings) into {@code channel} (the
     * design channel's tree); {@code address} is the channel's address (null when none), {@code own} the address or
     * else its id. Called for every channel, whatever its broker.
     */
    default void readChannel(ObjectNode rest, ObjectNode channel, String address, String own) {}

    /** Export: the bindings of {@code service}'s send operation on {@code channel}, on a broker of this kind. */
    default void writeSend(Service service, Channel channel, Design design, ObjectNode bindings) {}

    /** Export: the bindings of {@code service}'s receive operation for {@code sub}, on a broker of this kind. */
    default void writeReceive(Service service, Subscription sub, ObjectNode bindings, Set<String> emitted) {}

    /**
     * Import: takes this kind's part of a send operation's {@code bindings}; {@code channel} is the design channel's
     * tree (null when unknown), where settings the binding gives per channel go.
     */
    default void readSend(ObjectNode bindings, String service, ObjectNode channel) {}

    /**
     * Import: takes what a send operation's {@code bindings} say that needs every channel of the import (e.g. the queues
     * a topic feeds); returns the step that applies it once every document is read, or null when there is none (and
     * then leaves the bindings as they are).
     */
    default Consumer<Imported> readSendLater(ObjectNode bindings, String channelId, ObjectNode publication) {
        return null;
    }

    /** Import: takes this kind's part of a receive operation's {@code bindings} into the subscription's tree. */
    default void readReceive(ObjectNode bindings, String service, ObjectNode subscription) {}

    /** The protocol under which the export makes up a server binding (see {@link #deriveServer}); null for none. */
    default String derivedServerBinding() {
        return null;
    }

    /**
     * Export: the server binding of {@code broker} made up from the design (marked {@link #DERIVED}) when the server
     * has none of its own; null when none fits. {@code services} are the exported services.
     */
    default ObjectNode deriveServer(Design design, List<Service> services, Broker broker) {
        return null;
    }

    /** Import: removes from a server object a binding of this kind's the export made up (any server). */
    default void dropDerivedServer(ObjectNode server) {}

    /**
     * Import: the subscription settings a server's own binding gives the document's application on a broker of this
     * kind (design key → value, set where a subscription does not say); empty for none.
     */
    default Map<String, String> subscriptionDefaults(ObjectNode server) {
        return Map.of();
    }

    /** Import, once every document is read and before brokers are made up: completes this kind's channels. */
    default void completeChannels(Imported design) {}

    /** Import, once brokers are made up for channels without one: completes this kind's brokers. */
    default void completeBrokers(Imported design) {}

    /**
     * The unit, in nanoseconds, of a duration channel key of this kind that AsyncAPI writes as a number (the import
     * keeps the design's text when it is the same value); 0 when the key is not one.
     */
    default long nativeTimeUnit(String designKey) {
        return 0;
    }

    /** The design an import is making, as trees, for the steps that complete it. */
    interface Imported {
        List<ObjectNode> channels();

        List<ObjectNode> brokers();

        /** The channel with this id; null when none. */
        ObjectNode channel(String id);

        /** The channel whose address (or id, without one) is {@code name}; null when none. */
        ObjectNode channelByAddress(String name);

        /** Keeps {@code asyncApi} (a part of the element's AsyncAPI object) verbatim on {@code element}. */
        void keepRaw(ObjectNode element, ObjectNode asyncApi);

        /** Keeps {@code bindings} verbatim as the bindings of the operation {@code element} came from. */
        void keepRawBindings(ObjectNode element, ObjectNode bindings);

        /** An information for the user about element {@code id} (what the import assumed, and what to do). */
        void info(String id, String message, String hint);
    }
}
