package org.chorus.gateway.routing;

/** The problems only the gateway raises, each with its status and stable type slug. */
public enum GatewayProblem {
    UNCLEAR_PATH(400, "invalid-path", "Request path not accepted"),
    MALFORMED_BODY(400, "malformed-body", "Request body is not valid"),
    NOT_FOUND(404, "not-found", "Not found"),
    UNAUTHENTICATED(401, "unauthenticated", "Not authenticated"),
    ORIGIN_NOT_ALLOWED(403, "origin-not-allowed", "Origin not allowed"),
    ORGANISATION_INACTIVE(403, "organisation-inactive", "Organisation deactivated"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    NOT_READY(503, "gateway-starting", "Gateway is starting"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    GATEWAY_TIMEOUT(504, "gateway-timeout", "Service did not answer in time"),
    BAD_GATEWAY(502, "bad-gateway", "Service failed to answer"),
    INTERNAL(500, "internal", "Internal error"),
    TRANSFER_CODING_NOT_IMPLEMENTED(501, "transfer-coding-not-implemented", "Transfer coding not implemented");

    private final int status;
    private final String slug;
    private final String title;

    GatewayProblem(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
