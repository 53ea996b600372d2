package org.chorus.platform.background;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Asks for a restart when a background loop (relaying the outbox, reading events, folding tallies) was stopped by an
 * error: the service still answers requests, so nothing else would show that its events no longer flow.
 */
@Liveness
@ApplicationScoped
public class BackgroundLoopsLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        List<String> stopped = DaemonLoop.stoppedByErrors();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("background-loops").status(stopped.isEmpty());
        if (!stopped.isEmpty()) {
            response.withData("stoppedByAnError", String.join(", ", stopped));
        }
        return response.build();
    }
}
