package org.chorus.platform.outbox;

import java.time.OffsetDateTime;

/** One unpublished outbox row, as the relay reads it. */
record OutboxRow(long position, String eventId, String topic, String aggregateId, String eventType,
        OffsetDateTime occurredAt, String requestId, byte[] data) {
}
