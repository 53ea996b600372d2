package org.chorus.badinput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request being built: first as the operation accepts it from the fixture's organisation, then broken in one
 * place by a mutation. Path and query values are kept percent-encoded, as they will be sent.
 */
final class Draft {

    final ApiOperation operation;
    final Map<String, String> pathValues = new LinkedHashMap<>();
    final Map<String, String> query = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    /** Second lines of headers, sent after the first. */
    final Map<String, String> secondLines = new LinkedHashMap<>();
    JsonNode json;
    byte[] rawBody;
    String target;

    private Draft(ApiOperation operation) {
        this.operation = operation;
    }

    /** The operation called as it accepts, by the fixture's organisation with its key holding every secret scope. */
    static Draft valid(ApiOperation operation, Fixture fixture, JsonNode body) {
        Draft draft = new Draft(operation);
        for (ApiOperation.Parameter parameter : operation.parameters(ApiOperation.Location.PATH)) {
            draft.pathValues.put(parameter.name(), pathValue(operation.path(), parameter.name(), fixture));
        }
        for (ApiOperation.Parameter parameter : operation.parameters(ApiOperation.Location.QUERY)) {
            if (parameter.required()) {
                String known = fixture.ids().get(parameter.name());
                draft.query.put(encode(parameter.name()), encode(known != null ? known : validValue(parameter.schema())));
            }
        }
        draft.headers.put("Authorization", "Bearer " + fixture.secretKey());
        if (operation.takesBody()) {
            draft.headers.put("Content-Type", "application/json");
            draft.json = body;
        }
        return draft;
    }

    /**
     * The fixture's id for this operation's path if it has one of its own, else of the collection the parameter sits
     * in: {@code /surveys/{surveyId}/results} names a survey.
     */
    private static String pathValue(String path, String parameter, Fixture fixture) {
        String before = path.substring(0, path.indexOf("{" + parameter + "}") - 1);
        String collection = before.substring(before.lastIndexOf('/') + 1);
        return fixture.ids().getOrDefault(path, fixture.ids().getOrDefault(collection, UUID.randomUUID().toString()));
    }

    /** A value of the schema's form, for parameters the operation cannot do without. */
    static String validValue(JsonNode schema) {
        if (schema.has("example")) {
            return schema.get("example").asText();
        }
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.get("examples").get(0).asText();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        return switch (schema.path("format").asText()) {
            case "date" -> "2024-01-01";
            case "date-time" -> "2024-01-01T00:00:00Z";
            case "uuid" -> UUID.randomUUID().toString();
            default -> schema.path("type").asText().matches("integer|number") ? "10" : "x";
        };
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    BadRequest build(Mutation mutation) {
        String path = operation.path();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        StringBuilder target = new StringBuilder(path);
        query.forEach((name, value) -> target.append(target.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                .append(value));
        Map<String, List<String>> lines = new LinkedHashMap<>();
        headers.forEach((name, value) -> lines.put(name, secondLines.containsKey(name)
                ? List.of(value, secondLines.get(name)) : List.of(value)));
        return new BadRequest(operation.name(), mutation, this.target, operation.method(), target.toString(),
                Map.copyOf(lines), bytes());
    }

    byte[] bytes() {
        if (rawBody != null) {
            return rawBody;
        }
        if (json == null) {
            return null;
        }
        try {
            return Gateway.JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
