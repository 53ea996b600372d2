package org.chorus.platform.web.problem;

import java.util.List;

/** Thrown anywhere in a service to answer the caller with a problem document instead of a result. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    /** The service cannot serve now and the same request may be sent again; the answer says when, in Retry-After. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail);
    }

    /** A 415 whose detail says what to send instead, for a body an operation reads in its own method. */
    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported Media Type", detail);
    }

    /** 403 for a key without a scope the request needs; the detail names the scopes that would do. */
    public static ProblemException missingScope(String detail, FieldError... errors) {
        return new ProblemException(403, "missing-scope", "Missing scope", detail, List.of(errors));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? describe(errors.get(0)) : errors.size() + " parts of the request are not valid";
        return new ProblemException(422, "validation", "Request is not valid", detail, errors);
    }

    public static ProblemException invalidField(String pointer, String rule) {
        return invalid(List.of(FieldError.body(pointer, rule)));
    }

    public static ProblemException badRequest(String slug, String title, String detail, List<FieldError> errors) {
        return new ProblemException(400, slug, title, detail, errors);
    }

    /** A 400 naming the request parameter that is not valid and the rule it breaks. */
    public static ProblemException invalidParameter(String name, String rule) {
        return badRequest("invalid-parameter", "Request parameter is not valid", name + ": " + rule,
                List.of(FieldError.parameter(name, rule)));
    }

    static String describe(FieldError error) {
        String where = error.pointer() != null ? error.pointer() : error.parameter();
        return where + ": " + error.detail();
    }

    public Problem toProblem(String requestId) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), requestId, errors);
    }

    public int status() {
        return status;
    }
}
