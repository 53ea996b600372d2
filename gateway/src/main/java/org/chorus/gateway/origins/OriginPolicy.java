package org.chorus.gateway.origins;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.contract.ApiKeyData;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

/**
 * Binds keys to their organisation's web pages. Whatever a browser holds is public, so a publishable key copied out of
 * a partner's page must not work from anyone else's, and a secret key must never work from a foreign page at all.
 */
@ApplicationScoped
public class OriginPolicy {

    /** What the policy decided, with words a caller can act on. */
    public enum Verdict {
        ALLOWED(null),
        ORIGIN_NOT_ALLOWED("This API key may not be used from this web origin"),
        ORIGIN_REQUIRED("A publishable key works only from its organisation's web pages, which send an Origin header"),
        ORGANISATION_INACTIVE("The organisation this API key belongs to has been deactivated");

        private final String detail;

        Verdict(String detail) {
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }

    private final OrganisationCache organisations;

    public OriginPolicy(OrganisationCache organisations) {
        this.organisations = organisations;
    }

    public Verdict check(ApiKeyData key, HttpServerRequest request) {
        OrganisationCache.Known organisation = organisations.find(key.organisationId());
        if (organisation != null && !organisation.active()) {
            return Verdict.ORGANISATION_INACTIVE;
        }
        String rawOrigin = request.getHeader(HttpHeaders.ORIGIN);
        String origin = WebOrigins.canonical(rawOrigin);
        if ("publishable".equals(key.kind())) {
            if (rawOrigin == null) {
                return Verdict.ORIGIN_REQUIRED;
            }
            return organisation != null && organisation.allows(origin) ? Verdict.ALLOWED : Verdict.ORIGIN_NOT_ALLOWED;
        }
        // A secret key from no browser, or from the gateway's own pages (Swagger UI), is the server-side use it is for.
        if (rawOrigin == null || sameOrigin(origin, request)) {
            return Verdict.ALLOWED;
        }
        return organisation != null && organisation.allows(origin) ? Verdict.ALLOWED : Verdict.ORIGIN_NOT_ALLOWED;
    }

    /** Whether the page calling is one the gateway itself served; a browser sends an honest Host and Origin. */
    static boolean sameOrigin(String origin, HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (origin == null || authority == null) {
            return false;
        }
        String own = authority.port() > 0
                ? request.scheme() + "://" + authority.host() + ":" + authority.port()
                : request.scheme() + "://" + authority.host();
        return origin.equals(WebOrigins.canonical(own));
    }
}
