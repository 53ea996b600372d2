package org.chorus.gateway;

import static io.restassured.RestAssured.given;
import static org.chorus.gateway.GatewayTestSupport.pollUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Rate limits as a partner's page meets them. The organisation {@link #LIMITED} is configured (in
 * {@link StubServices}) with 3 submissions an hour per client address and 5 per key; each test calls from client
 * addresses of its own on the loopback network and with keys of its own, so no bucket carries over between tests.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class RateLimitTest {

    static final UUID LIMITED = UUID.fromString("6b3e0c1e-4d7a-4c59-9a53-8d3f2f0a9c11");
    static final String LIMITS = "chorus.gateway.rate-limits.organisations.\"" + LIMITED + "\".";

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    private String site;

    @BeforeEach
    void ready() {
        GatewayTestSupport.awaitReady();
        site = TestOrganisations.uniqueOrigin();
        TestOrganisations.register(LIMITED, site);
    }

    @Test
    void submissionsFromOneAddressAreLimitedWith429AndRetryAfterThePageCanRead() throws IOException {
        TestKeyEvents.TestKey key = usableKey();
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
        assertEquals(429, submit(usableKey(), address, null).status());
        // Reading surveys is a bucket of its own: a person who submitted can still see the page.
        assertEquals(200, read(key, address).status());
    }

    @Test
    void submissionsWithOneKeyAreLimitedAcrossAddresses() throws IOException {
        TestKeyEvents.TestKey key = usableKey();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, submit(key, newClientAddress(), null).status());
        }
        String fresh = newClientAddress();
        RawHttp.Answer refused = submit(key, fresh, null);
        assertEquals(429, refused.status(), refused.head());
        assertTrue(JsonPath.from(refused.body()).getString("detail").contains("API key"), refused.body());
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1);

        // The refused request did not happen, so it did not use up the fresh address's allowance either.
        TestKeyEvents.TestKey other = usableKey();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, submit(other, fresh, null).status(), "submission " + (i + 1));
        }
    }

    @Test
    void aCallerCannotEscapeItsBucketByClaimingAnotherAddress() throws IOException {
        TestKeyEvents.TestKey key = usableKey();
        String address = newClientAddress();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, submit(key, address, "203.0.113." + i).status());
        }
        assertEquals(429, submit(key, address, "203.0.113.99").status());
    }

    @Test
    void secretKeysAreNotLimitedAsWebsiteKeysAre() throws IOException {
        TestKeyEvents.TestKey secret = TestKeyEvents.newKey("surveys:manage").of(LIMITED);
        TestKeyEvents.publish(secret, 1);
        GatewayTestSupport.awaitAccepted(secret, "/api/v1/surveys");
        String address = newClientAddress();
        for (int i = 0; i < 6; i++) {
            RawHttp.Answer answer = RawHttp.exchange(address, "POST /api/v1/surveys/s/responses HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: " + secret.bearer() + "\r\nContent-Length: 2\r\nConnection: close\r\n", "{}");
            assertEquals(200, answer.status(), answer.head());
        }
    }

    /** A new publishable key of the limited organisation, once the gateway accepts it from the site. */
    private TestKeyEvents.TestKey usableKey() {
        TestKeyEvents.TestKey key = TestKeyEvents.newKey("publishable", (Instant) null, "surveys:respond").of(LIMITED);
        TestKeyEvents.publish(key, 1);
        pollUntil(() -> given().header("Authorization", key.bearer()).header("Origin", site).get("/api/v1/surveys"),
                r -> r.statusCode() == 200, Duration.ofSeconds(10), "key never accepted from " + site);
        return key;
    }

    private RawHttp.Answer submit(TestKeyEvents.TestKey key, String clientAddress, String forwardedFor)
            throws IOException {
        String head = "POST /api/v1/surveys/" + UUID.randomUUID() + "/responses HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: " + key.bearer() + "\r\nOrigin: " + site + "\r\nContent-Type: application/json\r\n"
                + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                + "Content-Length: 2\r\nConnection: close\r\n";
        return RawHttp.exchange(clientAddress, head, "{}");
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
