package org.chorus.directory.apikey;

/**
 * Secret keys are for servers and carry managed scopes; publishable keys sit in partner websites' pages, where
 * anyone can read them, so they carry only the public scope.
 */
public enum KeyKind {
    SECRET("sk"),
    PUBLISHABLE("pk");

    private final String marker;

    KeyKind(String marker) {
        this.marker = marker;
    }

    /** The part of the key after {@code chorus_} that tells at a glance what kind it is. */
    public String marker() {
        return marker;
    }

    public String eventName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
