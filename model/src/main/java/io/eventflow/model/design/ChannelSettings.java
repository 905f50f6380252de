package io.eventflow.model.design;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The per-kind settings of a channel: one record per broker kind ({@link KindSettings}), {@link #NONE} when the
 * channel has none (always so on a kind without channel settings), or {@link Mixed} when the design file sets keys of
 * more than one kind. Mixed settings are legal on {@code other} brokers and where a kind takes another kind's keys
 * beside its own (its profile's {@code alsoTakes}); elsewhere the validator reports each part that does not fit
 * (EF103). In design files the
 * settings are written flat on the channel; each kind's profile ({@code io.eventflow.model.kind}) maps them.
 */
public sealed interface ChannelSettings permits ChannelSettings.None, ChannelSettings.Mixed, KindSettings {
    /** No per-kind settings. */
    ChannelSettings NONE = new None();

    /** The non-empty settings of each kind, in the order of {@link BrokerKind}. */
    List<KindSettings> parts();

    /** The part of the given type, if the channel sets any of its keys. */
    default <S extends KindSettings> Optional<S> part(Class<S> type) {
        for (KindSettings s : parts()) {
            if (type.isInstance(s)) {
                return Optional.of(type.cast(s));
            }
        }
        return Optional.empty();
    }

    /** These settings with the part of {@code part}'s kind replaced by it (dropped when it is empty). */
    default ChannelSettings with(KindSettings part) {
        List<KindSettings> out = new ArrayList<>();
        for (KindSettings s : parts()) {
            if (s.kind() != part.kind()) {
                out.add(s);
            }
        }
        out.add(part);
        return of(out);
    }

    default boolean isEmpty() {
        return parts().isEmpty();
    }

    /** The ids of the fan-out topics feeding the channel ({@link KindSettings#fedByOrEmpty}), in part order. */
    default List<String> fedBy() {
        List<KindSettings> parts = parts();
        if (parts.size() == 1) {
            return parts.get(0).fedByOrEmpty();
        }
        List<String> out = new ArrayList<>();
        parts.forEach(p -> out.addAll(p.fedByOrEmpty()));
        return out;
    }

    /** The partitions the settings give the channel: those of the part that partitions it, else 1. */
    default int partitionCount() {
        for (KindSettings part : parts()) {
            if (part.partitionCount() != 1) {
                return part.partitionCount();
            }
        }
        return 1;
    }

    /** True when a part makes the channel a fan-out topic ({@link KindSettings#isFanOutTopic}). */
    default boolean isFanOutTopic() {
        return parts().stream().anyMatch(KindSettings::isFanOutTopic);
    }

    /** The settings made of these parts: empty ones are dropped; none is {@link #NONE}, one is that part. */
    static ChannelSettings of(List<? extends KindSettings> parts) {
        List<KindSettings> kept = new ArrayList<>();
        for (KindSettings s : parts) {
            if (s != null && !s.isEmpty()) {
                kept.add(s);
            }
        }
        kept.sort(Comparator.comparing(KindSettings::kind));
        return switch (kept.size()) {
            case 0 -> NONE;
            case 1 -> kept.get(0);
            default -> new Mixed(kept);
        };
    }

    /** No per-kind settings. */
    record None() implements ChannelSettings {
        @Override
        public List<KindSettings> parts() {
            return List.of();
        }
    }

    /**
     * Settings of two or more kinds, each non-empty, in the order of {@link BrokerKind}; built by {@link
     * ChannelSettings#of}.
     */
    record Mixed(List<KindSettings> parts) implements ChannelSettings {
        public Mixed {
            parts = List.copyOf(parts);
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).isEmpty()
                        || i > 0
                                && parts.get(i - 1)
                                                .kind()
                                                .compareTo(parts.get(i).kind())
                                        >= 0) {
                    throw new IllegalArgumentException("mixed settings need non-empty parts of distinct kinds in"
                            + " order: use ChannelSettings.of");
                }
            }
        }
    }
}
