package org.chorus.platform.web.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Through a real Vert.x server: which bodies are read whole before the route's own handler runs, and that every body
 * reaches that handler complete either way.
 */
class SmallJsonBodiesTest {

    private static Vertx vertx;
    private static HttpClient client;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().order(SmallJsonBodies.ORDER).handler(new SmallJsonBodies(() -> true));
        router.route().handler(SmallJsonBodiesTest::describe);
        port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        client = vertx.createHttpClient();
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
        assertEquals("read ahead: " + json, send("application/json", Buffer.buffer(json), true));
        assertEquals("read ahead: " + json, send("application/merge-patch+json; charset=UTF-8", Buffer.buffer(json),
                true));
    }

    @Test
    void aJsonBodyAtTheLimitIsReadAheadAndOneByteMoreStreams() throws Exception {
        String atTheLimit = json((int) SmallJsonBodies.MOST);
        String overIt = json((int) SmallJsonBodies.MOST + 1);
        assertEquals("read ahead: " + atTheLimit, send("application/json", Buffer.buffer(atTheLimit), true));
        assertEquals("streamed: " + overIt, send("application/json", Buffer.buffer(overIt), true));
    }

    @Test
    void aBodyOfUnknownLengthStreams() throws Exception {
        String json = "{\"chunked\":true}";
        assertEquals("streamed: " + json, send("application/json", Buffer.buffer(json), false));
    }

    @Test
    void aBodyThatIsNotJsonStreams() throws Exception {
        String csv = "finding,theme\nLong waits for appointments,Access\n";
        assertEquals("streamed: " + csv, send("text/csv", Buffer.buffer(csv), true));
    }

    /** A JSON string document of exactly {@code bytes} bytes. */
    private static String json(int bytes) {
        return "\"" + "x".repeat(bytes - 2) + "\"";
    }

    private static String send(String contentType, Buffer body, boolean withLength) throws Exception {
        return client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                .setURI("/api/v1/anything"))
                .compose(request -> {
                    request.putHeader("Content-Type", contentType);
                    if (!withLength) {
                        request.setChunked(true);
                    }
                    return request.send(body);
                })
                .compose(HttpClientResponse::body)
                .map(Buffer::toString)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
