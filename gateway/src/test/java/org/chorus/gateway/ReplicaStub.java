package org.chorus.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One replica of a service behind the gateway, on its own port, that records every request it receives by request
 * id. Told to, it closes a kept-alive connection without answering as soon as a second request arrives on it: the
 * moment a service closing an idle connection meets the gateway reusing it, made to happen every time.
 */
final class ReplicaStub {

    /** What became of one request that reached the replica. */
    enum Outcome {
        ANSWERED,
        CLOSED_UNANSWERED
    }

    /**
     * One request as the replica received it.
     *
     * @param keptAlive whether the sender meant to reuse the connection (it did not say Connection: close)
     */
    record Delivery(String replica, String method, Outcome outcome, boolean keptAlive, String body) {
    }

    private final Vertx vertx;
    private final String name;
    private final int port;
    private final boolean closesReusedConnections;
    private final Map<String, Queue<Delivery>> byRequestId = new ConcurrentHashMap<>();
    private final Map<HttpConnection, AtomicInteger> requestsPerConnection = new ConcurrentHashMap<>();
    private volatile HttpServer server;

    private ReplicaStub(Vertx vertx, String name, int port, boolean closesReusedConnections) {
        this.vertx = vertx;
        this.name = name;
        this.port = port;
        this.closesReusedConnections = closesReusedConnections;
    }

    /** A replica that answers every request; it listens on a free port once started. */
    static ReplicaStub answering(Vertx vertx, String name) {
        return new ReplicaStub(vertx, name, 0, false);
    }

    /** A replica that answers only the first request on each connection and closes the connection on the next. */
    static ReplicaStub closingReusedConnections(Vertx vertx, String name) {
        return new ReplicaStub(vertx, name, 0, true);
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Every delivery of every request whose id starts with the prefix, by request id. */
    JsonObject deliveries(String requestIdPrefix) {
        JsonObject all = new JsonObject();
        byRequestId.forEach((id, deliveries) -> {
            if (id.startsWith(requestIdPrefix)) {
                all.put(id, new JsonArray(deliveries.stream().map(ReplicaStub::json).toList()));
            }
        });
        return all;
    }

    /** Stops listening and closes every connection, as a stopped process would; its port then refuses connections. */
    Future<Void> stop() {
        return server.close();
    }

    /** Listens, on the port it had before it was stopped. */
    Future<ReplicaStub> start() {
        int listenOn = server == null ? port : server.actualPort();
        return vertx.createHttpServer()
                .connectionHandler(connection -> connection.closeHandler(closed -> requestsPerConnection.remove(connection)))
                .requestHandler(this::handle)
                .listen(listenOn, "127.0.0.1")
                .map(listening -> {
                    server = listening;
                    return this;
                });
    }

    private void handle(HttpServerRequest request) {
        String requestId = request.getHeader("X-Request-Id");
        boolean keptAlive = !"close".equalsIgnoreCase(request.getHeader("Connection"));
        int onConnection = requestsPerConnection.computeIfAbsent(request.connection(), c -> new AtomicInteger())
                .incrementAndGet();
        if (closesReusedConnections && onConnection > 1) {
            record(requestId, new Delivery(name, request.method().name(), Outcome.CLOSED_UNANSWERED, keptAlive, null));
            request.connection().close();
            return;
        }
        request.body().onSuccess(body -> {
            String text = body.toString(StandardCharsets.UTF_8);
            record(requestId, new Delivery(name, request.method().name(), Outcome.ANSWERED, keptAlive, text));
            request.response()
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("replica", name).put("method", request.method().name())
                            .put("body", text).encode());
        });
    }

    private void record(String requestId, Delivery delivery) {
        if (requestId != null) {
            byRequestId.computeIfAbsent(requestId, id -> new ConcurrentLinkedQueue<>()).add(delivery);
        }
    }

    private static JsonObject json(Delivery delivery) {
        return new JsonObject()
                .put("replica", delivery.replica())
                .put("method", delivery.method())
                .put("outcome", delivery.outcome().name())
                .put("keptAlive", delivery.keptAlive())
                .put("body", delivery.body());
    }
}
