package org.chorus.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Behind a load balancer the TCP peer is the balancer, so rate limits must count by the client it names, but only
 * when the balancer is the one naming it: the gateway here trusts forwarding headers from 127.0.0.1 alone.
 */
@QuarkusTest
@TestProfile(ForwardedClientAddressTest.BehindAProxy.class)
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class ForwardedClientAddressTest {

    /** The gateway deployed behind a proxy at 127.0.0.1. */
    public static class BehindAProxy implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1",
                    "chorus.gateway.public-url", PUBLIC_URL);
        }
    }

    /**
     * Rate limits count per client for the whole test class, so each test names clients no other test uses: random
     * ones collided now and then, and a test found its allowance used up by another.
     */
    private static final AtomicInteger NEXT_HOST = new AtomicInteger(10);
    private static final String PUBLIC_URL = "https://chorus.example.org";

    private String site;
    private TestKeyEvents.TestKey key;

    @BeforeEach
    void ready() {
        site = TestOrganisations.uniqueOrigin();
        key = RateLimitTest.limitedWebsiteKey(site);
    }

    @Test
    void theTrustedProxysClientsAreCountedApart() throws IOException {
        String client = "198.51.100." + NEXT_HOST.getAndIncrement();
        for (int i = 0; i < 3; i++) {
            assertAccepted(submit("127.0.0.1", client));
        }
        assertEquals(429, submit("127.0.0.1", client).status(), "the named client used up its allowance");
        assertEquals(200, submit("127.0.0.1", client.replace("198.51.100.", "192.0.2.")).status(),
                "another client behind the same proxy has its own");
    }

    @Test
    void onlyTheHopTheProxyAddedIsBelievedNotWhatTheClientPutBeforeIt() throws IOException {
        String client = "198.51.100." + NEXT_HOST.getAndIncrement();
        // The proxy appends the address it saw to whatever X-Forwarded-For the client sent: the rightmost is its own.
        for (int i = 0; i < 3; i++) {
            assertAccepted(submit("127.0.0.1", "203.0.113." + i + ", " + client));
        }
        assertEquals(429, submit("127.0.0.1", "203.0.113.99, " + client).status(),
                "a made-up leftmost address is not another client");
    }

    @Test
    void anUntrustedPeerCannotNameItsOwnAddress() throws IOException {
        String peer = "127.0.9." + NEXT_HOST.getAndIncrement();
        for (int i = 0; i < 3; i++) {
            assertAccepted(submit(peer, "203.0.113." + i));
        }
        assertEquals(429, submit(peer, "203.0.113.99").status());
    }

    @Test
    void theServiceIsToldTheClientTheGatewayCountedNotTheOneTheCallerMadeUp() throws IOException {
        String client = "198.51.100." + NEXT_HOST.getAndIncrement();
        RawHttp.Answer behindTheProxy = read("127.0.0.1", "203.0.113.66, " + client);
        RawHttp.Answer direct = read("127.0.9.9", "203.0.113.66");

        assertEquals(200, behindTheProxy.status());
        assertEquals(List.of(client), forwardedFor(behindTheProxy), "the hop the trusted proxy added");
        assertEquals(200, direct.status());
        assertEquals(List.of("127.0.9.9"), forwardedFor(direct), "an untrusted peer is its own client");
    }

    /** Services build Location and Link from what the gateway tells them: the configured address, not a caller's. */
    @Test
    void servicesAreToldThePublicAddressWhateverHostTheCallerOrTheProxyNamed() throws IOException {
        for (String peer : List.of("127.0.0.1", "127.0.9." + NEXT_HOST.getAndIncrement())) {
            RawHttp.Answer answer = RawHttp.exchange(peer, "GET /api/v1/surveys HTTP/1.1\r\nHost: attacker.example\r\n"
                    + "Authorization: " + key.bearer() + "\r\nOrigin: " + site
                    + "\r\nX-Forwarded-Host: attacker.example\r\nX-Forwarded-Proto: http\r\nConnection: close\r\n", "");
            assertAccepted(answer);
            JsonObject told = new JsonObject(answer.body()).getJsonObject("headers");
            assertEquals(List.of("chorus.example.org"), told.getJsonArray("x-forwarded-host").getList(), peer);
            assertEquals(List.of("https"), told.getJsonArray("x-forwarded-proto").getList(), peer);
        }
    }

    /** A failure shows the problem the gateway answered with, which names why the service was not reached. */
    private static void assertAccepted(RawHttp.Answer answer) {
        assertEquals(200, answer.status(), answer::body);
    }

    /** The X-Forwarded-For values the stub service received, as it echoes them. */
    private static List<Object> forwardedFor(RawHttp.Answer answer) {
        return new JsonObject(answer.body()).getJsonObject("headers").getJsonArray("x-forwarded-for").getList();
    }

    private RawHttp.Answer read(String peer, String forwardedFor) throws IOException {
        return RawHttp.exchange(peer, "GET /api/v1/surveys HTTP/1.1\r\nHost: x\r\nAuthorization: " + key.bearer()
                + "\r\nOrigin: " + site + "\r\nX-Forwarded-For: " + forwardedFor + "\r\nConnection: close\r\n", "");
    }

    private RawHttp.Answer submit(String peer, String forwardedFor) throws IOException {
        return RawHttp.exchange(peer, "POST /api/v1/surveys/" + UUID.randomUUID() + "/responses HTTP/1.1\r\n"
                + "Host: x\r\nAuthorization: " + key.bearer() + "\r\nOrigin: " + site + "\r\nX-Forwarded-For: "
                + forwardedFor + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n", "{}");
    }
}
