package org.chorus.platform.handover;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.web.caller.Caller;

import io.vertx.core.http.HttpServerResponse;

/**
 * What every service's handover resource does, written once: it binds the service's part, the handovers and the
 * caller, and answers with the part's tables. A subclass keeps the GET itself with its annotations (its
 * {@link HandoverOperations} documents the rest), because neither SmallRye OpenAPI nor Quarkus' security reads an
 * {@code @Operation} or {@code @RolesAllowed} on a method that overrides an annotated one.
 */
public abstract class HandoverPartResource {

    private final HandoverPart part;
    private final Handovers handovers;
    private final Caller caller;
    private final Function<UUID, List<HandoverSection>> sections;

    /** For the client proxy CDI makes of a request-scoped resource only: the proxy delegates, it never answers. */
    protected HandoverPartResource() {
        this(null, null, null, null);
    }

    /** @param sections the part's tables of the organisation with the given id, in the order the package holds them */
    protected HandoverPartResource(HandoverPart part, Handovers handovers, Caller caller,
            Function<UUID, List<HandoverSection>> sections) {
        this.part = part;
        this.handovers = handovers;
        this.caller = caller;
        this.sections = sections;
    }

    /**
     * The answer to GET {@code /api/v1/handover/<part>?organisation=}: the package, streamed, or a problem; to a HEAD,
     * which comes here too, the GET's headers alone.
     */
    protected Response answer(String organisation, HttpServerResponse response, Request request) {
        if (HttpMethod.HEAD.equals(request.getMethod())) {
            return handovers.describe(part, caller, organisation);
        }
        return handovers.answer(part, caller, organisation, sections, auditDetails(), response::closed);
    }

    /** The caller the part is handed to, for a part whose contents depend on its scopes. */
    protected Caller caller() {
        return caller;
    }

    /** What the audit entry says beyond the part and the organisation; nothing unless a part says more. */
    protected Map<String, String> auditDetails() {
        return Map.of();
    }
}
