package org.chorus.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of the gateway's merged OpenAPI document, with what a generator needs to call it wrongly: its
 * parameters and the schema of its JSON body, references resolved.
 *
 * @param method upper case, e.g. {@code POST}
 * @param path the template, e.g. {@code /api/v1/surveys/{id}}
 * @param parameters its path, query and header parameters
 * @param bodySchema the JSON body's schema, or null when it takes no JSON body
 * @param bodyTypes the media types its body may have; empty when it takes none
 */
public record ApiOperation(String method, String path, List<Parameter> parameters, JsonNode bodySchema,
        List<String> bodyTypes) {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** Where a parameter goes. */
    public enum Location {
        PATH, QUERY, HEADER
    }

    /** A declared parameter; its schema with references resolved. */
    public record Parameter(String name, Location location, JsonNode schema, boolean required) {
    }

    /** "METHOD /path", as the operation is named in reports. */
    public String name() {
        return method + " " + path;
    }

    public List<Parameter> parameters(Location location) {
        return parameters.stream().filter(p -> p.location() == location).toList();
    }

    public boolean takesBody() {
        return !bodyTypes.isEmpty();
    }

    /**
     * Whether its body may be a file people made, a CSV among them: such a body is read as people write spreadsheets,
     * "Focus group " for FOCUS_GROUP, and its JSON form with it.
     */
    public boolean takesFiles() {
        return bodyTypes.contains("text/csv");
    }

    /** Every operation under {@code /api/v1} of an OpenAPI 3 document. */
    public static List<ApiOperation> of(JsonNode document) {
        Schemas schemas = new Schemas(document);
        List<ApiOperation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/v1/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(of(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            operation.getValue(), path.getValue(), schemas));
                }
            });
        });
        return operations;
    }

    private static ApiOperation of(String method, String path, JsonNode operation, JsonNode pathItem,
            Schemas schemas) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode declared : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : declared) {
                JsonNode resolved = schemas.resolve(parameter);
                Location location = switch (resolved.path("in").asText()) {
                    case "path" -> Location.PATH;
                    case "query" -> Location.QUERY;
                    case "header" -> Location.HEADER;
                    default -> null;
                };
                if (location != null) {
                    parameters.add(new Parameter(resolved.path("name").asText(), location,
                            schemas.resolve(resolved.path("schema")), resolved.path("required").asBoolean()));
                }
            }
        }
        JsonNode content = schemas.resolve(operation.path("requestBody")).path("content");
        List<String> types = new ArrayList<>();
        content.fieldNames().forEachRemaining(types::add);
        JsonNode json = content.path("application/json").path("schema");
        return new ApiOperation(method, path, List.copyOf(parameters), json.isMissingNode() ? null : schemas.resolve(json),
                List.copyOf(types));
    }

    /** Resolves {@code $ref}s into the document's components, shallowly: callers resolve each level they walk. */
    static final class Schemas {

        private final JsonNode document;

        Schemas(JsonNode document) {
            this.document = document;
        }

        JsonNode resolve(JsonNode node) {
            JsonNode current = node;
            for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
                current = document.at(current.get("$ref").asText().substring(1));
            }
            if (current.has("allOf") && current.path("allOf").size() == 1 && !current.has("properties")) {
                return resolve(current.path("allOf").get(0));
            }
            return current;
        }
    }
}
