package org.chorus.gateway.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;

/**
 * Pooled HTTP clients to the services, one for each event loop that asks. A Vert.x pool hands out the connection used
 * last, whatever event loop it lives on, so a request from one loop on another loop's connection crosses threads for
 * its head, every chunk of its body and its end; a client used from one loop alone only ever opens connections there.
 */
final class LoopClients {

    private final Vertx vertx;
    private final HttpClientOptions options;
    /** For requests made off the event loops, where no pool is the caller's own; proxied requests never are. */
    private final HttpClient elsewhere;
    private final Map<Thread, HttpClient> byLoop = new ConcurrentHashMap<>();

    LoopClients(Vertx vertx, HttpClientOptions options) {
        this.vertx = vertx;
        this.options = options;
        this.elsewhere = vertx.createHttpClient(options);
    }

    /** The client of the event loop this runs on. */
    HttpClient current() {
        if (!Context.isOnEventLoopThread()) {
            return elsewhere;
        }
        // An event loop is one thread for the whole life of the gateway, and there are few of them.
        return byLoop.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(options));
    }

    /** The client for requests made off the event loops. */
    HttpClient offTheEventLoops() {
        return elsewhere;
    }

    void close() {
        elsewhere.close();
        byLoop.values().forEach(HttpClient::close);
    }
}
