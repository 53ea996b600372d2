package org.chorus.gateway.origins;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.contract.ApiKeyData;
import org.chorus.platform.web.caller.KeyKind;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

/**
 * Binds keys to their organisation's web pages. Whatever a browser holds is public, so a publishable key copied out of
 * a partner's page must not work from anyone else's, and a secret key must never work from a foreign page at all.
 */
@ApplicationScoped
public class OriginPolicy {

    static final String SEC_FETCH_SITE = "Sec-Fetch-Site";

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
        String origin = pageOrigin(rawOrigin, request);
        if (KeyKind.PUBLISHABLE.isNamedBy(key.kind())) {
            if (origin == null) {
                return rawOrigin == null ? Verdict.ORIGIN_REQUIRED : Verdict.ORIGIN_NOT_ALLOWED;
            }
            return organisation != null && organisation.allows(origin) ? Verdict.ALLOWED : Verdict.ORIGIN_NOT_ALLOWED;
        }
        // A secret key from no browser, or from the gateway's own pages (Swagger UI), is the server-side use it is for.
        if (rawOrigin == null || origin != null && origin.equals(ownOrigin(request))) {
            return Verdict.ALLOWED;
        }
        return organisation != null && organisation.allows(origin) ? Verdict.ALLOWED : Verdict.ORIGIN_NOT_ALLOWED;
    }

    /**
     * The canonical origin of the page calling, or null when unknown. A browser calling from a page the gateway itself
     * served (the example page under /examples/, Swagger UI) sends no Origin on a GET, and on a POST may send "null",
     * as the Fetch standard asks of pages whose Referrer-Policy is no-referrer, like the gateway's. What it does send
     * is Sec-Fetch-Site: same-origin, which no page can set; a script outside a browser can claim it, as it can claim
     * any Origin.
     */
    static String pageOrigin(String rawOrigin, HttpServerRequest request) {
        String origin = WebOrigins.canonical(rawOrigin);
        if (origin == null && "same-origin".equals(request.getHeader(SEC_FETCH_SITE))) {
            return ownOrigin(request);
        }
        return origin;
    }

    /** The gateway's own origin as the browser addressed it; a browser sends an honest Host. */
    static String ownOrigin(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return null;
        }
        String own = authority.port() > 0
                ? request.scheme() + "://" + authority.host() + ":" + authority.port()
                : request.scheme() + "://" + authority.host();
        return WebOrigins.canonical(own);
    }
}
