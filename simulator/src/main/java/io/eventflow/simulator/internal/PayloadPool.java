package io.eventflow.simulator.internal;

import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.schema.Example;
import io.eventflow.model.schema.PayloadSchemas;
import io.eventflow.simulator.random.RandomStreams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The encoded examples a run's messages carry with the scenario's {@code payloads: encoded}: for each message type whose
 * payload schema gives an example, a pool of {@value #VARIANTS} seeded variants ({@link PayloadSchemas#variants}), drawn
 * from the run's seed and the type's id; each message picks one from its producer's own stream. Making a variant per
 * message would cost more than the rest of the message's simulation, so a pool it is. The simulator reads only the
 * sizes: no simulated element looks into a message.
 */
public final class PayloadPool {
    /** Variants per message type. */
    public static final int VARIANTS = 64;

    private final Map<String, List<Example>> byType = new HashMap<>();
    private final Map<String, int[]> sizes = new HashMap<>();

    private PayloadPool() {}

    /** The pools of every message type of {@code design} that has a payload schema with an example. */
    public static PayloadPool of(Design design, RandomStreams streams) {
        PayloadPool pool = new PayloadPool();
        for (MessageType m : design.messages()) {
            long seed = streams.stream("payloads:" + m.id()).nextLong();
            List<Example> xs = PayloadSchemas.variants(m, seed, VARIANTS);
            if (!xs.isEmpty()) {
                pool.byType.put(m.id(), xs);
                pool.sizes.put(m.id(), xs.stream().mapToInt(Example::size).toArray());
            }
        }
        return pool;
    }

    /** The encoded sizes of the type's variants, or null when the type has none (its messages keep their size). */
    int[] sizes(String messageType) {
        return messageType == null ? null : sizes.get(messageType);
    }

    /** The type's variants (empty when none). */
    public List<Example> variants(String messageType) {
        return byType.getOrDefault(messageType, List.of());
    }
}
