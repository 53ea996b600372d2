package org.chorus.survey.definition;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An organisation the directory deactivated, as this service heard it; none of its surveys opens after that. */
@Entity
@Table(name = "departed_organisation")
public class DepartedOrganisationEntity {

    @Id
    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "departed_at", nullable = false)
    public Instant departedAt;
}
