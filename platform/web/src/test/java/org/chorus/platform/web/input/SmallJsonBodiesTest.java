package org.chorus.platform.web.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Through a real Vert.x server: which bodies are read whole before the route's own handler runs, and that every body
 * reaches that handler complete either way.
 */
class SmallJsonBodiesTest {

    private static Vertx vertx;
    /**
     * The JDK's client rather than Vert.x's: composing Vert.x's client calls from the test's own thread can register the
     * body handler after the response has already ended, and the test then waits for nothing.
     */
    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().order(SmallJsonBodies.ORDER).handler(new SmallJsonBodies(() -> true));
        router.route().handler(SmallJsonBodiesTest::describe);
        port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Answers whether the body was already read, and the body as this handler gets it. */
    private static void describe(RoutingContext context) {
        boolean readAhead = context.body().available();
        Future<Buffer> body = readAhead ? Future.succeededFuture(context.body().buffer()) : context.request().body();
        body.onSuccess(bytes -> context.response().end((readAhead ? "read ahead: " : "streamed: ") + bytes));
    }

    @Test
    void aSmallJsonBodyIsReadWholeBeforeTheEndpoint() throws Exception {
        String json = "{\"answers\":{\"q1\":{\"text\":\"More GP appointments\"}}}";
        assertEquals("read ahead: " + json, send("application/json", json, true));
        assertEquals("read ahead: " + json, send("application/merge-patch+json; charset=UTF-8", json,
                true));
    }

    @Test
    void aJsonBodyAtTheLimitIsReadAheadAndOneByteMoreStreams() throws Exception {
        String atTheLimit = json((int) SmallJsonBodies.MOST);
        String overIt = json((int) SmallJsonBodies.MOST + 1);
        assertEquals("read ahead: " + atTheLimit, send("application/json", atTheLimit, true));
        assertEquals("streamed: " + overIt, send("application/json", overIt, true));
    }

    @Test
    void aBodyOfUnknownLengthStreams() throws Exception {
        String json = "{\"chunked\":true}";
        assertEquals("streamed: " + json, send("application/json", json, false));
    }

    @Test
    void aBodyThatIsNotJsonStreams() throws Exception {
        String csv = "finding,theme\nLong waits for appointments,Access\n";
        assertEquals("streamed: " + csv, send("text/csv", csv, true));
    }

    /** A JSON string document of exactly {@code bytes} bytes. */
    private static String json(int bytes) {
        return "\"" + "x".repeat(bytes - 2) + "\"";
    }

    private static String send(String contentType, String body, boolean withLength) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // A publisher of unknown length makes the client send the body chunked.
        HttpRequest.BodyPublisher publisher = withLength ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/anything"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", contentType).POST(publisher).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
