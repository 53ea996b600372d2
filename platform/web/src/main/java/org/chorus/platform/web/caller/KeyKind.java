package org.chorus.platform.web.caller;

import java.util.Locale;

/**
 * Secret keys are for servers and carry managed scopes; publishable keys sit in partner websites' pages, where
 * anyone can read them, so they carry only the public scope. The directory stores and shows the kind; events and
 * internal tokens carry its label; the gateway and the services decide by it, all through this one type.
 */
public enum KeyKind {
    SECRET("sk"),
    PUBLISHABLE("pk");

    private final String marker;
    /** Kept, not lower-cased at each call: the gateway asks on every request of a key. */
    private final String label;

    KeyKind(String marker) {
        this.marker = marker;
        this.label = name().toLowerCase(Locale.ROOT);
    }

    /** The part of the key after {@code chorus_} that tells at a glance what kind it is. */
    public String marker() {
        return marker;
    }

    /** How events and internal tokens name the kind. */
    public String label() {
        return label;
    }

    /** Whether an event's or a token's label names this kind; a missing or unknown label names none. */
    public boolean isNamedBy(String label) {
        return this.label.equals(label);
    }
}
