package org.chorus.insight.organisation;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.problem.ProblemException;

/**
 * Decides whether a caller may write as its organisation: only an organisation that the directory says is active
 * may record insight, and only its own records may be changed by it.
 */
@ApplicationScoped
public class ActingOrganisation {

    private final OrganisationReplicaRepository replicas;

    public ActingOrganisation(OrganisationReplicaRepository replicas) {
        this.replicas = replicas;
    }

    /**
     * @return the caller's organisation id
     * @throws ProblemException 422 when the organisation is unknown to the replica or deactivated
     */
    public UUID requireActive(Caller caller) {
        UUID id = caller.organisationId();
        if (replicas.findActive(id).isEmpty()) {
            throw new ProblemException(422, "organisation-not-active", "Organisation cannot record insight",
                    "Organisation " + id + " is not an active organisation of the partnership directory; "
                            + "a newly registered organisation is known here within seconds");
        }
        return id;
    }

    /**
     * Readers may see every organisation's records, so hiding their existence would protect nothing: another
     * organisation's attempt to change one is a plain 403.
     *
     * @throws ProblemException 403 when the record belongs to another organisation
     */
    public static void requireOwner(Caller caller, UUID owner, String what) {
        if (!caller.belongsTo(owner)) {
            throw new ProblemException(403, "not-owner", "Not your organisation's record",
                    "This " + what + " belongs to another organisation; only that organisation can change it");
        }
    }
}
