package org.chorus.platform.outbox;

/** A round stopped at a row the broker did not accept; the rows before it were accepted. */
class PartialPublishException extends RuntimeException {

    private final int published;

    PartialPublishException(int published, Throwable cause) {
        super("broker accepted " + published + " events, then: " + cause.getMessage(), cause);
        this.published = published;
    }

    int published() {
        return published;
    }
}
