package org.chorus.insight.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An action row. */
@Entity
@Table(name = "action")
public class ActionEntity {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String decision;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "finding_ids", nullable = false)
    public List<UUID> findingIds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActionStatus status;

    public String reason;

    @Column(name = "decided_on", nullable = false)
    public LocalDate decidedOn;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Column(nullable = false)
    public boolean published;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
