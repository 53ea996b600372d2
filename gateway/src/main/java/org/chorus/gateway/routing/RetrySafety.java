package org.chorus.gateway.routing;

import java.util.Set;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;

/**
 * Which requests the gateway may send to a service a second time when the first attempt's connection closed before
 * any answer: the service may have acted on the first one, so only requests that mean the same when repeated.
 */
final class RetrySafety {

    /** The header with which the services make a creating or changing request safe to repeat. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** Methods that change nothing. */
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    /** Methods that change something, safe to repeat only when the service deduplicates them by key. */
    private static final Set<HttpMethod> WITH_KEY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private RetrySafety() {
    }

    /** Whether a request with this method and these headers may be sent again. */
    static boolean allowsRetry(HttpMethod method, MultiMap headers) {
        if (changesNothing(method)) {
            return true;
        }
        String key = headers.get(IDEMPOTENCY_KEY);
        return WITH_KEY.contains(method) && key != null && !key.isBlank();
    }

    /** GET, HEAD and OPTIONS: read-only by definition, and sent without a body. */
    static boolean changesNothing(HttpMethod method) {
        return SAFE.contains(method);
    }
}
