package org.chorus.survey.definition;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.chorus.platform.entity.OwnedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A survey row: its state, and the draft definition as JSON while it has unpublished edits. */
@Entity
@Table(name = "survey")
public class SurveyEntity extends OwnedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SurveyStatus status;

    @Column(nullable = false)
    public String title;

    /** Null when everything is published. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String draft;

    @Column(name = "published_version")
    public Integer publishedVersion;

    @Column(name = "opens_at")
    public Instant opensAt;

    @Column(name = "closes_at")
    public Instant closesAt;

    /** When the owner published the results summary for everyone; null while it is not published. */
    @Column(name = "results_published_at")
    public Instant resultsPublishedAt;

    public boolean resultsPublished() {
        return resultsPublishedAt != null;
    }

    /** Whether a respondent could answer it at this moment. */
    public boolean acceptsResponsesAt(Instant now) {
        return status == SurveyStatus.OPEN && (opensAt == null || !now.isBefore(opensAt))
                && (closesAt == null || now.isBefore(closesAt));
    }
}
