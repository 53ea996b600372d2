package org.chorus.e2e;

import static org.chorus.e2e.SystemUnderTest.anonymous;
import static org.chorus.e2e.SystemUnderTest.stack;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** The gateway's one OpenAPI document holds the services' operations. */
class MergedOpenApiIT {

    /**
     * Partners generate clients from the document; the generators read it with swagger-parser and name each method by
     * its operationId, so every reference must resolve and every operation needs an id of its own across services.
     */
    @Test
    void readsCleanlyWithTheParserClientGeneratorsUse() {
        String document = anonymous().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        ParseOptions resolveReferences = new ParseOptions();
        resolveReferences.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, resolveReferences);
        assertEquals(List.of(), parsed.getMessages());
        assertNotNull(parsed.getOpenAPI());
        // a client generated from a saved copy calls the gateway, as the stack's public address names it
        assertEquals(List.of(stack().gatewayUrl().toString()),
                parsed.getOpenAPI().getServers().stream().map(server -> server.getUrl()).toList());
        List<PlacedOperation> operations = operations(parsed.getOpenAPI());

        assertEquals(List.of(), operations.stream().filter(placed -> placed.id() == null).map(PlacedOperation::where)
                .toList(), "operations without an operationId");
        Map<String, List<String>> byId = operations.stream().filter(placed -> placed.id() != null)
                .collect(Collectors.groupingBy(PlacedOperation::id, TreeMap::new,
                        Collectors.mapping(PlacedOperation::where, Collectors.toList())));
        assertEquals(List.of(), byId.entrySet().stream().filter(id -> id.getValue().size() > 1).toList(),
                "operationIds used twice");
        assertTrue(byId.keySet().containsAll(List.of("registerOrganisation", "submitResponse", "recordFinding")),
                "each service's operations, by id: " + byId.keySet());
        // A header needs a schema or content (OpenAPI's Header Object); generators read one without as a request body.
        assertEquals(List.of(), operations.stream().flatMap(PlacedOperation::headersWithoutSchema).toList(),
                "response headers without a schema");
        // A generated client types what an operation returns from its schema, and returns nothing without one.
        assertEquals(List.of(), operations.stream().flatMap(PlacedOperation::untypedAnswers).toList(),
                "success answers without a schema");
    }

    /**
     * What a partner's page or backend reads on every visit (surveys, a receipt, problems, a published results summary,
     * and the findings, "you said, we did" actions and activities it shows), and what a partner's developer reads of
     * the directory (organisations, places, API keys, webhook subscriptions, and each secret the once it is issued),
     * and what analysts and Healthwatch staff read (results, coding frames and coded answers, uploads, handover
     * imports): a generated client types a property the schema does not require as optional and nullable, so the fields
     * these answers always carry are required, and their clients need no null checks for them. The answers the tests
     * read are checked against the same schemas (DocumentedAnswers), so a required field ever sent as null fails there.
     */
    @Test
    void theAnswersPartnersReadRequireTheFieldsTheyAlwaysCarry() {
        Map<String, Object> schemas = anonymous().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().path("components.schemas");
        Map<String, List<String>> required = new TreeMap<>();
        for (String name : List.of("PageSurvey", "Survey", "Receipt", "Problem", "Finding", "Action", "Activity",
                "Organisation", "ResultsSummary", "Place", "ApiKey", "IssuedApiKey", "WebhookSubscription",
                "IssuedWebhookSecret", "SurveyResults", "ResultsGroup", "QuestionResults", "Upload", "UploadSummary",
                "CodingFrame", "CodedAnswer", "HandoverImportReport", "HandoverImportCount")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> schema = (Map<String, Object>) schemas.get(name);
            @SuppressWarnings("unchecked")
            List<String> fields = schema == null ? null : (List<String>) schema.get("required");
            required.put(name, fields);
        }
        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("PageSurvey", List.of("items")),
                Map.entry("Survey", List.of("id", "organisationId", "status", "unpublishedChanges", "resultsPublished",
                        "definition", "createdAt", "updatedAt", "revision")),
                Map.entry("Receipt", List.of("responseId", "surveyId", "surveyVersion", "submittedAt")),
                Map.entry("Problem", List.of("type", "title", "status")),
                Map.entry("Finding", List.of("id", "activityId", "organisationId", "statement", "themes",
                        "proposedThemes", "sentiment", "quotes", "published", "heardOn", "placeCodes", "method",
                        "createdAt", "updatedAt", "version")),
                Map.entry("Action", List.of("id", "organisationId", "title", "decision", "findingIds", "status",
                        "decidedOn", "published", "createdAt", "updatedAt", "version")),
                Map.entry("Activity", List.of("id", "organisationId", "title", "method", "startDate", "endDate",
                        "placeCodes", "participantCount", "groupsReached", "stakeholderGroup", "createdAt", "updatedAt",
                        "version")),
                Map.entry("Organisation", List.of("id", "name", "type", "placeCodes", "allowedOrigins", "active",
                        "createdAt", "updatedAt", "version")),
                Map.entry("ResultsSummary", List.of("surveyId", "version", "title", "status", "publishedAt",
                        "language", "suppressionThreshold", "responsesNotYetCounted", "figuresTakenAt", "responses",
                        "questions")),
                Map.entry("Place", List.of("id", "code", "name", "kind")),
                Map.entry("ApiKey", List.of("id", "organisationId", "name", "kind", "prefix", "scopes", "createdAt")),
                Map.entry("IssuedApiKey", List.of("key", "secret")),
                Map.entry("WebhookSubscription", List.of("id", "organisationId", "url", "eventTypes", "status",
                        "createdAt", "version")),
                Map.entry("IssuedWebhookSecret", List.of("subscription", "secret")),
                Map.entry("SurveyResults", List.of("surveyId", "version", "breakdown", "suppressionThreshold",
                        "responsesNotYetCounted", "groups")),
                Map.entry("ResultsGroup", List.of("responses", "questions")),
                Map.entry("QuestionResults", List.of("questionId", "type", "text", "answered")),
                Map.entry("Upload", List.of("id", "organisationId", "format", "mode", "status", "totalRows",
                        "processedRows", "acceptedRows", "updatedRows", "unchangedRows", "rejectedRows", "skippedRows",
                        "createdAt", "rows")),
                Map.entry("UploadSummary", List.of("id", "organisationId", "format", "mode", "status", "totalRows",
                        "processedRows", "acceptedRows", "updatedRows", "unchangedRows", "rejectedRows", "skippedRows",
                        "createdAt")),
                Map.entry("CodingFrame", List.of("id", "name", "version", "latestVersion", "categories", "createdAt")),
                Map.entry("CodedAnswer", List.of("responseId", "questionId", "text", "submittedAt", "version")),
                Map.entry("HandoverImportReport", List.of("counts")),
                Map.entry("HandoverImportCount", List.of("imported", "present")))),
                required);
    }

    private record PlacedOperation(String where, Operation operation) {

        private static final Set<String> NO_BODY = Set.of("202", "204");

        String id() {
            String id = operation.getOperationId();
            return id == null || id.isBlank() ? null : id;
        }

        Stream<String> headersWithoutSchema() {
            return operation.getResponses().entrySet().stream()
                    .filter(answer -> answer.getValue().getHeaders() != null)
                    .flatMap(answer -> answer.getValue().getHeaders().entrySet().stream()
                            .filter(header -> header.getValue().getSchema() == null
                                    && header.getValue().getContent() == null)
                            .map(header -> where + " " + answer.getKey() + " " + header.getKey()));
        }

        /** Each success but 202 and 204 has a body, and each body a schema that says something. */
        Stream<String> untypedAnswers() {
            return operation.getResponses().entrySet().stream()
                    .filter(answer -> answer.getKey().startsWith("2") && !NO_BODY.contains(answer.getKey()))
                    .flatMap(answer -> answer.getValue().getContent() == null
                            ? Stream.of(where + " " + answer.getKey() + " has no body")
                            : answer.getValue().getContent().entrySet().stream()
                                    .filter(body -> saysNothing(body.getValue().getSchema()))
                                    .map(body -> where + " " + answer.getKey() + " " + body.getKey()));
        }

        private static boolean saysNothing(Schema<?> schema) {
            return schema == null || schema.get$ref() == null && schema.getType() == null
                    && (schema.getTypes() == null || schema.getTypes().isEmpty()) && schema.getAnyOf() == null
                    && schema.getOneOf() == null && schema.getAllOf() == null;
        }
    }

    private static List<PlacedOperation> operations(OpenAPI openApi) {
        return openApi.getPaths().entrySet().stream()
                .flatMap(path -> path.getValue().readOperationsMap().entrySet().stream()
                        .map(operation -> new PlacedOperation(operation.getKey() + " " + path.getKey(),
                                operation.getValue())))
                .toList();
    }

    @Test
    void listsTheDirectoryOperations() {
        anonymous().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/organisations"))
                .body("paths", hasKey("/api/v1/organisations/{id}"))
                .body("paths", hasKey("/api/v1/organisations/{organisationId}/api-keys"))
                .body("paths", hasKey("/api/v1/api-keys/{keyId}/revoke"))
                .body("paths", hasKey("/api/v1/places"))
                .body("paths.'/api/v1/organisations'.post.summary", notNullValue())
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", hasKey("Organisation"));
    }

    @Test
    void keepsTheProblemsEachServiceDerivesFromItsOperations() {
        String edit = "paths.'/api/v1/surveys/{id}'.put.responses";
        anonymous().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(edit + ".'403'.description", containsString("the survey belongs to another organisation"))
                .body(edit + ".'404'.content", hasKey("application/problem+json"))
                .body(edit + ".'412'.content", hasKey("application/problem+json"))
                .body(edit + ".'422'.content", hasKey("application/problem+json"))
                .body("paths.'/api/v1/organisations/{id}'.put.responses.'403'.description", not(containsString("not-owner")))
                .body("paths.'/api/v1/places/{code}'.get.responses", hasKey("404"))
                .body("paths.'/api/v1/places/{code}'.get.responses", not(hasKey("422")));
        anonymous().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
