package org.chorus.platform.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.chorus.platform.time.StoredTime;
import org.junit.jupiter.api.Test;

class VersionedEntityTest {

    private static final class Record extends VersionedEntity {
    }

    @Test
    void aRecordBeingCreatedChangedWhenItWasCreated() {
        Record created = new Record();
        created.createdAt = Instant.parse("2019-03-14T10:00:00.123456Z");
        created.markChanged();
        assertEquals(created.createdAt, created.updatedAt);
    }

    @Test
    void aStoredRecordChangesNow() {
        Record stored = new Record();
        stored.createdAt = Instant.parse("2019-03-14T10:00:00.123456Z");
        stored.updatedAt = stored.createdAt;
        Instant before = StoredTime.now();
        stored.markChanged();
        assertTrue(!stored.updatedAt.isBefore(before), stored.updatedAt + " before " + before);
    }
}
