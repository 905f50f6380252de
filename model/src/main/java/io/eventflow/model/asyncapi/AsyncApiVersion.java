package io.eventflow.model.asyncapi;

/** The AsyncAPI versions written by {@link AsyncApiExporter}. */
public enum AsyncApiVersion {
    V3_0("3.0.0"),
    V2_6("2.6.0");

    private final String text;

    AsyncApiVersion(String text) {
        this.text = text;
    }

    /** The version string written as {@code asyncapi:}, e.g. {@code 3.0.0}. */
    public String text() {
        return text;
    }

    /**
     * Reads {@code 3.0}, {@code 3.0.0}, {@code asyncapi-3.0}, {@code 2.6}, {@code 2.6.0} or {@code asyncapi-2.6}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static AsyncApiVersion parse(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(java.util.Locale.ROOT).replaceFirst("^asyncapi-", "");
        return switch (v) {
            case "3", "3.0", "3.0.0" -> V3_0;
            case "2.6", "2.6.0" -> V2_6;
            default -> throw new IllegalArgumentException(
                    "'" + s + "' is not an AsyncAPI version this tool writes: use 3.0 or 2.6");
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
