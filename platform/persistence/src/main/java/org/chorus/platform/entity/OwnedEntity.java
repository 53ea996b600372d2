package org.chorus.platform.entity;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.problem.ProblemException;

/**
 * A record that one organisation owns and alone may change: a survey, an activity, a finding, an action. The
 * resource that serves it says so to the OpenAPI document with {@code OwnershipRule}.
 */
@MappedSuperclass
public abstract class OwnedEntity extends VersionedEntity {

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    /** Makes this a new record of the organisation: a fresh id, so that an event can name it, and its creation time. */
    public void startNew(UUID organisation) {
        id = UUID.randomUUID();
        organisationId = organisation;
        createdAt = StoredTime.now();
    }

    /**
     * The record a caller asked to change, as its lookup (usually locking) found it: 404 when there is none, 403
     * {@code not-owner} when it belongs to another organisation.
     *
     * @param kind what the record is, as a 404 names it ("Finding")
     */
    public static <E extends OwnedEntity> E changeableBy(Caller caller, Optional<E> found, String kind, UUID id) {
        E entity = found.orElseThrow(() -> ProblemException.notFound(kind, id));
        entity.requireChangeableBy(caller, kind.toLowerCase(Locale.ROOT));
        return entity;
    }

    /** Refuses with 403 {@code not-owner} a caller of another organisation; {@code what} names the record. */
    public void requireChangeableBy(Caller caller, String what) {
        caller.requireOwnerOf(organisationId, what,
                "This " + what + " belongs to another organisation; only that organisation can change it");
    }
}
