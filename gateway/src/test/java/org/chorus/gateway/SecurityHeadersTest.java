package org.chorus.gateway;

import static io.restassured.RestAssured.given;
import static org.chorus.gateway.GatewayTestSupport.issue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class SecurityHeadersTest {

    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    @BeforeEach
    void ready() {
        GatewayTestSupport.awaitReady();
    }

    @Test
    void theGatewaysOwnProblemsCarryEveryHeader() {
        Response response = given().get("/api/v1/nothing-here");
        response.then().statusCode(404);
        assertBrowserHeaders(response, API_CSP);
        response.then().header("Cache-Control", "no-store");
    }

    @Test
    void aServicesAnswerCarriesEveryHeaderOnceAndKeepsItsOwnCacheControl() {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("surveys:manage"), "/api/v1/surveys");

        Response plain = given().header("Authorization", key.bearer()).get("/api/v1/surveys");
        plain.then().statusCode(200).header("Cache-Control", "no-store");
        assertBrowserHeaders(plain, API_CSP);

        Response cacheable = given().header("Authorization", key.bearer())
                .header("X-Stub-Cache-Control", "private, max-age=60").get("/api/v1/surveys");
        cacheable.then().statusCode(200);
        assertTrue(cacheable.headers().getValues("Cache-Control").equals(java.util.List.of("private, max-age=60")),
                "a service's own Cache-Control is kept alone: " + cacheable.headers().getValues("Cache-Control"));
    }

    @Test
    void documentsAndRefusalsCarryTheStrictPolicy() {
        assertBrowserHeaders(given().get("/q/openapi"), API_CSP);
        assertBrowserHeaders(given().get("/q/metrics"), API_CSP);
    }

    @Test
    void swaggerUiGetsAPolicyThatLetsItsOwnScriptsRunAndNothingForeign() {
        Response page = given().get("/q/swagger-ui/");
        page.then().statusCode(200);
        String csp = page.header("Content-Security-Policy");
        assertBrowserHeaders(page, csp);
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("script-src 'self' 'unsafe-inline'"), "the page starts itself inline: " + csp);
        // Every script and stylesheet the page loads must come from the gateway itself, or the policy breaks it.
        Matcher sources = Pattern.compile("(?:src|href)=[\"']([^\"']+)[\"']").matcher(page.asString());
        while (sources.find()) {
            String source = sources.group(1);
            assertTrue(!source.contains("//") || source.startsWith("/"), "foreign source " + source + " would be blocked");
        }
        assertBrowserHeaders(given().get("/q/swagger-ui/swagger-ui.css"), csp);
    }

    @TestHTTPResource(value = "/api/v1/nothing-here", tls = true)
    URL overTls;

    @Test
    void strictTransportSecurityOverHttps() {
        Response response = given().relaxedHTTPSValidation().get(overTls);
        response.then().statusCode(404)
                .header("Strict-Transport-Security", equalTo("max-age=31536000; includeSubDomains"));
        assertBrowserHeaders(response, API_CSP);
    }

    @Test
    void strictTransportSecurityOnlyOverHttpsWhichAPlainRequestCannotClaim() {
        given().get("/api/v1/nothing-here").then().header("Strict-Transport-Security", nullValue());
        // Forwarding headers are not trusted by default, so a caller cannot make the gateway think it is on https.
        given().header("X-Forwarded-Proto", "https").header("Forwarded", "proto=https")
                .get("/api/v1/nothing-here").then()
                .header("Strict-Transport-Security", nullValue());
    }

    static void assertBrowserHeaders(Response response, String csp) {
        response.then()
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", equalTo(csp))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        assertTrue(response.headers().getValues("X-Frame-Options").size() == 1, "one X-Frame-Options header");
        assertTrue(response.headers().getValues("Content-Security-Policy").size() == 1, "one policy, not two");
    }
}
