package org.chorus.e2e;

import static org.chorus.e2e.SystemUnderTest.anonymous;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of the merged OpenAPI document, called with no key, a partner website's publishable key and a
 * secret key of each scope, must do what its documented rule says. An operation that declares no rule fails.
 */
class AccessMatrixIT {

    /**
     * What a partner website's key may do (issue 5): list open surveys and read one, submit a response and erase it
     * again with its receipt, read published findings, actions and the theme taxonomy. Every other operation must
     * refuse it.
     */
    static final Set<String> PUBLISHABLE_OPERATIONS = Set.of(
            "GET /api/v1/surveys",
            "GET /api/v1/surveys/{id}",
            "POST /api/v1/surveys/{surveyId}/responses",
            "DELETE /api/v1/responses/{responseId}",
            "GET /api/v1/findings",
            "GET /api/v1/findings/{id}",
            "GET /api/v1/actions",
            "GET /api/v1/actions/{id}",
            "GET /api/v1/themes");

    private static final List<String> SECRET_SCOPES =
            List.of("directory:manage", "surveys:manage", "insights:write", "insights:read", "exports:read");
    private static final String WEBSITE = "https://www.example.org";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    @Test
    void everyOperationAdmitsExactlyTheCallersItsRuleNames() {
        Map<String, Map<String, Map<String, Object>>> paths = anonymous().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        Keys keys = Keys.issue();
        List<String> failures = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                check(method.toUpperCase(), path, operation, keys, failures);
            }
        }));
        assertTrue(failures.isEmpty(), failures.size() + " access rules broken:\n" + String.join("\n", failures));
    }

    private static void check(String method, String path, Map<String, Object> operation, Keys keys,
            List<String> failures) {
        String name = method + " " + path;
        Set<String> required = requiredScopes(operation);
        if (required == null) {
            failures.add(name + ": declares no access rule (security requirement)");
            return;
        }
        String url = concrete(path);
        expect(name, "no key", call(anonymous(), method, url), false, failures);
        for (String scope : SECRET_SCOPES) {
            boolean allowed = required.isEmpty() || required.contains(scope) || required.contains("secret-key");
            expect(name, "secret key with " + scope, call(as(keys.secret.get(scope)), method, url), allowed, failures);
        }
        boolean forWebsites = required.isEmpty() || required.contains("public");
        if (forWebsites != PUBLISHABLE_OPERATIONS.contains(name)) {
            failures.add(name + ": publishable keys are " + (forWebsites ? "" : "not ")
                    + "admitted, but the list of website operations says otherwise");
        }
        expect(name, "publishable key", call(as(keys.publishable).header("Origin", WEBSITE), method, url),
                forWebsites, failures);
    }

    private static void expect(String operation, String caller, Response response, boolean allowed,
            List<String> failures) {
        int status = response.statusCode();
        boolean refused = status == 401 || status == 403;
        if (status >= 500) {
            failures.add(operation + " with " + caller + ": " + status + " " + response.asString());
        } else if (allowed == refused) {
            failures.add(operation + " with " + caller + ": expected " + (allowed ? "to be let through" : "401/403")
                    + " but got " + status + " " + response.asString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> requiredScopes(Map<String, Object> operation) {
        Object security = operation.get("security");
        if (!(security instanceof List<?> requirements) || requirements.isEmpty()) {
            return null;
        }
        Set<String> scopes = new java.util.TreeSet<>();
        for (Object requirement : requirements) {
            ((Map<String, List<String>>) requirement).values().forEach(scopes::addAll);
        }
        return scopes;
    }

    private static String concrete(String path) {
        Matcher parameter = PATH_PARAMETER.matcher(path);
        StringBuilder url = new StringBuilder();
        while (parameter.find()) {
            String value = parameter.group(1).toLowerCase().contains("code") ? "no-such-place"
                    : UUID.randomUUID().toString();
            parameter.appendReplacement(url, value);
        }
        return parameter.appendTail(url).toString();
    }

    private static Response call(RequestSpecification request, String method, String url) {
        if (Set.of("POST", "PUT", "PATCH").contains(method)) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        return request.request(method, url);
    }

    /** One secret key per scope and a website's publishable key, all of one organisation, known to the gateway. */
    private record Keys(Map<String, String> secret, String publishable) {

        static Keys issue() {
            String organisation = Directory.registerOrganisation("Access Matrix Forum " + UUID.randomUUID(), "VCFSE");
            Map<String, String> secret = new LinkedHashMap<>();
            for (String scope : SECRET_SCOPES) {
                String key = Directory.issueSecretKey(organisation, scope)[1];
                Eventually.status(() -> as(key).get("/api/v1/organisations/" + organisation).statusCode(), 200,
                        Duration.ofSeconds(10));
                secret.put(scope, key);
            }
            String publishable = Directory.issuePublishableKey(organisation);
            // Known to the gateway once the service, not the gateway, answers (a 403 problem of type forbidden).
            Eventually.status(() -> {
                Response response = as(publishable).header("Origin", WEBSITE).get("/api/v1/places");
                return response.statusCode() == 403 && response.asString().contains("/problems/forbidden") ? 1 : 0;
            }, 1, Duration.ofSeconds(10));
            return new Keys(secret, publishable);
        }
    }
}
