package org.chorus.gateway;

import static io.restassured.RestAssured.given;
import static org.chorus.gateway.GatewayTestSupport.issue;
import static org.chorus.gateway.GatewayTestSupport.pollUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.chorus.platform.events.contract.RateLimitsData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Rate limits as a partner's page meets them, with each organisation's limits announced by the directory. Each test
 * calls from client addresses of its own on the loopback network and with keys of its own, so no bucket carries over
 * between tests.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class RateLimitTest {

    static final UUID LIMITED = UUID.fromString("6b3e0c1e-4d7a-4c59-9a53-8d3f2f0a9c11");
    /**
     * What the directory announces for {@link #LIMITED}: 5 submissions an hour per key and 3 per client address, and
     * reads all but unlimited per address, so that no test's polling is what gets limited.
     */
    static final RateLimitsData LIMITS = new RateLimitsData(new RateLimitsData.Limit(5, "PT1H"),
            new RateLimitsData.Limit(3, "PT1H"), null, new RateLimitsData.Limit(1000, "PT1S"));

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    /**
     * A publishable key of {@link #LIMITED} for a site of its own, once the gateway accepts it, for the tests that count
     * submissions by client behind a proxy.
     */
    static TestKeyEvents.TestKey limitedWebsiteKey(String site) {
        GatewayTestSupport.awaitReady();
        TestOrganisations.register(LIMITED, LIMITS, site);
        TestKeyEvents.TestKey key = TestKeyEvents.newKey("publishable", (Instant) null, "surveys:respond")
                .of(LIMITED);
        TestKeyEvents.publish(key, 1);
        pollUntil(() -> given().header("Authorization", key.bearer()).header("Origin", site)
                .get("/api/v1/surveys"), r -> r.statusCode() == 200, Duration.ofSeconds(10), "key never accepted");
        return key;
    }

    private String site;

    @BeforeEach
    void ready() {
        GatewayTestSupport.awaitReady();
        site = TestOrganisations.uniqueOrigin();
        TestOrganisations.register(LIMITED, LIMITS, site);
    }

    @Test
    void submissionsFromOneAddressAreLimitedWith429AndRetryAfterThePageCanRead() throws IOException {
        TestKeyEvents.TestKey key = usableKey(LIMITED);
        String address = newClientAddress();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, submit(key, address, null).status());
        }
        RawHttp.Answer refused = submit(key, address, null);

        assertEquals(429, refused.status(), refused.head());
        assertEquals("application/problem+json", refused.header("Content-Type"));
        JsonPath problem = JsonPath.from(refused.body());
        assertEquals("https://chorus.example/problems/rate-limited", problem.getString("type"));
        assertEquals(429, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains("address"), problem.getString("detail"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        // 3 an hour: the next token comes within 20 minutes, and never "0", which would invite a busy loop.
        assertTrue(retryAfter >= 1 && retryAfter <= 1200, "Retry-After " + retryAfter);
        assertEquals(site, refused.header("Access-Control-Allow-Origin"), "the page must be able to read the 429");
        assertTrue(refused.header("Access-Control-Expose-Headers").contains("Retry-After"));

        // Another key of the same site does not reset the address's bucket.
        assertEquals(429, submit(usableKey(LIMITED), address, null).status());
        // Reading surveys is a bucket of its own: a person who submitted can still see the page.
        assertEquals(200, read(key, address).status());
    }

    @Test
    void submissionsWithOneKeyAreLimitedAcrossAddresses() throws IOException {
        TestKeyEvents.TestKey key = usableKey(LIMITED);
        for (int i = 0; i < 5; i++) {
            assertEquals(200, submit(key, newClientAddress(), null).status());
        }
        String fresh = newClientAddress();
        RawHttp.Answer refused = submit(key, fresh, null);
        assertEquals(429, refused.status(), refused.head());
        assertTrue(JsonPath.from(refused.body()).getString("detail").contains("API key"), refused.body());
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1);

        // The refused request did not happen, so it did not use up the fresh address's allowance either.
        TestKeyEvents.TestKey other = usableKey(LIMITED);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, submit(other, fresh, null).status(), "submission " + (i + 1));
        }
    }

    @Test
    void aCallerCannotEscapeItsBucketByClaimingAnotherAddress() throws IOException {
        TestKeyEvents.TestKey key = usableKey(LIMITED);
        String address = newClientAddress();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, submit(key, address, "203.0.113." + i).status());
        }
        assertEquals(429, submit(key, address, "203.0.113.99").status());
    }

    @Test
    void aLimitChangedInTheDirectoryAppliesToTheNextSubmissions() throws IOException {
        TestOrganisations.TestOrganisation partner = TestOrganisations.register(UUID.randomUUID(),
                submissionsPerAddress(2), site);
        TestKeyEvents.TestKey key = usableKey(partner.id());
        String address = newClientAddress();
        for (int i = 0; i < 2; i++) {
            assertEquals(200, submit(key, address, null).status(), "submission " + (i + 1));
        }
        RawHttp.Answer refused = submit(key, address, null);
        assertEquals(429, refused.status(), refused.head());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 1800, "2 an hour: a token within 30 minutes, not " + retryAfter);

        // Raised in the directory: once the event arrives, the address has the new allowance.
        partner = partner.withRateLimits(submissionsPerAddress(4));
        awaitAccepted(key, address);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, submit(key, address, null).status(), "submission " + (i + 2) + " of 4");
        }
        assertEquals(429, submit(key, address, null).status(), "the fifth is one too many");

        // Removed in the directory: the gateway's defaults (10 a minute per address) apply again.
        partner.withRateLimits(null);
        awaitAccepted(key, address);
    }

    @Test
    void aSubmissionSpelledAnotherWayIsRefusedOrCountedNeverLetThrough() throws IOException {
        TestKeyEvents.TestKey key = usableKey(LIMITED);
        String address = newClientAddress();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, submit(key, address, null).status());
        }
        String survey = "/api/v1/surveys/" + UUID.randomUUID();
        // The service strips matrix parameters, decodes and resolves segments: each of these is a submission there.
        for (String path : new String[] { survey + "/responses;x=1", survey + ";x=1/responses",
                survey + "%2Fresponses", survey + "%2fresponses", "/api/v1//surveys/s/responses", survey + "//responses",
                survey + "/./responses", survey + "/x/../responses", "/api/v1/surveys/%2E/responses",
                survey + "/responses%3Bx=1", survey + "%5Cresponses" }) {
            RawHttp.Answer answer = submitTo(key, address, path);
            assertEquals(400, answer.status(), path + " " + answer.head());
            assertEquals("application/problem+json", answer.header("Content-Type"), path);
            assertTrue(JsonPath.from(answer.body()).getString("detail").contains("path"), answer.body());
        }
        // The HTTP server itself refuses a raw backslash, before any route: never a submission either.
        assertEquals(400, submitTo(key, address, survey + "\\responses").status());
        for (String path : new String[] { survey + "/RESPONSES", survey + "/Responses/" }) {
            assertEquals(429, submitTo(key, address, path).status(), path + " is a submission, counted as one");
        }
        // Prefixes are matched as written, so another spelling of one reaches no service at all.
        assertEquals(404, submitTo(key, address, survey.toUpperCase(java.util.Locale.ROOT) + "/responses").status());
    }

    @Test
    void secretKeysAreNotLimitedAsWebsiteKeysAre() throws IOException {
        TestKeyEvents.TestKey secret = issue(TestKeyEvents.newKey("surveys:manage").of(LIMITED), "/api/v1/surveys");
        String address = newClientAddress();
        for (int i = 0; i < 6; i++) {
            RawHttp.Answer answer = RawHttp.exchange(address, "POST /api/v1/surveys/s/responses HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: " + secret.bearer() + "\r\nContent-Length: 2\r\nConnection: close\r\n", "{}");
            assertEquals(200, answer.status(), answer.head());
        }
    }

    /** A new publishable key of the organisation, once the gateway accepts it from the site. */
    private TestKeyEvents.TestKey usableKey(UUID organisation) {
        TestKeyEvents.TestKey key = TestKeyEvents.newKey("publishable", (Instant) null, "surveys:respond")
                .of(organisation);
        TestKeyEvents.publish(key, 1);
        pollUntil(() -> given().header("Authorization", key.bearer()).header("Origin", site).get("/api/v1/surveys"),
                r -> r.statusCode() == 200, Duration.ofSeconds(10), "key never accepted from " + site);
        return key;
    }

    /** Submits until the gateway accepts one, as a person would retry while a change reaches it. */
    private void awaitAccepted(TestKeyEvents.TestKey key, String clientAddress) {
        Awaitility.await("the changed limit applies").atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                .pollInterval(GatewayTestSupport.POLL)
                .until(() -> submit(key, clientAddress, null), answer -> {
                    assertTrue(answer.status() == 200 || answer.status() == 429, answer.head());
                    return answer.status() == 200;
                });
    }

    private static RateLimitsData submissionsPerAddress(long perHour) {
        return new RateLimitsData(null, new RateLimitsData.Limit(perHour, "PT1H"), null, null);
    }

    private RawHttp.Answer submit(TestKeyEvents.TestKey key, String clientAddress, String forwardedFor)
            throws IOException {
        String head = "POST /api/v1/surveys/" + UUID.randomUUID() + "/responses HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: " + key.bearer() + "\r\nOrigin: " + site + "\r\nContent-Type: application/json\r\n"
                + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                + "Content-Length: 2\r\nConnection: close\r\n";
        return RawHttp.exchange(clientAddress, head, "{}");
    }

    private RawHttp.Answer submitTo(TestKeyEvents.TestKey key, String clientAddress, String path) throws IOException {
        return RawHttp.exchange(clientAddress, "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + key.bearer()
                + "\r\nOrigin: " + site + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n", "{}");
    }

    private RawHttp.Answer read(TestKeyEvents.TestKey key, String clientAddress) throws IOException {
        return RawHttp.exchange(clientAddress, "GET /api/v1/surveys HTTP/1.1\r\nHost: x\r\nAuthorization: "
                + key.bearer() + "\r\nOrigin: " + site + "\r\nConnection: close\r\n", null);
    }

    /** Another client as the gateway sees it: Linux routes all of 127.0.0.0/8 to the loopback interface. */
    private static String newClientAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "127.0." + (n / 250 + 1) + "." + (n % 250 + 1);
    }
}
