package org.chorus.insight.organisation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What the insight service knows of an organisation: enough to check ownership and activity, nothing more. */
@Entity
@Table(name = "organisation_replica")
public class OrganisationReplicaEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String type;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "place_codes", nullable = false)
    public List<String> placeCodes;

    @Column(nullable = false)
    public boolean active;

    /** Outbox position of the last event applied; an older event arriving late is ignored. */
    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
