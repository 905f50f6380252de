package io.eventflow.simulator.sweep;

import io.eventflow.model.design.Design;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.validate.Levenshtein;
import java.util.ArrayList;
import java.util.List;

/**
 * The element a varied setting belongs to: a service, channel or broker id; for a publication's or subscription's
 * setting, the service and the channel ({@code checkout@orders}; the channel may be left out when the service has only
 * one).
 *
 * @param element the element's id
 * @param channel for publication and subscription settings: the channel; otherwise null
 */
public record ElementRef(String element, String channel) {
    /** How it is written: {@code billing} or {@code checkout@orders}. */
    public String text() {
        return channel == null ? element : element + "@" + channel;
    }

    /**
     * Resolves {@code text} (as written before the setting's key) for {@code setting} in {@code design}.
     *
     * @throws SweepException naming what is wrong, with "did you mean" where something is close
     */
    static ElementRef resolve(Design design, String text, Setting setting) {
        int at = text.indexOf('@');
        String id = at < 0 ? text : text.substring(0, at);
        String channel = at < 0 ? null : text.substring(at + 1);
        return switch (setting.target()) {
            case SERVICE -> new ElementRef(service(design, id, setting).id(), null);
            case CHANNEL -> {
                if (design.channel(id).isEmpty()) {
                    throw unknown(
                            "channel",
                            id,
                            design.channels().stream().map(c -> c.id()).toList(),
                            setting);
                }
                yield new ElementRef(id, null);
            }
            case BROKER -> {
                if (design.broker(id).isEmpty()) {
                    throw unknown(
                            "broker",
                            id,
                            design.brokers().stream().map(b -> b.id()).toList(),
                            setting);
                }
                yield new ElementRef(id, null);
            }
            case PUBLICATION -> {
                Service s = service(design, id, setting);
                List<String> channels = s.publishes().stream()
                        .filter(p -> !p.isChained() && !p.isWill())
                        .map(Publication::channel)
                        .toList();
                yield new ElementRef(s.id(), pick(s, channel, channels, "publishes at a rate on", setting));
            }
            case SUBSCRIPTION -> {
                Service s = service(design, id, setting);
                List<String> channels =
                        s.subscribes().stream().map(Subscription::channel).toList();
                yield new ElementRef(s.id(), pick(s, channel, channels, "subscribes to", setting));
            }
        };
    }

    private static Service service(Design design, String id, Setting setting) {
        return design.service(id)
                .orElseThrow(() -> unknown(
                        "service",
                        id,
                        design.services().stream().map(Service::id).toList(),
                        setting));
    }

    private static String pick(Service s, String channel, List<String> channels, String verb, Setting setting) {
        if (channels.isEmpty()) {
            throw new SweepException("'" + s.id() + "' " + verb + " no channel, so it has no '" + setting.key() + "'");
        }
        if (channel == null) {
            if (channels.size() > 1) {
                throw new SweepException("'" + s.id() + "' " + verb + " " + channels.size() + " channels ("
                        + String.join(", ", channels) + "): name one, e.g. " + s.id() + "@" + channels.get(0) + "."
                        + setting.key());
            }
            return channels.get(0);
        }
        if (!channels.contains(channel)) {
            String close = Levenshtein.closest(channel, channels, false);
            throw new SweepException("'" + s.id() + "' " + verb + " no channel '" + channel + "'"
                    + (close != null ? ": did you mean '" + close + "'?" : " (it " + verb + " " + channels + ")"));
        }
        return channel;
    }

    private static SweepException unknown(String what, String id, List<String> ids, Setting setting) {
        List<String> all = new ArrayList<>(ids);
        String close = Levenshtein.closest(id, all, false);
        return new SweepException(
                "'" + setting.key() + "' is a setting of a " + what + ", and there is no " + what + " '" + id + "'"
                        + (close != null ? ": did you mean '" + close + "'?" : " (" + what + "s: " + all + ")"));
    }
}
