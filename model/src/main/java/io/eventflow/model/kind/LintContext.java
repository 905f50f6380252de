package io.eventflow.model.kind;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import java.util.List;
import java.util.Locale;

/**
 * What a kind's lint rules ({@link KindProfile#lintChannel} and its siblings) report to and may ask about the design;
 * the linter implements it.
 */
public interface LintContext {
    Design design();

    /** One finding of rule {@code rule} (the design may have switched it off or re-levelled it). */
    void report(String rule, String element, String pointer, String message, String hint);

    /** The instances of the services in consumer group {@code group} on {@code channel}, all together. */
    int groupInstances(String group, String channel);

    /** How long the subscriber may be down: its own {@code maxDowntime}, else {@code lint.expectedDowntime}. */
    TimeSpan downtime(Subscription sub);

    /** The ids of the channel's message types that read as commands, in the channel's order. */
    List<String> commands(Channel c);

    /** True when a service publishes on the channel (a last will does not count). */
    default boolean isPublished(Channel c) {
        return design().services().stream()
                .flatMap(s -> s.publishes().stream())
                .anyMatch(pub -> pub.channel().equals(c.id()) && !pub.isWill());
    }

    /**
     * Messages per second published on the channel at a rate, all instances together (chained publications have no
     * rate and count 0).
     */
    default double rateInto(Channel c) {
        double sum = 0;
        for (var s : design().services()) {
            for (var pub : s.publishes()) {
                if (pub.channel().equals(c.id()) && pub.rate() != null) {
                    sum += pub.rate().perSecond();
                }
            }
        }
        return sum;
    }

    /** A rate for a message: whole numbers without decimals, else two. */
    static String formatRate(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.format(Locale.ROOT, "%.2f", rate);
    }

    /** The time one message is held: the distribution's max when it has one, else its mean. */
    static TimeSpan holdTime(Distribution dist) {
        if (dist.max() != null) {
            return dist.max();
        }
        return TimeSpan.ofNanos(Math.round(dist.meanNanos()));
    }
}
