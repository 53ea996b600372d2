package org.chorus.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/**
 * Behind a proxy that names clients in RFC 7239 Forwarded alone, the client is the one it appended there, never one
 * from an X-Forwarded-For that the proxy passes on from the client untouched.
 */
@QuarkusTest
@TestProfile(ForwardedHeaderClientAddressTest.BehindAnRfc7239Proxy.class)
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class ForwardedHeaderClientAddressTest {

    /**
     * The gateway deployed as its application.properties says for a proxy at 127.0.0.1 that sends Forwarded: Quarkus
     * then believes X-Forwarded-* too (allow-x-forwarded is on for every Chorus application), preferring Forwarded, and
     * refuses a request whose two headers name different clients first.
     */
    public static class BehindAnRfc7239Proxy implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    /** Each test names clients no other test uses, since rate limits count per client for the whole class. */
    private static final AtomicInteger NEXT_HOST = new AtomicInteger(10);
    private static final String PROXY = "127.0.0.1";

    private String site;
    private TestKeyEvents.TestKey key;

    @BeforeEach
    void ready() {
        site = TestOrganisations.uniqueOrigin();
        key = RateLimitTest.limitedWebsiteKey(site);
    }

    @Test
    void theClientsTheProxyNamesAreCountedApart() throws IOException {
        String client = "198.51.100." + NEXT_HOST.getAndIncrement();
        for (int i = 0; i < 3; i++) {
            assertAccepted(submit("Forwarded: for=" + client + ";proto=https"));
        }
        assertEquals(429, submit("Forwarded: for=" + client + ";proto=https").status(),
                "the named client used up its allowance");
        assertAccepted(submit("Forwarded: for=" + client.replace("198.51.100.", "192.0.2.") + ";proto=https"));
    }

    @Test
    void anXForwardedForThatTheProxyDoesNotWriteIsNotBelieved() throws IOException {
        String client = "198.51.100." + NEXT_HOST.getAndIncrement();
        // The caller names the same made-up client in both headers, so that Quarkus finds them agreeing.
        for (int i = 0; i < 3; i++) {
            assertAccepted(submit(madeUpBy(client, "203.0.113." + i)));
        }
        assertEquals(429, submit(madeUpBy(client, "203.0.113.99")).status(),
                "a made-up X-Forwarded-For is not another client");
    }

    @Test
    void onlyTheElementTheProxyAppendedIsBelievedNotWhatTheClientPutBeforeIt() throws IOException {
        String client = "[2001:db8:" + Integer.toHexString(NEXT_HOST.getAndIncrement()) + "::17]";
        for (int i = 0; i < 3; i++) {
            assertAccepted(submit("Forwarded: for=203.0.113." + i + ", for=\"" + client + ":" + (4711 + i) + "\""));
        }
        assertEquals(429, submit("Forwarded: for=203.0.113.99\r\nForwarded: For=\"" + client + "\"").status(),
                "a made-up leftmost element, or another port, is not another client");
    }

    @Test
    void theServiceIsToldTheClientTheGatewayCountedNotTheOneTheCallerMadeUp() throws IOException {
        String client = "198.51.100." + NEXT_HOST.getAndIncrement();
        RawHttp.Answer answer = RawHttp.exchange(PROXY, "GET /api/v1/surveys HTTP/1.1\r\nHost: x\r\nAuthorization: "
                + key.bearer() + "\r\nOrigin: " + site + "\r\n" + madeUpBy(client, "203.0.113.66")
                + "\r\nConnection: close\r\n", "");

        assertAccepted(answer);
        JsonObject told = new JsonObject(answer.body()).getJsonObject("headers");
        assertEquals(List.of(client), told.getJsonArray("x-forwarded-for").getList(), "the hop the proxy added");
        assertNull(told.getJsonArray("forwarded"), "the service is told the client in one header only");
    }

    /** A failure shows the problem the gateway answered with, which names why the service was not reached. */
    private static void assertAccepted(RawHttp.Answer answer) {
        assertEquals(200, answer.status(), answer::body);
    }

    /** What the proxy sends for a caller that made up a client in both headers: it appends the real one. */
    private static String madeUpBy(String client, String madeUp) {
        return "X-Forwarded-For: " + madeUp + "\r\nForwarded: for=" + madeUp + ", for=" + client;
    }

    /** A submission from the proxy, with the forwarding header lines it sends. */
    private RawHttp.Answer submit(String forwarding) throws IOException {
        return RawHttp.exchange(PROXY, "POST /api/v1/surveys/" + UUID.randomUUID() + "/responses HTTP/1.1\r\n"
                + "Host: x\r\nAuthorization: " + key.bearer() + "\r\nOrigin: " + site + "\r\n" + forwarding
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n", "{}");
    }
}
