package org.chorus.gateway.origins;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Keeps a replica out of the load balancer until it knows every organisation, so no partner page is refused early. */
@Readiness
@ApplicationScoped
public class OrganisationCacheReadiness implements HealthCheck {

    private final OrganisationEventReader reader;
    private final OrganisationCache cache;

    public OrganisationCacheReadiness(OrganisationEventReader reader, OrganisationCache cache) {
        this.reader = reader;
        this.cache = cache;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("organisation-cache")
                .status(reader.caughtUp())
                .withData("organisations", cache.size())
                .build();
    }
}
