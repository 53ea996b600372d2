package org.chorus.platform.web.problem;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.web.RequestIds;
import org.chorus.platform.web.caller.ScopesNeeded;
import org.chorus.platform.web.input.JsonNestingLimit;
import org.chorus.platform.web.input.JsonTrailingContent;
import org.chorus.platform.web.input.RefusedJsonValue;
import org.chorus.platform.web.input.Vocabulary;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into an RFC 9457 problem document: a caller's mistake gets a 4xx naming the field and the
 * rule; an unreachable or restarting database gets a 503 with Retry-After; anything unexpected gets a bare 500 with
 * a request id and never a stack trace or class name.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Long enough for PostgreSQL to restart or a pool to reconnect, short enough that a person would wait. */
    static final int RETRY_AFTER_SECONDS = 3;

    private final PathOperations operations;

    public ProblemMappers(PathOperations operations) {
        this.operations = operations;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        return respond(Violations.toProblem(e));
    }

    @ServerExceptionMapper
    public Response unreadableField(MismatchedInputException e) {
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith(JsonTrailingContent.JACKSON_MESSAGE)) {
            return respond(ProblemException.badRequest("malformed-body", "Request body is not valid JSON",
                    "The body goes on after its JSON value; send one JSON value", List.of()));
        }
        String pointer = JsonPointers.of(e.getPath());
        String rule = e instanceof UnrecognizedPropertyException unknown ? unknownField(unknown)
                : e instanceof RefusedJsonValue refused ? refused.rule()
                : "expected " + ExpectedForms.of(e.getTargetType()) + nearestName(e);
        if (pointer.isEmpty()) {
            return respond(ProblemException.badRequest("malformed-body", "Request body is not valid",
                    "The body must be a JSON object: " + rule, List.of()));
        }
        return respond(ProblemException.badRequest("malformed-body", "Request body is not valid",
                pointer + ": " + rule, List.of(FieldError.body(pointer, rule))));
    }

    /** For a name the field's enum does not have ("done"), the names it was near ("; did you mean DONE?"). */
    private static String nearestName(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (e instanceof InvalidFormatException invalid && type != null && type.isEnum()
                && invalid.getValue() instanceof String text) {
            return Vocabulary.ofEnum(type).didYouMean(text);
        }
        return "";
    }

    /** Names the fields the object does take, so that a guessed or misspelt one ("optionIds") is put right at once. */
    private static String unknownField(UnrecognizedPropertyException unknown) {
        String rule = "unknown field '" + unknown.getPropertyName() + "'";
        Collection<Object> known = unknown.getKnownPropertyIds();
        if (known == null || known.isEmpty()) {
            return rule;
        }
        return rule + "; the fields here are " + known.stream().map(String::valueOf).sorted()
                .collect(Collectors.joining(", "));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        // Jackson wraps what goes wrong inside an object in a JsonMappingException carrying the path to the field.
        Throwable cause = e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException inner
                ? inner : e;
        if (cause instanceof StreamConstraintsException) {
            return respond(ProblemException.badRequest("malformed-body", "Request body is not valid JSON",
                    "The body is nested more than " + JsonNestingLimit.MAX_DEPTH + " levels deep", List.of()));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                && (cause instanceof InputCoercionException || !(cause instanceof StreamReadException))) {
            // A value Jackson read but could not hold: a number beyond an int, or one a constructor refused.
            String pointer = JsonPointers.of(mapping.getPath());
            String rule = cause instanceof InputCoercionException ? "is out of range for a number here"
                    : "is not a valid value here";
            return respond(ProblemException.badRequest("malformed-body", "Request body is not valid",
                    pointer + ": " + rule, List.of(FieldError.body(pointer, rule))));
        }
        var location = e.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        // Jackson's own words here name the field and nothing of ours: "Duplicate field 'kind'".
        String duplicate = cause instanceof JsonParseException parse && parse.getOriginalMessage() != null
                && parse.getOriginalMessage().startsWith("Duplicate field") ? ": " + parse.getOriginalMessage() : "";
        return respond(ProblemException.badRequest("malformed-body", "Request body is not valid JSON",
                "The body could not be read as JSON" + duplicate + where, List.of()));
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthorized() {
        return respond(new ProblemException(401, "unauthenticated", "Not authenticated",
                "This operation needs a valid API key"));
    }

    /** A key without the scope an operation needs hears which scopes would do and which it holds. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ResourceInfo operation, ContainerRequestContext request) {
        List<String> accepted = operation == null ? List.of()
                : ScopesNeeded.of(operation.getResourceMethod(), operation.getResourceClass());
        String detail = ScopesNeeded.detail(accepted, request.getSecurityContext()::isUserInRole)
                .orElse("The key used does not have the scope this operation needs");
        return respond(ProblemException.missingScope(detail));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, ContainerRequestContext request) {
        // Quarkus wraps body-reading failures; the cause says what was wrong with the JSON.
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return unreadableField(mismatch);
        }
        if (e.getCause() instanceof JsonProcessingException malformed) {
            return malformedJson(malformed);
        }
        // JAX-RS answers a query or path parameter it cannot convert (a malformed date or id) with a bare 404.
        if (e instanceof NotFoundException && e.getCause() != null) {
            return respond(ProblemException.badRequest("invalid-parameter", "Request parameter is not valid",
                    "A query or path parameter is not in the expected form: " + e.getCause().getMessage(),
                    List.of()));
        }
        Optional<Response> unrouted = RoutingProblems.of(e, request, operations);
        if (unrouted.isPresent()) {
            return unrouted.get();
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Request not accepted" : type.getReasonPhrase();
        return respond(new ProblemException(status, Integer.toString(status), title, title));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (InfrastructureFailures.isTransient(e)) {
            return unavailable(e);
        }
        LOG.errorf(e, "Unexpected failure serving request %s", RequestIds.current());
        return respond(new ProblemException(500, "internal", "Internal error",
                "Something went wrong on our side. Quote the request id when asking for help."));
    }

    /** The database (or another part the service needs) cannot serve now; the caller may retry the same request. */
    private static Response unavailable(Throwable e) {
        // An outage makes every request fail alike: one line each, without the stack, keeps the log readable.
        LOG.warnf("Request %s not served, the database is unavailable: %s", RequestIds.current(), rootMessage(e));
        return respond(ProblemException.unavailable(
                "The service's database is unavailable or busy just now. Retry after the time in Retry-After; "
                        + "a retry with the same Idempotency-Key is applied at most once."));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** Every 503 says when to come back, whatever refused the request: a caller's retry logic needs no other rule. */
    static Response respond(ProblemException e) {
        Response.ResponseBuilder response = Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .entity(e.toProblem(RequestIds.current()));
        return (e.status() == 503 ? response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS) : response).build();
    }
}
