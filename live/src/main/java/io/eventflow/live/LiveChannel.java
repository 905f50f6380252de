package io.eventflow.live;

import io.eventflow.model.design.Channel;
import java.util.Objects;

/**
 * A design channel as the run sees it on the broker.
 *
 * @param channel the design's channel (its kind settings say how to create it)
 * @param name the name on the broker: the run prefix plus the channel's address, or an existing name
 * @param existing true when the user mapped it to an existing topic or queue: used, never created or deleted
 */
public record LiveChannel(Channel channel, String name, boolean existing) {
    public LiveChannel {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(name, "name");
    }

    /** The design's channel id. */
    public String id() {
        return channel.id();
    }
}
