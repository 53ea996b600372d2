package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.SystemUnderTest.anonymous;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.stream.Collectors;

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
     * again with its receipt, read a survey's results summary once its owner published it (issue 3), read published
     * findings, actions and the theme taxonomy. Every other operation must refuse it.
     */
    static final Set<String> PUBLISHABLE_OPERATIONS = Set.of(
            "GET /api/v1/surveys",
            "GET /api/v1/surveys/{id}",
            "POST /api/v1/surveys/{surveyId}/responses",
            "GET /api/v1/surveys/{surveyId}/results/summary",
            "DELETE /api/v1/responses/{responseId}",
            "GET /api/v1/findings",
            "GET /api/v1/findings/{id}",
            "GET /api/v1/actions",
            "GET /api/v1/actions/{id}",
            "GET /api/v1/themes");

    /**
     * Parameters that need more than their operation's scopes (issue 5: respondents' contact details in exports). The
     * document names those scopes in the parameter's {@code x-required-scopes}, all of which a key must hold; it must
     * declare exactly these, so that losing the declaration cannot quietly drop the rule from the matrix.
     */
    static final Map<String, String> SCOPED_PARAMETERS =
            Map.of("GET /api/v1/surveys/{surveyId}/responses/export", "includeContact");

    private static final List<String> SECRET_SCOPES = List.of("directory:manage", "surveys:manage", "insights:write",
            "insights:read", "exports:read", "contacts:read", "webhooks:manage", "coding:manage", "coding:write",
            "handover:read");
    private static final String REQUIRED_SCOPES = "x-required-scopes";
    private static final String WEBSITE = "https://www.example.org";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    @Test
    void everyOperationAdmitsExactlyTheCallersItsRuleNames() {
        Map<String, Map<String, Map<String, Object>>> paths = anonymous().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        Map<String, Map<String, Object>> operations = new LinkedHashMap<>();
        paths.forEach((path, items) -> items.forEach((method, operation) -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                operations.put(method.toUpperCase() + " " + path, operation);
            }
        }));
        Map<String, Map<String, Set<String>>> scoped = new LinkedHashMap<>();
        operations.forEach((name, operation) -> scoped.put(name, scopedParameters(operation)));
        Map<String, String> declared = new LinkedHashMap<>();
        scoped.forEach((name, parameters) -> parameters.keySet().forEach(parameter -> declared.put(name, parameter)));
        assertEquals(SCOPED_PARAMETERS, declared, "parameters that declare " + REQUIRED_SCOPES);

        Keys keys = Keys.issue(scoped.values().stream().flatMap(p -> p.values().stream()).collect(Collectors.toSet()));
        List<String> failures = new ArrayList<>();
        operations.forEach((name, operation) -> {
            check(name, operation, keys, failures);
            scoped.get(name).forEach((parameter, needed) -> checkScoped(name, parameter, needed, keys, failures));
        });
        assertTrue(failures.isEmpty(), failures.size() + " access rules broken:\n" + String.join("\n", failures));
    }

    private static void check(String name, Map<String, Object> operation, Keys keys, List<String> failures) {
        String method = method(name);
        Set<String> required = requiredScopes(operation);
        if (required == null) {
            failures.add(name + ": declares no access rule (security requirement)");
            return;
        }
        String url = concrete(name.substring(method.length() + 1));
        expect(name, "no key", call(anonymous(), method, url), false, failures);
        for (String scope : SECRET_SCOPES) {
            boolean allowed = required.isEmpty() || required.contains(scope) || required.contains("secret-key");
            Response response = call(as(keys.secret.get(scope)), method, url);
            expect(name, "secret key with " + scope, response, allowed, failures);
            expectScopesNamed(name, "secret key with " + scope, response, allowed, required, failures);
        }
        boolean forWebsites = required.isEmpty() || required.contains("public");
        if (forWebsites != PUBLISHABLE_OPERATIONS.contains(name)) {
            failures.add(name + ": publishable keys are " + (forWebsites ? "" : "not ")
                    + "admitted, but the list of website operations says otherwise");
        }
        Response website = call(as(keys.publishable).header("Origin", WEBSITE), method, url);
        expect(name, "publishable key", website, forWebsites, failures);
        expectScopesNamed(name, "publishable key", website, forWebsites, required, failures);
    }

    /**
     * A key refused for its scopes is told so (403 missing-scope) and told which scopes would do: each the document
     * requires, so that what a partner developer reads and what the key's holder hears agree.
     */
    private static void expectScopesNamed(String operation, String caller, Response response, boolean allowed,
            Set<String> required, List<String> failures) {
        if (allowed || response.statusCode() != 403) {
            return;
        }
        String type = response.path("type");
        String detail = response.path("detail");
        List<String> unnamed = required.stream()
                .filter(scope -> detail == null || !detail.contains(scope.equals("secret-key") ? "secret key" : scope))
                .toList();
        if (type == null || !type.endsWith("/missing-scope") || !unnamed.isEmpty()) {
            failures.add(operation + " with " + caller + ": expected missing-scope naming " + required + " but got "
                    + response.asString());
        }
    }

    /**
     * Using the parameter takes a key that holds every scope it names: a key with any one of them alone is refused
     * (unless one is all it needs), and so are websites; a key with all of them is let through.
     */
    private static void checkScoped(String name, String parameter, Set<String> needed, Keys keys,
            List<String> failures) {
        String method = method(name);
        String url = concrete(name.substring(method.length() + 1)) + "?" + parameter + "=true";
        String asked = name + " with " + parameter;
        expect(asked, "no key", call(anonymous(), method, url), false, failures);
        for (String scope : SECRET_SCOPES) {
            expect(asked, "secret key with " + scope, call(as(keys.secret.get(scope)), method, url),
                    Set.of(scope).containsAll(needed), failures);
        }
        expect(asked, "secret key with " + needed, call(as(keys.combined.get(needed)), method, url), true, failures);
        expect(asked, "publishable key", call(as(keys.publishable).header("Origin", WEBSITE), method, url),
                Set.of("public").containsAll(needed), failures);
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

    /** Each parameter of the operation that declares the scopes it needs, with those scopes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> scopedParameters(Map<String, Object> operation) {
        Map<String, Set<String>> scoped = new LinkedHashMap<>();
        if (operation.get("parameters") instanceof List<?> parameters) {
            for (Object parameter : parameters) {
                Map<String, Object> declared = (Map<String, Object>) parameter;
                if (declared.get(REQUIRED_SCOPES) instanceof List<?> scopes) {
                    scoped.put((String) declared.get("name"), new java.util.TreeSet<>((List<String>) scopes));
                }
            }
        }
        return scoped;
    }

    private static String method(String name) {
        return name.substring(0, name.indexOf(' '));
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

    /**
     * One secret key per scope, one per set of scopes a parameter needs, and a website's publishable key, all of one
     * organisation, known to the gateway.
     */
    private record Keys(Map<String, String> secret, Map<Set<String>, String> combined, String publishable) {

        static Keys issue(Set<Set<String>> combinations) {
            String organisation = Directory.registerOrganisation("Access Matrix Forum " + UUID.randomUUID(), "VCFSE");
            Map<String, String> secret = new LinkedHashMap<>();
            for (String scope : SECRET_SCOPES) {
                secret.put(scope, secretKey(organisation, scope));
            }
            Map<Set<String>, String> combined = new LinkedHashMap<>();
            for (Set<String> scopes : combinations) {
                combined.put(scopes, secretKey(organisation, scopes.toArray(String[]::new)));
            }
            String publishable = Directory.issuePublishableKey(organisation);
            // Known to the gateway once the service, not the gateway, answers (a 403 problem of type missing-scope).
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                Response response = as(publishable).header("Origin", WEBSITE).get("/api/v1/places");
                return response.statusCode() == 403 && response.asString().contains("/problems/missing-scope");
            });
            return new Keys(secret, combined, publishable);
        }

        /** Issues a secret key and waits until the gateway knows it (every secret key may read the directory). */
        private static String secretKey(String organisation, String... scopes) {
            String key = Directory.issueSecretKey(organisation, scopes)[1];
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> as(key).get("/api/v1/organisations/" + organisation).statusCode(), equalTo(200));
            return key;
        }
    }
}
