package org.chorus.platform.entity;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.chorus.platform.web.caller.Caller;

/**
 * A record that one organisation owns and alone may change: a survey, an activity, a finding, an action. The
 * resource that serves it says so to the OpenAPI document with {@code OwnershipRule}.
 */
@MappedSuperclass
public abstract class OwnedEntity extends VersionedEntity {

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    /** Refuses with 403 {@code not-owner} a caller of another organisation; {@code what} names the record. */
    public void requireChangeableBy(Caller caller, String what) {
        caller.requireOwnerOf(organisationId, what,
                "This " + what + " belongs to another organisation; only that organisation can change it");
    }
}
