package org.chorus.gateway.routing;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Names a request in the HTTP metrics by its route instead of its path. Every id in a path would otherwise become a
 * metric of its own, and a client probing random paths could flood the registry.
 */
final class MetricsTemplate {

    /** The request-context key Quarkus' Micrometer binder reads the path template from, as Quarkus REST sets it. */
    private static final String KEY = "UrlPathTemplate";

    private MetricsTemplate() {
    }

    static void set(String template) {
        Context context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(KEY, template);
        }
    }
}
