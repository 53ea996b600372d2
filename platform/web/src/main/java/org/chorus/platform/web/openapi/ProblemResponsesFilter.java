package org.chorus.platform.web.openapi;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Documents the error side of every operation the same way: each 4xx/5xx response is an RFC 9457 problem, and
 * every operation lists the errors its shape brings ({@link StandardProblems}: bad input, no key, missing scope or
 * another organisation's item, no such item, If-Match and Idempotency-Key, invalid body, database unavailable,
 * internal error), and If-Match and Idempotency-Key say what they mean. Resources then declare only the errors special
 * to them, or a description that says more. (Who may call an operation, its security requirement with the scopes it
 * needs, comes from its {@code @RolesAllowed} through Quarkus' own auto-add-security-requirement.) A read that
 * declares a 304 ({@code ETags.NOT_MODIFIED}) gets the If-None-Match parameter that asks for it.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** What Quarkus' auto-add-security-requirement writes for 401 and 403, which says less than ours. */
    private static final Set<String> GENERIC_DESCRIPTIONS = Set.of("Not Authorized", "Not Allowed");
    private static final String IF_NONE_MATCH = "If-None-Match";
    private static final Map<String, String> STANDARD_HEADERS = Map.of(
            "if-match", "The ETag last read",
            "idempotency-key", "Makes retries safe: the same key and body return the first result",
            "if-none-match", "The ETag last read: 304 and no body if it still names what would be sent");

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        pathItem.getOperations().forEach((method, operation) -> addProblems(pathItem, method, operation));
        return pathItem;
    }

    private static void addProblems(PathItem pathItem, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (responses.hasAPIResponse("304")) {
            addIfNoneMatch(operation);
            for (String code : new String[] { "200", "304" }) {
                if (responses.hasAPIResponse(code)) {
                    responses.getAPIResponse(code).addHeader("ETag", OASFactory.createHeader()
                            .description("The record's version (a page's: page), then a digest of this "
                                    + "representation: send it in If-None-Match to read it again, and a record's in "
                                    + "If-Match to change the record")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
                }
            }
        }
        describeStandardHeaders(operation);
        for (var problem : StandardProblems.of(pathItem, method, operation).entrySet()) {
            APIResponse declared = responses.getAPIResponse(problem.getKey());
            if (declared == null || GENERIC_DESCRIPTIONS.contains(declared.getDescription())) {
                responses.addAPIResponse(problem.getKey(), response(problem.getKey(), problem.getValue()));
            }
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (isError(code)) {
                asProblem(response);
            }
        });
        if (operation.getExtensions() != null) {
            operation.removeExtension(OwnershipRule.EXTENSION);
        }
    }

    /** If-Match and Idempotency-Key mean the same on every operation; a resource describes them only to say more. */
    private static void describeStandardHeaders(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            String meaning = parameter.getIn() != Parameter.In.HEADER || parameter.getDescription() != null ? null
                    : STANDARD_HEADERS.get(parameter.getName().toLowerCase(Locale.ROOT));
            if (meaning != null) {
                parameter.setDescription(meaning);
            }
        }
    }

    private static void addIfNoneMatch(Operation operation) {
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && IF_NONE_MATCH.equalsIgnoreCase(p.getName()));
        if (!declared) {
            operation.addParameter(OASFactory.createParameter().name(IF_NONE_MATCH).in(Parameter.In.HEADER)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
    }

    /** SmallRye gives a resource class's {@code @Extension} to its tag as well; the marker is for operations only. */
    @Override
    public Tag filterTag(Tag tag) {
        if (tag.getExtensions() != null) {
            tag.removeExtension(OwnershipRule.EXTENSION);
        }
        return tag;
    }

    private static APIResponse response(String code, String description) {
        APIResponse response = OASFactory.createAPIResponse().description(description);
        if (StandardProblems.UNAVAILABLE.equals(code)) {
            response.addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds to wait before retrying the same request")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
        return response;
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
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .required(java.util.List.of("type", "title", "status"));
    }
}
