package org.chorus.platform.web.problem;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What a request is told when a path matches but no operation on it takes its method, its body's type or the types
 * its Accept names. The router's own answers said only "Method Not Allowed" and the like; a partner's developer needs
 * what was sent and what would do.
 */
final class RoutingProblems {

    /** Where each operation's body and answer types are listed. */
    private static final String DOCUMENT = "the API document (/q/openapi)";

    private RoutingProblems() {
    }

    /** Empty for any other failure. */
    static Optional<Response> of(WebApplicationException e, ContainerRequestContext request,
            PathOperations operations) {
        if (e instanceof NotAllowedException) {
            return Optional.of(methodNotAllowed(request, operations));
        }
        if (e instanceof NotSupportedException) {
            return Optional.of(ProblemMappers.respond(ProblemException.unsupportedMediaType(unreadType(request))));
        }
        if (e instanceof NotAcceptableException) {
            return Optional.of(ProblemMappers.respond(new ProblemException(406, "not-acceptable", "Not Acceptable",
                    "No type that Accept names (" + request.getHeaderString(HttpHeaders.ACCEPT) + ") is one this "
                            + "operation answers in: send Accept: application/json, or */*; exports also answer in "
                            + "the types " + DOCUMENT + " lists for them")));
        }
        return Optional.empty();
    }

    private static Response methodNotAllowed(ContainerRequestContext request, PathOperations operations) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        Set<String> allowed = operations.methodsAt(path);
        // HEAD follows from GET: the detail names the operations a caller chooses between
        String choices = allowed.stream().filter(m -> !m.equals(HttpMethod.HEAD)).collect(Collectors.joining(", "));
        Response problem = ProblemMappers.respond(new ProblemException(405, "method-not-allowed",
                "Method Not Allowed", request.getMethod() + " is not an operation on " + path
                        + (choices.isEmpty() ? "" : "; it takes " + choices)));
        // RFC 9110: a 405 names the methods the target does take
        return Response.fromResponse(problem).header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
    }

    private static String unreadType(ContainerRequestContext request) {
        String sent = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (sent == null || sent.isBlank()) {
            return "The body has no Content-Type: send JSON as application/json; uploads and handovers take the "
                    + "types " + DOCUMENT + " lists for them";
        }
        try {
            MediaType.valueOf(sent);
        } catch (IllegalArgumentException notAType) {
            return "Content-Type '" + sent + "' is not a media type: send JSON as application/json";
        }
        return "This operation does not read a body of type '" + sent + "': send JSON as application/json; uploads "
                + "and handovers take the types " + DOCUMENT + " lists for them";
    }
}
