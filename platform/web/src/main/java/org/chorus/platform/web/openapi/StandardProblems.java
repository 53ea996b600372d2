package org.chorus.platform.web.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The error answers an operation can give because of its shape, derived from the operation itself so that no
 * resource writes them by hand:
 * <ul>
 * <li>400 always: bad syntax, an unknown field or a bad parameter, and on every operation a query parameter it
 * does not take or one given twice ({@code ParameterForms});</li>
 * <li>401 and 403 (missing scope) where it is secured, that is unless it declares {@code security: []}; the 403 also
 * names the owner rule on a resource marked with {@link OwnershipRule};</li>
 * <li>404 where its path has a path parameter;</li>
 * <li>409 with an Idempotency-Key parameter; 412 and 428 with an If-Match parameter;</li>
 * <li>422 where it takes a request body;</li>
 * <li>500 and 503 always.</li>
 * </ul>
 * A resource declares an answer itself only to say something this list cannot.
 */
final class StandardProblems {

    static final String UNAVAILABLE = "503";

    private StandardProblems() {
    }

    /** Status code to description, for the operation {@code method} of {@code pathItem}. */
    static Map<String, String> of(PathItem pathItem, PathItem.HttpMethod method, Operation operation) {
        List<Parameter> parameters = parameters(pathItem, operation);
        boolean body = operation.getRequestBody() != null;
        var problems = new LinkedHashMap<String, String>();
        problems.put("400", body || parameters.stream().anyMatch(StandardProblems::refusable)
                ? "Malformed request: unreadable JSON, an unknown field, or a parameter that is malformed, unknown or "
                        + "given twice"
                : "A query parameter was sent: this operation takes none");
        if (secured(operation)) {
            problems.put("401", "No API key, or one that is unknown, revoked or expired");
            problems.put("403", forbidden(method, operation, parameters));
        }
        if (has(parameters, Parameter.In.PATH)) {
            problems.put("404", "Nothing at this path: no such item, or one this caller may not see");
        }
        if (hasHeader(parameters, "idempotency-key")) {
            problems.put("409", "Idempotency-Key reused with another body");
        }
        if (hasHeader(parameters, "if-match")) {
            problems.put("412", "Changed by someone else since the ETag in If-Match");
            problems.put("428", "If-Match missing");
        }
        if (body) {
            problems.put("422", "Not valid: each error names the field (pointer) or parameter and the rule it breaks");
        }
        problems.put("500", "Unexpected failure; quote the requestId when asking for help");
        problems.put(UNAVAILABLE, "The service's database is unreachable or restarting; retry after the seconds in "
                + "Retry-After");
        return problems;
    }

    private static String forbidden(PathItem.HttpMethod method, Operation operation, List<Parameter> parameters) {
        String scope = "The key does not have the scope this operation needs (missing-scope, whose detail names the "
                + "scopes that would do)";
        Object owned = operation.getExtensions() == null ? null : operation.getExtensions().get(OwnershipRule.EXTENSION);
        if (owned != null && method != PathItem.HttpMethod.GET && has(parameters, Parameter.In.PATH)) {
            return scope + ", or the " + owned + " belongs to another organisation (not-owner)";
        }
        return scope;
    }

    private static boolean secured(Operation operation) {
        return operation.getSecurity() == null || !operation.getSecurity().isEmpty();
    }

    private static List<Parameter> parameters(PathItem pathItem, Operation operation) {
        return Stream.of(pathItem.getParameters(), operation.getParameters())
                .filter(list -> list != null)
                .flatMap(List::stream)
                .toList();
    }

    private static boolean has(List<Parameter> parameters, Parameter.In in) {
        return parameters.stream().anyMatch(parameter -> parameter.getIn() == in);
    }

    /** Whether a malformed value of the parameter is a 400: If-None-Match that matches nothing is simply a 200. */
    private static boolean refusable(Parameter parameter) {
        return !(parameter.getIn() == Parameter.In.HEADER && parameter.getName().equalsIgnoreCase("if-none-match"));
    }

    private static boolean hasHeader(List<Parameter> parameters, String name) {
        return parameters.stream().anyMatch(parameter -> parameter.getIn() == Parameter.In.HEADER
                && parameter.getName().toLowerCase(Locale.ROOT).equals(name));
    }
}
