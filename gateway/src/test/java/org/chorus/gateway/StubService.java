package org.chorus.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.chorus.platform.testing.TestInfrastructure;
import org.chorus.platform.web.caller.InternalToken;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One stub service: it verifies the internal token the way a real service does, with the public key only and for
 * its own audience alone, and echoes back everything it received, so tests can see exactly what the gateway forwarded.
 */
final class StubService {

    /** A path on which the stub never answers, to make the gateway time out. */
    static final String SILENT_PATH = "/api/v1/surveys/silent";

    /**
     * Where the stub streams a long answer, a kibibyte at a time, as an export is streamed: a caller can leave in its
     * middle. It stops when the gateway closes the connection.
     */
    static final String STREAMING_PATH = "/api/v1/exports/streaming";

    /** A request header asking the stub to drop its connection after streaming so many kibibytes, as a crash would. */
    static final String DIES_AFTER_KIBIBYTES = "X-Stub-Dies-After-Kibibytes";

    /** A request header asking the stub for an answer without a body, as a service gives a 304 or a 204. */
    static final String BODYLESS_STATUS = "X-Stub-Bodyless-Status";

    /**
     * Where the stub answers a survey-like JSON document of {@code ?bytes=} bytes ({@link #document}), with an ETag and
     * the Cache-Control and Vary a kept read has, or 304 to an If-None-Match naming the tag, weak or strong, as a
     * service does; {@code ?type=} gives another Content-Type.
     */
    static final String DOCUMENT_PATH = "/api/v1/surveys/document";

    /** The ETag of every answer on {@link #DOCUMENT_PATH}. */
    static final String DOCUMENT_TAG = "\"7-c2VlZCBzdXJ2ZXk\"";

    /** Where a test asks a stub which request paths reached it, to prove that a refused request never did. */
    static final String SEEN_PATH = "/stub/seen";

    private final String name;
    private final JsonObject openApi;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final JwtConsumer verifier;

    private StubService(String name, JsonObject openApi) {
        this.name = name;
        this.openApi = openApi;
        this.verifier = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer(InternalToken.ISSUER)
                .setExpectedAudience(InternalToken.audienceOf(name))
                .setVerificationKey(publicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }

    static int start(Vertx vertx, String name, JsonObject openApi) {
        StubService stub = new StubService(name, openApi);
        try {
            return vertx.createHttpServer()
                    .requestHandler(stub::handle)
                    .listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("Stub " + name + " did not start", e);
        }
    }

    private void handle(HttpServerRequest request) {
        if (request.path().equals("/q/openapi")) {
            if (!"json".equals(request.getParam("format"))) {
                request.response().setStatusCode(400).end("this stub serves JSON only");
                return;
            }
            request.response().putHeader("Content-Type", "application/json").end(openApi.encode());
            return;
        }
        if (request.path().equals(SEEN_PATH)) {
            request.response().putHeader("Content-Type", "application/json").end(new JsonArray(List.copyOf(seen)).encode());
            return;
        }
        seen.add(request.path());
        if (request.path().equals(SILENT_PATH)) {
            return;
        }
        if (request.path().equals(STREAMING_PATH)) {
            String diesAfter = request.getHeader(DIES_AFTER_KIBIBYTES);
            request.response().setChunked(true).putHeader("Content-Type", "text/csv");
            stream(request, 2_000, diesAfter == null ? Integer.MAX_VALUE : Integer.parseInt(diesAfter));
            return;
        }
        if (request.path().equals(DOCUMENT_PATH)) {
            HttpServerResponse response = request.response().putHeader("ETag", DOCUMENT_TAG)
                    .putHeader("Cache-Control", "private, no-cache")
                    .putHeader("Vary", "Authorization, Accept-Language");
            String kept = request.getHeader("If-None-Match");
            if (kept != null && kept.replace("W/", "").equals(DOCUMENT_TAG)) {
                response.setStatusCode(304).end();
                return;
            }
            response.putHeader("Content-Type", request.getParam("type", "application/json"))
                    .end(Buffer.buffer(document(Integer.parseInt(request.getParam("bytes")))));
            return;
        }
        String bodyless = request.getHeader(BODYLESS_STATUS);
        if (bodyless != null) {
            request.response().setStatusCode(Integer.parseInt(bodyless)).putHeader("ETag", "\"1-stub\"").end();
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject echo = new JsonObject()
                    .put("service", name)
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("body", body.toString(StandardCharsets.UTF_8))
                    .put("headers", headers(request));
            echo.put("token", verify(request.getHeader("Authorization")));
            String cacheControl = request.getHeader("X-Stub-Cache-Control");
            if (cacheControl != null) {
                request.response().putHeader("Cache-Control", cacheControl);
            }
            request.response()
                    .putHeader("Content-Type", "application/json")
                    // Hop-by-hop headers the gateway must not hand back to the caller.
                    .putHeader("Keep-Alive", "timeout=5")
                    .putHeader("Connection", "keep-alive, X-Stub-Hop")
                    .putHeader("X-Stub-Hop", "only for the next hop")
                    .putHeader("X-Stub-End", "for the caller")
                    .end(echo.encode());
        });
    }

    private JsonObject verify(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return new JsonObject().put("valid", false).put("error", "no bearer token");
        }
        try {
            JwtClaims claims = verifier.processToClaims(authorization.substring("Bearer ".length()));
            return new JsonObject()
                    .put("valid", true)
                    .put("issuer", claims.getIssuer())
                    .put("audience", new JsonArray(claims.getAudience()))
                    .put("subject", claims.getSubject())
                    .put("org", claims.getStringClaimValue(InternalToken.ORGANISATION_CLAIM))
                    .put("keyKind", claims.getStringClaimValue(InternalToken.KEY_KIND_CLAIM))
                    .put("groups", new JsonArray(claims.getStringListClaimValue("groups")))
                    .put("issuedAt", claims.getIssuedAt().getValue())
                    .put("expiresAt", claims.getExpirationTime().getValue());
        } catch (Exception e) {
            return new JsonObject().put("valid", false).put("error", e.getMessage());
        }
    }

    private static void stream(HttpServerRequest request, int kibibytesLeft, int kibibytesBeforeDying) {
        HttpServerResponse response = request.response();
        if (response.closed()) {
            return;
        }
        if (kibibytesBeforeDying == 0) {
            request.connection().close();
            return;
        }
        if (kibibytesLeft == 0) {
            response.end();
            return;
        }
        response.write("x".repeat(1023) + "\n").onSuccess(written -> Vertx.currentContext().owner()
                .setTimer(1, timer -> stream(request, kibibytesLeft - 1, kibibytesBeforeDying - 1)));
    }

    /** A JSON document of exactly so many bytes, as repetitive as a survey's questions are. */
    static byte[] document(int bytes) {
        StringBuilder json = new StringBuilder("{\"questions\":[");
        for (int question = 1; json.length() + 150 < bytes; question++) {
            json.append("{\"id\":\"q").append(question).append("\",\"type\":\"FREE_TEXT\",")
                    .append("\"text\":\"What matters to you about care close to home? (").append(question)
                    .append(")\"},");
        }
        json.setLength(json.length() - (json.charAt(json.length() - 1) == ',' ? 1 : 0));
        json.append("],\"padding\":\"");
        while (json.length() < bytes - 2) {
            json.append('.');
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject headers(HttpServerRequest request) {
        JsonObject headers = new JsonObject();
        request.headers().names().forEach(n -> headers.put(n.toLowerCase(), new JsonArray(request.headers().getAll(n))));
        return headers;
    }

    private static PublicKey publicKey() {
        try {
            String pem = Files.readString(TestInfrastructure.get().keys().publicKeyFile());
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("Test public key unreadable", e);
        }
    }

    /** The directory's document: its own paths, one it does not own, and schemas shared with the survey service. */
    static JsonObject directoryDocument() {
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "directory").put("version", "1.0"))
                .put("paths", new JsonObject()
                        .put("/api/v1/organisations", operation("listOrganisations", "#/components/schemas/Organisation"))
                        .put("/api/v1/surveys/not-mine", operation("notRoutedHere", "#/components/schemas/Problem")))
                .put("components", new JsonObject()
                        .put("schemas", new JsonObject()
                                .put("Organisation", object("name"))
                                .put("Problem", object("title")))
                        .put("securitySchemes", new JsonObject()
                                .put("SecurityScheme", new JsonObject().put("type", "http").put("scheme", "bearer"))));
    }

    /** The survey's document: a schema named like the directory's but different, and one identical to it. */
    static JsonObject surveyDocument() {
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "survey").put("version", "1.0"))
                .put("paths", new JsonObject()
                        .put("/api/v1/surveys", operation("listSurveys", "#/components/schemas/Organisation")))
                .put("components", new JsonObject()
                        .put("schemas", new JsonObject()
                                .put("Organisation", object("surveyOwner"))
                                .put("Problem", object("title"))));
    }

    private static JsonObject operation(String id, String schemaRef) {
        JsonObject response = new JsonObject()
                .put("description", "OK")
                .put("content", new JsonObject().put("application/json",
                        new JsonObject().put("schema", new JsonObject().put("$ref", schemaRef))));
        return new JsonObject().put("get", new JsonObject()
                .put("operationId", id)
                .put("security", new JsonArray().add(new JsonObject().put("SecurityScheme", new JsonArray())))
                .put("responses", new JsonObject().put("200", response)));
    }

    private static JsonObject object(String property) {
        return new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put(property, new JsonObject().put("type", "string")));
    }
}
