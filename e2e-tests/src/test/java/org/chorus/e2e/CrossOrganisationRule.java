package org.chorus.e2e;

import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.specification.RequestSpecification;

/**
 * One declared rule of the cross-organisation table: what another organisation's key, holding the scopes the
 * operation asks for, gets when it calls the operation on the owner's resource with a request the owner may send.
 *
 * @param operation "METHOD /path" as the merged OpenAPI document names it
 * @param scopes the scopes of the key each organisation calls with, {@code +} between several
 * @param outcome what the other organisation gets
 * @param target makes, or finds, the owner's resource the call is about
 * @param call what the request carries beyond its method and path: headers, query, body
 */
record CrossOrganisationRule(String operation, String scopes, Outcome outcome,
        Function<Owner, OwnedResource> target, Call call) {

    /** A path parameter with another after it: the resource's parent (a survey of its response). */
    private static final Pattern OUTER_PARAMETER = Pattern.compile("^(.*?)\\{([^}]+)}(.*\\{[^}]+}.*)$");

    /** What another organisation's call ends in. */
    enum Kind {
        /** Refused, 403 or 404, and the owner's resource unchanged; the owner's identical call goes through. */
        OWNER_ONLY,
        /** Refused with 422 naming the field that refers to the owner's resource; the owner's call goes through. */
        REFERENCE_REFUSED,
        /** Let through: organisations share this by design. */
        ACROSS_BY_DESIGN
    }

    /**
     * @param detail the JSON pointer of the refused field ({@link Kind#REFERENCE_REFUSED}), or why organisations
     *        share the operation ({@link Kind#ACROSS_BY_DESIGN})
     */
    record Outcome(Kind kind, String detail) {
    }

    /** Adds to a request with the caller's key what the operation needs for the target resource. */
    @FunctionalInterface
    interface Call extends BiFunction<RequestSpecification, OwnedResource, RequestSpecification> {
    }

    static CrossOrganisationRule ownerOnly(String operation, String scopes,
            Function<Owner, OwnedResource> target, Call call) {
        return new CrossOrganisationRule(operation, scopes, new Outcome(Kind.OWNER_ONLY, ""), target, call);
    }

    static CrossOrganisationRule referenceRefused(String operation, String scopes, String pointer,
            Function<Owner, OwnedResource> target, Call call) {
        return new CrossOrganisationRule(operation, scopes, new Outcome(Kind.REFERENCE_REFUSED, pointer), target, call);
    }

    static CrossOrganisationRule acrossByDesign(String operation, String scopes, String reason,
            Function<Owner, OwnedResource> target, Call call) {
        return new CrossOrganisationRule(operation, scopes, new Outcome(Kind.ACROSS_BY_DESIGN, reason), target, call);
    }

    String method() {
        return operation.substring(0, operation.indexOf(' '));
    }

    /**
     * The operation's path with the target's id for its path parameter; where the path has two, the first is a value
     * of that name in the answer that created the target (a receipt's surveyId).
     */
    String url(OwnedResource resource) {
        String path = operation.substring(operation.indexOf(' ') + 1);
        Matcher outer = OUTER_PARAMETER.matcher(path);
        if (outer.matches()) {
            path = outer.group(1) + resource.created().getString(outer.group(2)) + outer.group(3);
        }
        return path.replaceAll("\\{[^}]+}", resource.id());
    }

    Set<String> scopeSet() {
        return Set.of(scopes.split("\\" + Tenant.AND));
    }

    @Override
    public String toString() {
        return operation + " with another organisation's " + scopes + " key";
    }
}
