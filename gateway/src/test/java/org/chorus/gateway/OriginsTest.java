package org.chorus.gateway;

import static io.restassured.RestAssured.given;
import static org.chorus.gateway.GatewayTestSupport.pollUntil;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** What a partner's website relies on, and what stops anyone else's page from using its keys. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class OriginsTest {

    private static final String SURVEYS = "/api/v1/surveys";

    private String site;
    private TestOrganisations.TestOrganisation partner;

    @BeforeEach
    void ready() {
        GatewayTestSupport.awaitReady();
        site = TestOrganisations.uniqueOrigin();
        partner = TestOrganisations.register(site, TestOrganisations.uniqueOrigin());
    }

    @Test
    void aPublishableKeyWorksFromItsOrganisationsPageAndTheBrowserMayReadTheAnswer() {
        TestKeyEvents.TestKey key = partner.publishableKey();
        Response response = awaitStatus(key, site, 200);
        response.then()
                .header("Access-Control-Allow-Origin", site)
                .header("Vary", containsString("Origin"))
                .header("Access-Control-Expose-Headers", "Location, ETag, Link, X-Request-Id, Retry-After")
                .header("Access-Control-Allow-Credentials", nullValue())
                .body("token.keyKind", equalTo("publishable"));
    }

    @Test
    void theOriginIsComparedAsABrowserWouldSerialiseIt() {
        TestKeyEvents.TestKey key = partner.publishableKey();
        awaitStatus(key, site, 200);
        String spelledDifferently = "HTTPS://" + site.substring("https://".length()).toUpperCase() + ":443";
        call(key, spelledDifferently).then().statusCode(200);
        call(key, site + ":8443").then().statusCode(403);
        call(key, site.replace("https://", "http://")).then().statusCode(403);
    }

    @Test
    void aPublishableKeyCopiedToAnotherPageOrAServerIsRefused() {
        TestKeyEvents.TestKey key = partner.publishableKey();
        awaitStatus(key, site, 200);

        String evil = TestOrganisations.uniqueOrigin();
        Response foreign = call(key, evil);
        assertOriginRefused(foreign);
        foreign.then().header("Access-Control-Allow-Origin", nullValue());

        assertOriginRefused(call(key, null));
        assertOriginRefused(call(key, "null"));
    }

    @Test
    void anotherPartnersOriginDoesNotUnlockThisPartnersKey() {
        String otherSite = TestOrganisations.uniqueOrigin();
        TestOrganisations.register(otherSite);
        TestKeyEvents.TestKey key = partner.publishableKey();
        awaitStatus(key, site, 200);
        // The other partner's page may call the API, so it may read the refusal, but the key is not its to use.
        Response refused = pollUntil(() -> call(key, otherSite),
                r -> r.statusCode() == 403 && otherSite.equals(r.header("Access-Control-Allow-Origin")),
                Duration.ofSeconds(10), "the other partner's page was not told");
        assertOriginRefused(refused);
    }

    @Test
    void aSecretKeyNeverWorksFromAForeignPage() {
        TestKeyEvents.TestKey key = partner.secretKey("surveys:manage");
        awaitStatus(key, null, 200);
        assertOriginRefused(call(key, TestOrganisations.uniqueOrigin()));
        call(key, site).then().statusCode(200);
        // Swagger UI served by the gateway itself sends the gateway's own origin.
        String host = call(key, null).jsonPath().getString("headers.x-forwarded-host[0]");
        Response own = call(key, "http://" + host);
        assertEquals(200, own.statusCode(), host + " / " + RestAssured.baseURI + " " + own.asString());
    }

    @Test
    void thePagesTheGatewayServesUseAPublishableKeyOfAnOrganisationAllowingTheGatewaysOrigin() {
        String gateway = RestAssured.baseURI + ":" + RestAssured.port;
        TestKeyEvents.TestKey key = TestOrganisations.register(gateway).publishableKey();
        // A browser sends no Origin on a same-origin GET, and may send "null" on a same-origin POST; it always says
        // Sec-Fetch-Site, which no page can set.
        pollUntil(() -> fromTheGatewaysOwnPage(key, null), r -> r.statusCode() == 200, Duration.ofSeconds(10),
                "the example page could not use its key");
        fromTheGatewaysOwnPage(key, "null").then().statusCode(200);
        call(key, gateway).then().statusCode(200);

        // Without the browser's word there is no page to speak of, and another organisation's key stays refused.
        call(key, null).then().statusCode(403);
        assertOriginRefused(given().header("Authorization", key.bearer()).header("Origin", "null")
                .header("Sec-Fetch-Site", "cross-site").get(SURVEYS));
        TestKeyEvents.TestKey partnersKey = partner.publishableKey();
        awaitStatus(partnersKey, site, 200);
        assertOriginRefused(fromTheGatewaysOwnPage(partnersKey, null));
    }

    @Test
    void aDeactivatedOrganisationsKeysStopWorking() {
        TestKeyEvents.TestKey publishable = partner.publishableKey();
        TestKeyEvents.TestKey secret = partner.secretKey("surveys:manage");
        awaitStatus(publishable, site, 200);
        awaitStatus(secret, null, 200);

        partner.deactivated();
        Response refused = awaitStatus(secret, null, 403);
        refused.then().contentType("application/problem+json")
                .body("type", equalTo("https://chorus.example/problems/organisation-inactive"))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
        call(publishable, site).then().statusCode(403)
                .body("type", equalTo("https://chorus.example/problems/organisation-inactive"));
        preflight(site, "POST").then().statusCode(403);
    }

    @Test
    void anOriginRemovedFromTheOrganisationStopsWorking() {
        TestKeyEvents.TestKey key = partner.publishableKey();
        awaitStatus(key, site, 200);
        String newSite = TestOrganisations.uniqueOrigin();
        partner.withOrigins(newSite);
        awaitStatus(key, site, 403);
        call(key, newSite).then().statusCode(200).header("Access-Control-Allow-Origin", newSite);
    }

    @Test
    void aPreflightFromAPartnersPageIsAnsweredForThatPageOnly() {
        Response answer = pollUntil(() -> preflight(site, "POST"), r -> r.statusCode() == 204, Duration.ofSeconds(10),
                "the preflight was never allowed");
        answer.then()
                .header("Access-Control-Allow-Origin", site)
                .header("Vary", containsString("Origin"))
                .header("Access-Control-Max-Age", "600")
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("X-Content-Type-Options", "nosniff");
        List<String> methods = list(answer.header("Access-Control-Allow-Methods"));
        assertTrue(methods.containsAll(List.of("GET", "POST", "PUT", "PATCH", "DELETE")), methods.toString());
        List<String> headers = list(answer.header("Access-Control-Allow-Headers"));
        assertTrue(headers.containsAll(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match",
                "If-None-Match", "Erasure-Token", "X-Request-Id", "Accept-Language")), headers.toString());
        assertEquals("", answer.asString(), "a preflight answer has no body");
    }

    @Test
    void aPreflightFromAnyOtherPageGetsNoCorsHeaders() {
        Response refused = preflight(TestOrganisations.uniqueOrigin(), "POST");
        refused.then()
                .statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .body("type", equalTo("https://chorus.example/problems/origin-not-allowed"));
    }

    @Test
    void refusalsOnAPartnersPageAreReadableSoThePageCanExplainThem() {
        awaitStatus(partner.publishableKey(), site, 200);
        Response unknownKey = given().header("Origin", site)
                .header("Authorization", TestKeyEvents.newKey("publishable", (Instant) null).bearer()).get(SURVEYS);
        unknownKey.then().statusCode(401).header("Access-Control-Allow-Origin", site)
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }

    @Test
    void aPartnersPageCanReadWhyItsUploadWasTooLarge() throws Exception {
        TestKeyEvents.TestKey key = partner.publishableKey();
        awaitStatus(key, site, 200);
        RawHttp.Answer answer = RawHttp.exchange(null, "POST /api/v1/surveys/s/responses HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: " + key.bearer() + "\r\nOrigin: " + site + "\r\nContent-Length: 52428800\r\n", null);
        assertEquals(413, answer.status(), answer.head());
        assertEquals(site, answer.header("Access-Control-Allow-Origin"));
    }

    private static Response awaitStatus(TestKeyEvents.TestKey key, String origin, int status) {
        return pollUntil(() -> call(key, origin), r -> r.statusCode() == status, Duration.ofSeconds(10),
                "never answered " + status);
    }

    private static Response call(TestKeyEvents.TestKey key, String origin) {
        var request = given().header("Authorization", key.bearer());
        if (origin != null) {
            request.header("Origin", origin);
        }
        return request.get(SURVEYS);
    }

    /** A call as a browser makes it from a page the gateway served, which it calls same-origin. */
    private static Response fromTheGatewaysOwnPage(TestKeyEvents.TestKey key, String origin) {
        var request = given().header("Authorization", key.bearer()).header("Sec-Fetch-Site", "same-origin");
        if (origin != null) {
            request.header("Origin", origin);
        }
        return request.get(SURVEYS);
    }

    private static Response preflight(String origin, String method) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .options(SURVEYS + "/42/responses");
    }

    private static void assertOriginRefused(Response response) {
        response.then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://chorus.example/problems/origin-not-allowed"))
                .body("status", equalTo(403))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
    }

    private static List<String> list(String header) {
        return Arrays.stream(header.split(",")).map(String::trim).toList();
    }
}
