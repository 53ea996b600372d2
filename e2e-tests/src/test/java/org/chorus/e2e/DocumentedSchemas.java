package org.chorus.e2e;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.restassured.response.Response;

/**
 * The schemas the merged OpenAPI document gives each answer, read by a JSON Schema 2020-12 validator (OpenAPI 3.1's
 * own dialect), as a partner's contract test or strict client reads them.
 */
final class DocumentedSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPONENTS = "components";
    private static final SchemaValidatorsConfig FORMATS_CHECKED = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    /** JSON Schema 2020-12, knowing that a schema here carries the document's components beside it. */
    private static final JsonSchemaFactory VALIDATORS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            factory -> factory.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keyword(new NonValidationKeyword(COMPONENTS)).build()));

    private final JsonNode document;
    /** Path templates by the pattern of the paths they stand for; literal ones first (column-mapping, not {id}). */
    private final List<Map.Entry<Pattern, String>> templates;
    /** Each schema of the document compiled once, by the node it was compiled from. */
    private final Map<JsonNode, JsonSchema> validators = Collections.synchronizedMap(new IdentityHashMap<>());

    private DocumentedSchemas(JsonNode document) {
        this.document = document;
        Iterable<String> paths = document.path("paths")::fieldNames;
        this.templates = StreamSupport.stream(paths.spliterator(), false)
                .sorted(Comparator.comparingLong((String template) -> template.chars().filter(c -> c == '{').count()))
                .map(template -> Map.entry(pattern(template), template))
                .toList();
    }

    /** {@code /api/v1/actions/{id}} stands for any one segment where it names a parameter, and for itself elsewhere. */
    private static Pattern pattern(String template) {
        return Pattern.compile(Arrays.stream(template.split("\\{[^}]+}", -1)).map(Pattern::quote)
                .collect(Collectors.joining("[^/]+")));
    }

    static DocumentedSchemas of(String document) throws JsonProcessingException {
        return new DocumentedSchemas(JSON.readTree(document));
    }

    /** The operation a request is, named as the document names it ({@code GET /api/v1/actions/{id}}). */
    Optional<String> operation(String method, String path) {
        return templates.stream().filter(template -> template.getKey().matcher(path).matches())
                .map(template -> method.toUpperCase() + " " + template.getValue())
                .filter(operation -> operationNode(operation).isObject())
                .findFirst();
    }

    /** Whether the document lists this answer's status for the operation, with a body or without. */
    boolean lists(String operation, Response answer) {
        return operationNode(operation).path("responses").has(String.valueOf(answer.statusCode()));
    }

    /**
     * What in the answer its documented schema refuses, each as "where: why". An answer whose status or media type is
     * not documented is refused too.
     */
    List<String> refusals(String operation, Response answer) throws JsonProcessingException {
        JsonNode schema = schema(operation, answer);
        if (!schema.isObject()) {
            return List.of(operation + " documents no " + mediaType(answer) + " answer for " + answer.statusCode());
        }
        return refusals(schema, answer.asString());
    }

    /**
     * What in a JSON request body the operation's documented body schema refuses; nothing when it documents no JSON
     * body. Asked of a body the API accepted: what a partner may send must be what the document lets a client send.
     */
    List<String> bodyRefusals(String operation, String body) throws JsonProcessingException {
        JsonNode schema = operationNode(operation).path("requestBody").path("content").path("application/json")
                .path("schema");
        return schema.isObject() ? refusals(schema, body) : List.of();
    }

    private List<String> refusals(JsonNode schema, String json) throws JsonProcessingException {
        return validators.computeIfAbsent(schema, this::validator)
                .validate(JSON.readTree(json)).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    /** The schema's references point into the document's components: they are carried along to resolve in place. */
    private JsonSchema validator(JsonNode schema) {
        ObjectNode withComponents = schema.deepCopy();
        withComponents.set(COMPONENTS, document.path(COMPONENTS));
        return VALIDATORS.getSchema(withComponents, FORMATS_CHECKED);
    }

    private JsonNode schema(String operation, Response answer) {
        return operationNode(operation).path("responses").path(String.valueOf(answer.statusCode()))
                .path("content").path(mediaType(answer)).path("schema");
    }

    private JsonNode operationNode(String operation) {
        String[] methodAndPath = operation.split(" ", 2);
        return document.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase());
    }

    private static String mediaType(Response answer) {
        return answer.contentType().split(";")[0].trim();
    }
}
