package io.eventflow.model.validate;

import io.eventflow.model.design.Keyed;

/** How serious a problem is. Errors make a design invalid; warnings and infos are advice. */
public enum Severity implements Keyed {
    ERROR("error"),
    WARNING("warning"),
    INFO("info");

    private final String key;

    Severity(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return key;
    }
}
