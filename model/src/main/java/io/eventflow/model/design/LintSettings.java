package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Per-design lint configuration.
 *
 * @param rules rule id → {@code off}, {@code info}, {@code warning} or {@code error}
 * @param maxMessageSize messages larger than this should use a claim check (256KiB)
 * @param addressPattern regular expression channel addresses must match
 * @param expectedDowntime the outage every subscriber should survive when it sets none itself (1d)
 * @param extensions {@code x-} keys kept verbatim
 */
public record LintSettings(
        Map<String, String> rules,
        DataSize maxMessageSize,
        String addressPattern,
        TimeSpan expectedDowntime,
        Map<String, JsonNode> extensions) {
    public static final LintSettings DEFAULT = new LintSettings(Map.of(), null, null, null);
    /** Lower-case words separated by {@code . _ / -}, with {@code {parameter}} placeholders in any case. */
    public static final String DEFAULT_ADDRESS_PATTERN =
            "^(?:[a-z0-9]|\\{[A-Za-z_][A-Za-z0-9_]*})(?:[a-z0-9._/-]|\\{[A-Za-z_][A-Za-z0-9_]*})*$";

    public LintSettings {
        extensions = Extensions.copy(extensions);
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    public LintSettings(
            Map<String, String> rules, DataSize maxMessageSize, String addressPattern, TimeSpan expectedDowntime) {
        this(rules, maxMessageSize, addressPattern, expectedDowntime, Map.of());
    }

    public DataSize maxMessageSizeOrDefault() {
        return maxMessageSize == null ? DataSize.parse("256KiB") : maxMessageSize;
    }

    public String addressPatternOrDefault() {
        return addressPattern == null ? DEFAULT_ADDRESS_PATTERN : addressPattern;
    }

    public TimeSpan expectedDowntimeOrDefault() {
        return expectedDowntime == null ? TimeSpan.parse("1d") : expectedDowntime;
    }

    public boolean isEmpty() {
        return rules.isEmpty()
                && maxMessageSize == null
                && addressPattern == null
                && expectedDowntime == null
                && extensions.isEmpty();
    }

    /** A copy with {@code maxMessageSize} set. */
    public LintSettings withMaxMessageSize(DataSize newMaxMessageSize) {
        return new LintSettings(rules, newMaxMessageSize, addressPattern, expectedDowntime, extensions);
    }

    /** A copy with {@code addressPattern} set. */
    public LintSettings withAddressPattern(String newAddressPattern) {
        return new LintSettings(rules, maxMessageSize, newAddressPattern, expectedDowntime, extensions);
    }

    /** A copy with {@code expectedDowntime} set. */
    public LintSettings withExpectedDowntime(TimeSpan newExpectedDowntime) {
        return new LintSettings(rules, maxMessageSize, addressPattern, newExpectedDowntime, extensions);
    }

    /** A copy with {@code rules} set. */
    public LintSettings withRules(Map<String, String> newRules) {
        return new LintSettings(newRules, maxMessageSize, addressPattern, expectedDowntime, extensions);
    }
}
