package org.chorus.e2e;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
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
    private static final SchemaValidatorsConfig FORMATS_CHECKED = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private final JsonNode document;

    private DocumentedSchemas(JsonNode document) {
        this.document = document;
    }

    static DocumentedSchemas of(String document) throws JsonProcessingException {
        return new DocumentedSchemas(JSON.readTree(document));
    }

    /**
     * What in the answer its documented schema refuses, each as "where: why"; the operation is named as the document
     * names it ({@code GET /api/v1/actions/{id}}). An answer whose status or media type is not documented is refused
     * too.
     */
    List<String> refusals(String operation, Response answer) throws JsonProcessingException {
        String[] methodAndPath = operation.split(" ", 2);
        String mediaType = answer.contentType().split(";")[0].trim();
        JsonNode schema = document.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase())
                .path("responses").path(String.valueOf(answer.statusCode())).path("content").path(mediaType)
                .path("schema");
        if (!schema.isObject()) {
            return List.of(operation + " documents no " + mediaType + " answer for " + answer.statusCode());
        }
        // The schema's references point into the document's components: carry them along to resolve in place.
        ObjectNode withComponents = schema.deepCopy();
        withComponents.set("components", document.path("components"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(withComponents, FORMATS_CHECKED)
                .validate(JSON.readTree(answer.asString())).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }
}
