package org.chorus.insight.theme;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One finding's proposal of a theme the taxonomy lacks. */
@Entity
@Table(name = "theme_proposal")
public class ThemeProposalEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String label;

    /** Lower case and single-spaced, so that the same idea proposed twice is counted once. */
    @Column(nullable = false)
    public String normalised;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(name = "finding_id", nullable = false)
    public UUID findingId;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;
}
