package org.chorus.gateway.keys;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Keeps a replica out of the load balancer until it knows every key, so a valid key is never refused as unknown. */
@Readiness
@ApplicationScoped
public class KeyCacheReadiness implements HealthCheck {

    private final KeyEventReader reader;
    private final ApiKeyCache cache;

    public KeyCacheReadiness(KeyEventReader reader, ApiKeyCache cache) {
        this.reader = reader;
        this.cache = cache;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("api-key-cache")
                .status(reader.caughtUp())
                .withData("keys", cache.size())
                .build();
    }
}
