package org.chorus.e2e;

import static org.chorus.e2e.SystemUnderTest.anonymous;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One operation of the gateway's merged OpenAPI document with the scopes it admits: those of its security
 * requirement, and for each parameter that needs more, the {@code x-required-scopes} it names.
 *
 * @param name "METHOD /path"
 * @param scopes any one of which admits a key
 * @param parameterScopes per parameter that needs more, all the scopes a key must hold to use it
 */
record OpenApiOperation(String name, Set<String> scopes, List<Set<String>> parameterScopes) {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** Every operation of the merged document, by name. */
    static Map<String, OpenApiOperation> ofMergedDocument() {
        Map<String, Map<String, Object>> paths = anonymous().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Map<String, OpenApiOperation> operations = new TreeMap<>();
        paths.forEach((path, item) -> item.entrySet().stream().filter(e -> METHODS.contains(e.getKey()))
                .forEach(e -> {
                    String name = e.getKey().toUpperCase(Locale.ROOT) + " " + path;
                    operations.put(name, of(name, asMap(e.getValue())));
                }));
        return operations;
    }

    /** Whether a key holding exactly these scopes is one the operation asks for. */
    boolean asksFor(Set<String> held) {
        return held.size() == 1 && scopes.containsAll(held) || parameterScopes.contains(held);
    }

    private static OpenApiOperation of(String name, Map<String, Object> operation) {
        Set<String> scopes = new TreeSet<>();
        if (operation.get("security") instanceof List<?> requirements) {
            requirements.forEach(requirement -> asMap(requirement).values().forEach(s -> scopes.addAll(strings(s))));
        }
        List<Set<String>> parameterScopes = new ArrayList<>();
        if (operation.get("parameters") instanceof List<?> parameters) {
            parameters.stream().map(p -> asMap(p).get("x-required-scopes")).filter(s -> s != null)
                    .forEach(s -> parameterScopes.add(new TreeSet<>(strings(s))));
        }
        return new OpenApiOperation(name, scopes, parameterScopes);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object json) {
        return (List<String>) json;
    }
}
