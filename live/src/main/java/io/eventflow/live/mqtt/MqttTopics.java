package io.eventflow.live.mqtt;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Topic names and filters from a channel's name on the broker (the run prefix plus the design's address). An address
 * may have parameters ({@code plant/{siteId}/motors/{deviceId}/vibration}) and MQTT wildcards ({@code +}, {@code #}).
 * A message is published on the address with each parameter (and wildcard) filled: with the message's key where the
 * parameter is the publication's key field, else the parameter's own name. Subscribers use the address as a filter:
 * each parameter becomes {@code +}, wildcards stay.
 */
final class MqttTopics {
    private static final Pattern PARAM = Pattern.compile("\\{([^}/]*)}");

    private MqttTopics() {}

    /**
     * The topic a message with {@code key} is published on.
     *
     * @param keyFields the key fields of the publications on this channel (parameters named so take the key)
     */
    static String topic(String name, String key, Set<String> keyFields) {
        String k = key == null ? null : level(key);
        Matcher m = PARAM.matcher(name);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String param = m.group(1);
            String value = k != null && keyFields.contains(param) ? k : level(param.isEmpty() ? "_" : param);
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        String[] levels = b.toString().split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            if (levels[i].equals("+") || levels[i].equals("#")) {
                levels[i] = k != null ? k : "_";
            }
        }
        return String.join("/", levels);
    }

    /** The filter subscribers use: parameters as {@code +}. */
    static String filter(String name) {
        return PARAM.matcher(name).replaceAll("+");
    }

    /** The shared-subscription filter of {@code group}: {@code $share/GROUP/FILTER}. */
    static String shared(String group, String filter) {
        return "$share/" + level(group) + "/" + filter;
    }

    /** Text made usable as one topic level or share name: no {@code /}, {@code +} or {@code #}. */
    static String level(String s) {
        return s.replace('/', '_').replace('+', '_').replace('#', '_');
    }

    /** A client identifier from a run id (letters, digits, {@code - _ .} kept; others become {@code _}). */
    static String clientId(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
