package org.chorus.survey.definition;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A published version of a survey; never changed once written. */
@Entity
@Table(name = "survey_version")
public class SurveyVersionEntity {

    @EmbeddedId
    public Key key;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String definition;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    /** Survey id and version number. */
    @Embeddable
    public record Key(@Column(name = "survey_id") UUID surveyId, @Column(name = "version") int version)
            implements Serializable {
    }
}
