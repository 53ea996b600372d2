package org.chorus.platform.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * The columns of every record that people change through the API: the version that guards against lost updates (and
 * is the ETag, except on surveys), and when the record was created and last changed. The service sets both times from
 * one clock reading, so that an event carries the same instant as the row.
 */
@MappedSuperclass
public abstract class VersionedEntity {

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
