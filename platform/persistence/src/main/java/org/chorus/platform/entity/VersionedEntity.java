package org.chorus.platform.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.chorus.platform.time.StoredTime;

/**
 * The columns of every record that people change through the API: its id, the version that guards against lost
 * updates (and is the ETag, except on surveys), and when the record was created and last changed. The service sets
 * both times from one clock reading, so that an event carries the same instant as the row.
 */
@MappedSuperclass
public abstract class VersionedEntity {

    /** Chosen by the service when it creates the record, so that the id can go into the same transaction's event. */
    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Records that the record changed now. A record being created changed when it was created: its updatedAt is its
     * createdAt, so that a later updatedAt always means someone changed it.
     */
    public void markChanged() {
        updatedAt = updatedAt == null && createdAt != null ? createdAt : StoredTime.now();
    }
}
