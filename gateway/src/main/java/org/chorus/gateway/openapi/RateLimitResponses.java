package org.chorus.gateway.openapi;

import org.chorus.platform.web.caller.Scopes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Documents the gateway's own 429 on every operation a website's publishable key may call: the services behind it
 * never see those requests, so only the gateway can say that a partner's page must expect it and wait as told.
 */
final class RateLimitResponses {

    static final String STATUS = "429";
    static final String DESCRIPTION = "rate-limited: a publishable key, or one visitor's address, sent more than the "
            + "organisation's limits allow (responses submitted and other requests are counted apart); retry after "
            + "the seconds in Retry-After. Secret keys are not limited.";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PROBLEM = "Problem";

    private RateLimitResponses() {
    }

    /** Adds the 429 to each operation of the merged document whose security allows the public scope. */
    static void document(ObjectNode merged) {
        boolean problemSchema = merged.path("components").path("schemas").has(PROBLEM);
        merged.path("paths").forEach(item -> item.forEach(operation -> {
            if (operation.isObject() && allowsPublishableKeys(operation)
                    && operation.path("responses") instanceof ObjectNode responses && !responses.has(STATUS)) {
                responses.set(STATUS, response(problemSchema));
            }
        }));
    }

    private static boolean allowsPublishableKeys(JsonNode operation) {
        for (JsonNode requirement : operation.path("security")) {
            for (JsonNode scope : requirement.path(OpenApiMerger.SECURITY_SCHEME)) {
                if (Scopes.PUBLIC.equals(scope.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ObjectNode response(boolean problemSchema) {
        ObjectNode response = JSON.objectNode().put("description", DESCRIPTION);
        response.putObject("headers").putObject("Retry-After")
                .put("description", "Whole seconds to wait before trying again")
                .putObject("schema").put("type", "integer");
        ObjectNode schema = response.putObject("content").putObject("application/problem+json").putObject("schema");
        if (problemSchema) {
            schema.put("$ref", "#/components/schemas/" + PROBLEM);
        } else {
            schema.put("type", "object");
        }
        return response;
    }
}
