package org.chorus.platform.outbox;

import java.util.UUID;

/** An event about to be appended to the outbox, before it has a position. */
record PendingEvent(UUID eventId, String topic, String aggregateId, String eventType, String requestId, byte[] data) {
}
