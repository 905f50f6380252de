package io.eventflow.model.design;

import java.util.Map;

/**
 * Per-design lint configuration.
 *
 * @param rules rule id → {@code off}, {@code info}, {@code warning} or {@code error}
 * @param maxMessageSize messages larger than this should use a claim check (256KiB)
 * @param addressPattern regular expression channel addresses must match
 * @param expectedDowntime the outage every subscriber should survive when it sets none itself (1d)
 */
public record LintSettings(
        Map<String, String> rules, DataSize maxMessageSize, String addressPattern, TimeSpan expectedDowntime) {
    public static final LintSettings DEFAULT = new LintSettings(Map.of(), null, null, null);
    public static final String DEFAULT_ADDRESS_PATTERN = "^[a-z0-9{][a-z0-9._/{}-]*$";

    public LintSettings {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
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
        return rules.isEmpty() && maxMessageSize == null && addressPattern == null && expectedDowntime == null;
    }
}
