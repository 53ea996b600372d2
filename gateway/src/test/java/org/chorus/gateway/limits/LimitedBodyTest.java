package org.chorus.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/** A body the proxy fails to send on must never reach the service as a request that ended without it. */
class LimitedBodyTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /**
     * An HTTP/2 body of unknown length, sent on to HTTP/1.1 with neither a length nor chunks (as the gateway did before
     * it asked for chunks): the client refuses the first chunk, and the proxy used to end the request without it.
     */
    @Test
    void aChunkTheServiceRequestRefusesAbandonsTheRequest() throws Exception {
        List<String> bodiesReceived = new CopyOnWriteArrayList<>();
        HttpServer service = await(vertx.createHttpServer().requestHandler(request -> request.body()
                .onSuccess(body -> bodiesReceived.add(body.toString()))
                .onSuccess(body -> request.response().end("acted on it"))).listen(0, "127.0.0.1"));
        HttpClient client = vertx.createHttpClient();
        HttpProxy proxy = HttpProxy.reverseProxy(client)
                // As the gateway's Replicas do: the proxy answers a failed request, so the client need not log it.
                .origin(context -> client.request(new RequestOptions().setHost("127.0.0.1")
                        .setPort(service.actualPort())).onSuccess(request -> request.exceptionHandler(failure -> { })))
                .addInterceptor(new ProxyInterceptor() {
                    @Override
                    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                        context.request().setBody(Body.body(LimitedBody.wrap(context.request().getBody(), 1024), -1));
                        return context.sendRequest();
                    }
                });
        HttpServer gateway = await(vertx.createHttpServer().requestHandler(proxy).listen(0, "127.0.0.1"));

        int status = await(vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false))
                .request(HttpMethod.POST, gateway.actualPort(), "127.0.0.1", "/")
                .compose(request -> {
                    // Lets the HTTP/2 client write before the end; no length is announced.
                    request.setChunked(true).write("{\"graceMinutes\":");
                    return request.end("0}").compose(ended -> request.response());
                })
                .map(response -> response.statusCode()));

        assertEquals(502, status, "the proxy answers for a request it could not send");
        assertEquals(List.of(), bodiesReceived, "the service got the request without its body");
    }

    /**
     * The gateway answered the caller itself (a body it could not read) while the proxy was still connecting to the
     * service; the caller's connection is closed and its body will never end. Starting to read it must fail the
     * proxy's request at once, not leave it holding a connection to the service until the service times out.
     */
    @Test
    void aBodyWhoseCallerWasAnsweredFailsAsSoonAsTheProxyReadsIt() {
        NeverEndingStream caller = new NeverEndingStream();
        AtomicBoolean answered = new AtomicBoolean();
        LimitedBody body = LimitedBody.wrap(Body.body(caller, -1), 1024).giveUpWhen(answered::get);
        List<Throwable> failures = new ArrayList<>();
        body.exceptionHandler(failures::add);

        body.resume();
        assertEquals(List.of(), failures, "a caller not answered yet is read as usual");
        assertEquals(1, caller.resumed);

        answered.set(true);
        body.resume();
        assertEquals(1, failures.size(), "the proxy was not told to give the request up");
        assertInstanceOf(LimitedBody.CallerDoneException.class, failures.get(0));
        assertEquals(1, caller.resumed, "the answered caller's body was read on");
    }

    /** A caller's body whose connection closed before it ended: nothing more ever comes. */
    private static final class NeverEndingStream implements ReadStream<Buffer> {

        private int resumed;

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            resumed++;
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            return this;
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
