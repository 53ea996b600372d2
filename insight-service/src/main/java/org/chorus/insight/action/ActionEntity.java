package org.chorus.insight.action;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.chorus.insight.common.PublishableEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An action row. */
@Entity
@Table(name = "action")
public class ActionEntity extends PublishableEntity {

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
}
