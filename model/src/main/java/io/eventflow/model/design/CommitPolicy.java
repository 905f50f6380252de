package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * When a consumer commits offsets (a log) or acks messages (a queue).
 *
 * @param mode auto (periodic commit of what was fetched), after-processing or before-processing
 * @param interval auto-commit interval (5s)
 * @param extensions {@code x-} keys kept verbatim
 */
public record CommitPolicy(CommitMode mode, TimeSpan interval, Map<String, JsonNode> extensions) {
    /** Nothing set: every component at its default. */
    public static final CommitPolicy EMPTY = new CommitPolicy(null, null, null);

    public CommitPolicy {
        extensions = Extensions.copy(extensions);
    }

    public CommitPolicy(CommitMode mode, TimeSpan interval) {
        this(mode, interval, Map.of());
    }

    public TimeSpan intervalOrDefault() {
        return interval == null ? TimeSpan.ofSeconds(5) : interval;
    }

    /** A copy with {@code mode} set. */
    public CommitPolicy withMode(CommitMode newMode) {
        return new CommitPolicy(newMode, interval, extensions);
    }

    /** A copy with {@code interval} set. */
    public CommitPolicy withInterval(TimeSpan newInterval) {
        return new CommitPolicy(mode, newInterval, extensions);
    }
}
