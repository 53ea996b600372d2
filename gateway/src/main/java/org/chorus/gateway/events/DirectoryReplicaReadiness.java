package org.chorus.gateway.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.gateway.keys.ApiKeyCache;
import org.chorus.gateway.origins.OrganisationCache;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Keeps a gateway replica out of the load balancer until it knows every key and every organisation, so that a valid
 * key is never refused as unknown and no partner page is refused early.
 */
@Readiness
@ApplicationScoped
public class DirectoryReplicaReadiness implements HealthCheck {

    private final DirectoryReplicas replicas;
    private final ApiKeyCache keys;
    private final OrganisationCache organisations;

    public DirectoryReplicaReadiness(DirectoryReplicas replicas, ApiKeyCache keys, OrganisationCache organisations) {
        this.replicas = replicas;
        this.keys = keys;
        this.organisations = organisations;
    }

    @Override
    public HealthCheckResponse call() {
        // Read once: the status and the data it reports must agree while the replicas catch up.
        boolean keysCaughtUp = replicas.keysCaughtUp();
        boolean organisationsCaughtUp = replicas.organisationsCaughtUp();
        return HealthCheckResponse.named("directory-replicas")
                .status(keysCaughtUp && organisationsCaughtUp)
                .withData("keys", keys.size())
                .withData("keysCaughtUp", keysCaughtUp)
                .withData("organisations", organisations.size())
                .withData("organisationsCaughtUp", organisationsCaughtUp)
                .build();
    }
}
