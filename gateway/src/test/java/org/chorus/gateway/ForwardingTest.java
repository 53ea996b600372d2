package org.chorus.gateway;

import static io.restassured.RestAssured.given;
import static org.chorus.gateway.GatewayTestSupport.awaitAccepted;
import static org.chorus.gateway.GatewayTestSupport.issue;
import static org.chorus.gateway.GatewayTestSupport.pollUntil;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class ForwardingTest {

    @Inject
    Vertx vertx;

    @BeforeEach
    void ready() {
        GatewayTestSupport.awaitReady();
    }

    @Test
    void forwardsWithASignedInternalTokenInPlaceOfTheKey() {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("surveys:manage", "insights:read"), "/api/v1/surveys");

        Response response = given()
                .header("Authorization", key.bearer())
                .header("X-Request-Id", "forward-test-1")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("Connection", "keep-alive, X-Caller-Hop")
                .header("X-Caller-Hop", "for the gateway only")
                .header("X-Caller-End", "for the service")
                .contentType("application/json")
                .body("{\"title\":\"Dental access\"}")
                .post("/api/v1/surveys/42/responses?channel=online");

        response.then()
                .statusCode(200)
                .header("X-Request-Id", "forward-test-1")
                .header("X-Stub-End", "for the caller")
                .header("Keep-Alive", nullValue())
                .header("X-Stub-Hop", nullValue())
                .body("service", equalTo("survey"))
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/surveys/42/responses?channel=online"))
                .body("body", equalTo("{\"title\":\"Dental access\"}"))
                .body("token.valid", equalTo(true))
                .body("token.issuer", equalTo("chorus-gateway"))
                .body("token.audience", containsInAnyOrder("chorus-survey"))
                .body("token.subject", equalTo(key.data().keyId().toString()))
                .body("token.org", equalTo(key.data().organisationId().toString()))
                .body("token.keyKind", equalTo("secret"))
                .body("token.groups", containsInAnyOrder("surveys:manage", "insights:read"));

        JsonPath echo = response.jsonPath();
        List<String> authorization = echo.getList("headers.authorization");
        assertEquals(1, authorization.size(), "exactly one Authorization header reaches the service");
        assertFalse(authorization.get(0).contains(key.secret()), "the caller's key must not reach the service");
        assertEquals(List.of("forward-test-1"), echo.getList("headers.x-request-id"));
        assertEquals(List.of("for the service"), echo.getList("headers.x-caller-end"));
        assertNull(echo.get("headers.proxy-authorization"));
        assertNull(echo.get("headers.x-caller-hop"));
        long lifetime = echo.getLong("token.expiresAt") - echo.getLong("token.issuedAt");
        assertTrue(lifetime > 0 && lifetime <= 60, "token lives " + lifetime + " s");
    }

    @Test
    void tellsTheServiceItsPublicAddressAndIgnoresACallersClaims() {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("insights:read"), "/api/v1/surveys");

        JsonPath echo = given()
                .header("Authorization", key.bearer())
                .header("X-Forwarded-Host", "attacker.example")
                .header("Forwarded", "host=attacker.example;proto=https")
                .header("X-Forwarded-Ssl", "on")
                .get("/api/v1/surveys")
                .then().statusCode(200)
                .extract().jsonPath();

        assertEquals(List.of("http"), echo.getList("headers.x-forwarded-proto"));
        String host = echo.getString("headers.x-forwarded-host[0]");
        assertTrue(host.startsWith("localhost:") || host.startsWith("127.0.0.1:"), host);
        assertNull(echo.get("headers.forwarded"), "a caller's Forwarded header must not reach the service");
        // Quarkus on the services takes X-Forwarded-Ssl: on for https, whatever X-Forwarded-Proto says.
        assertNull(echo.get("headers.x-forwarded-ssl"), "a caller's X-Forwarded-Ssl must not reach the service");
    }

    @Test
    void routesEachPrefixToItsOwner() {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("directory:manage"), "/api/v1/organisations");

        given().header("Authorization", key.bearer()).get("/api/v1/places/abc").then()
                .statusCode(200).body("service", equalTo("directory"));
        given().header("Authorization", key.bearer()).get("/api/v1/exports").then()
                .statusCode(200).body("service", equalTo("survey"));
        // A prefix owns whole segments only.
        given().header("Authorization", key.bearer()).get("/api/v1/placesx").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void signsEachServiceATokenOnlyItAccepts() {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("directory:manage", "surveys:manage"),
                "/api/v1/organisations");

        JsonPath directory = given().header("Authorization", key.bearer()).get("/api/v1/organisations")
                .then().statusCode(200).body("service", equalTo("directory")).extract().jsonPath();
        JsonPath survey = given().header("Authorization", key.bearer()).get("/api/v1/surveys")
                .then().statusCode(200).body("service", equalTo("survey")).extract().jsonPath();

        assertEquals(List.of("chorus-directory"), directory.getList("token.audience"));
        assertEquals(List.of("chorus-survey"), survey.getList("token.audience"));
        assertEquals(true, directory.getBoolean("token.valid"));
        assertEquals(true, survey.getBoolean("token.valid"));
        assertNotEquals(directory.getString("headers.authorization[0]"), survey.getString("headers.authorization[0]"),
                "one key's token for the directory is not the one the survey service gets");
    }

    @Test
    void createsARequestIdWhenTheCallersIsMissingOrUnsafe() {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("directory:manage"), "/api/v1/organisations");

        Response response = given().header("Authorization", key.bearer())
                .header("X-Request-Id", "bad id\u0000with spaces")
                .get("/api/v1/organisations");
        response.then().statusCode(200);
        String created = response.header("X-Request-Id");
        UUID.fromString(created);
        assertEquals(List.of(created), response.jsonPath().getList("headers.x-request-id"));

        Response without = given().header("Authorization", key.bearer()).get("/api/v1/organisations");
        String other = without.header("X-Request-Id");
        UUID.fromString(other);
        assertNotEquals(created, other);
        assertEquals(List.of(other), without.jsonPath().getList("headers.x-request-id"));
    }

    @Test
    void reusesTheSignedTokenUntilTheKeyChanges() {
        TestKeyEvents.TestKey key = TestKeyEvents.newKey("insights:read");
        TestKeyEvents.publish(key, 1);
        String first = authorizationSeenByService(awaitAccepted(key, "/api/v1/surveys"));
        String second = authorizationSeenByService(given().header("Authorization", key.bearer()).get("/api/v1/surveys"));
        assertEquals(first, second, "a fresh token is reused rather than signed again");

        TestKeyEvents.TestKey changed = key.withScopes("insights:read", "exports:read");
        TestKeyEvents.publish(changed, 2);
        Response after = pollUntil(() -> given().header("Authorization", key.bearer()).get("/api/v1/surveys"),
                r -> r.statusCode() == 200 && r.jsonPath().getList("token.groups").size() == 2,
                Duration.ofSeconds(5), "the changed scopes never reached the token");
        assertNotEquals(first, authorizationSeenByService(after), "a changed key gets a newly signed token");
    }

    @Test
    void answersExpectContinueOnceTheKeyIsAccepted() throws Exception {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("surveys:manage"), "/api/v1/surveys");
        String body = "{\"rows\":[1,2,3]}";

        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/uploads-not-here HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(("POST /api/v1/surveys/upload HTTP/1.1\r\nHost: x\r\nAuthorization: " + key.bearer()
                    + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " + body.length()
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(in.readLine().startsWith("HTTP/1.1 404"), "the first request is answered without a body");
            skipMessage(in);
            // The caller holds the body back until the gateway says continue; a timeout here means it never did.
            assertEquals("HTTP/1.1 100 Continue", in.readLine());
            in.readLine();
            out.write(body.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("HTTP/1.1 200 OK", in.readLine());
            String echo = skipMessage(in);
            assertTrue(echo.contains("\"body\":\"{\\\"rows\\\":[1,2,3]}\""), echo);
            assertFalse(echo.contains("\"expect\""), "the gateway answered the expectation itself: " + echo);
        }
    }

    /**
     * A 304 or a 204 has no body, and says nothing of one: a Transfer-Encoding on it makes Python's http.client (and
     * so requests) wait for chunks that never come. Hundreds of them on one connection, more than a pool holds, also
     * show that each gives its connection to the service back.
     */
    @Test
    void answersWithoutABodyAreForwardedWithoutFramingAndFreeTheirConnection() throws Exception {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("surveys:manage"), "/api/v1/surveys");
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (int i = 0; i < 600; i++) {
                String status = i % 2 == 0 ? "304" : "204";
                out.write(("GET /api/v1/surveys/kept HTTP/1.1\r\nHost: x\r\nAuthorization: " + key.bearer() + "\r\n"
                        + StubService.BODYLESS_STATUS + ": " + status + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String statusLine = in.readLine();
                assertTrue(statusLine.startsWith("HTTP/1.1 " + status), i + ": " + statusLine);
                List<String> headers = headLines(in);
                assertFalse(headers.stream().anyMatch(h -> h.toLowerCase().startsWith("transfer-encoding:")),
                        status + " " + headers);
                if (status.equals("304")) {
                    assertTrue(headers.contains("ETag: \"1-stub\""), headers.toString());
                }
            }
            out.write(("GET /api/v1/surveys/after HTTP/1.1\r\nHost: x\r\nAuthorization: " + key.bearer()
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("HTTP/1.1 200 OK", in.readLine(), "the connection still frames answers right");
        }
    }

    private static List<String> headLines(BufferedReader in) throws java.io.IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    /**
     * HTTP/2 frames a body without announcing its length, where HTTP/1.1 needs a Content-Length or chunks, and the
     * services speak HTTP/1.1. A request that may be sent again is held whole, any other streams.
     */
    @Test
    void forwardsAnHttp2BodyOfUnknownLengthWhole() throws Exception {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("surveys:manage"), "/api/v1/surveys");
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false));
        try {
            for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.GET)) {
                JsonObject echo = sendInTwoParts(client, method, key, "{\"rows\":", "[1,2,3]}");
                assertEquals(method.name(), echo.getString("method"));
                assertEquals("{\"rows\":[1,2,3]}", echo.getString("body"), method + " lost its body");
            }
        } finally {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** Writes the body in two parts before ending it, so that no Content-Length can be sent with the head. */
    private static JsonObject sendInTwoParts(HttpClient client, HttpMethod method, TestKeyEvents.TestKey key,
            String first, String second) throws Exception {
        Future<HttpClientResponse> answered = client.request(method, RestAssured.port, "127.0.0.1",
                "/api/v1/surveys/upload").compose(request -> {
                    request.putHeader("Authorization", key.bearer()).putHeader("Content-Type", "application/json");
                    // On HTTP/2 this sends no Transfer-Encoding: it only lets the client write before the end.
                    request.setChunked(true);
                    request.write(first);
                    return request.end(second).compose(ended -> request.response());
                });
        return answered.compose(response -> {
            assertEquals(HttpVersion.HTTP_2, response.version());
            assertEquals(200, response.statusCode());
            return response.body();
        }).map(body -> body.toJsonObject()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Reads headers and a Content-Length body of a response whose status line was read, and returns the body. */
    private static String skipMessage(BufferedReader in) throws java.io.IOException {
        int length = 0;
        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        char[] content = new char[length];
        int read = 0;
        while (read < length) {
            read += in.read(content, read, length - read);
        }
        return new String(content);
    }

    private static String authorizationSeenByService(Response response) {
        return response.jsonPath().getString("headers.authorization[0]");
    }
}
