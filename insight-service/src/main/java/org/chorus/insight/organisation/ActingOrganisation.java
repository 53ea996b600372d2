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
}
