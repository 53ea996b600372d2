package org.chorus.platform.web.openapi;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error side of every operation the same way: each 4xx/5xx response is an RFC 9457 problem, and
 * every operation lists the errors any request can meet (bad input, no key, missing scope, database unavailable,
 * internal error).
 * Operations that take If-Match or Idempotency-Key list the errors those bring (412, 428; 409). Resources then declare
 * only the errors special to them. (Who may call an operation, its security requirement with
 * the scopes it needs, comes from its {@code @RolesAllowed} through Quarkus' own auto-add-security-requirement.)
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String UNAVAILABLE = "503";
    private static final Map<String, String> COMMON = Map.of(
            "400", "Malformed request: unreadable JSON, an unknown field or a bad parameter",
            "401", "No API key, or one that is unknown, revoked or expired",
            "403", "The key does not have the scope this operation needs",
            "500", "Unexpected failure; quote the requestId when asking for help",
            UNAVAILABLE, "The service's database is unreachable or restarting; retry after the seconds in Retry-After");

    /** The errors a request header brings with it, by header name in lower case. */
    private static final Map<String, Map<String, String>> BY_HEADER = Map.of(
            "if-match", Map.of(
                    "412", "Changed by someone else since the ETag in If-Match",
                    "428", "If-Match missing"),
            "idempotency-key", Map.of(
                    "409", "Idempotency-Key reused with another body"));

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (String header : headerParameters(operation)) {
            for (var brought : BY_HEADER.getOrDefault(header, Map.of()).entrySet()) {
                if (!responses.hasAPIResponse(brought.getKey())) {
                    responses.addAPIResponse(brought.getKey(),
                            OASFactory.createAPIResponse().description(brought.getValue()));
                }
            }
        }
        for (var common : COMMON.entrySet()) {
            if (!responses.hasAPIResponse(common.getKey())) {
                APIResponse response = OASFactory.createAPIResponse().description(common.getValue());
                if (UNAVAILABLE.equals(common.getKey())) {
                    response.addHeader("Retry-After", OASFactory.createHeader()
                            .description("Seconds to wait before retrying the same request")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
                }
                responses.addAPIResponse(common.getKey(), response);
            }
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (isError(code)) {
                asProblem(response);
            }
        });
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        var schemas = openAPI.getComponents().getSchemas();
        if (schemas == null || !schemas.containsKey("Problem")) {
            openAPI.getComponents().addSchema("Problem", problemSchema());
        }
    }

    private static List<String> headerParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return List.of();
        }
        return operation.getParameters().stream()
                .filter(parameter -> parameter.getIn() == Parameter.In.HEADER)
                .map(parameter -> parameter.getName().toLowerCase(Locale.ROOT))
                .toList();
    }

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }

    private static void asProblem(APIResponse response) {
        Content content = OASFactory.createContent().addMediaType(PROBLEM_MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
        response.setContent(content);
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("pointer", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("JSON Pointer into the request body").examples(java.util.List.of("/contactEmail")))
                .addProperty("parameter", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Name of an invalid query, path or header parameter"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The rule that was broken"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", text)
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("requestId", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }
}
