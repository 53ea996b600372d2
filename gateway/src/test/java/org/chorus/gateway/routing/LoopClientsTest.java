package org.chorus.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;

/** Each event loop is given a client of its own, always the same one, and every other thread a shared one. */
class LoopClientsTest {

    private static final int LOOPS = 3;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(LOOPS));
    private final LoopClients clients = new LoopClients(vertx, new HttpClientOptions());

    @AfterEach
    void close() throws Exception {
        clients.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachEventLoopHasAClientOfItsOwnAndKeepsIt() throws Exception {
        Map<String, Set<HttpClient>> byLoop = new ConcurrentHashMap<>();
        // Verticle instances are given the event loops in turn, so these ask from every loop twice.
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start() {
                byLoop.computeIfAbsent(Thread.currentThread().getName(), loop -> ConcurrentHashMap.newKeySet())
                        .add(clients.current());
            }
        }, new DeploymentOptions().setInstances(2 * LOOPS)).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertEquals(LOOPS, byLoop.size(), "loops seen: " + byLoop.keySet());
        byLoop.forEach((loop, given) -> assertEquals(1, given.size(), loop + " is always given the same client"));
        Set<HttpClient> all = new HashSet<>();
        byLoop.values().forEach(all::addAll);
        assertEquals(LOOPS, all.size(), "one client for each loop");
        assertFalse(all.contains(clients.offTheEventLoops()), "none of them the shared client");
    }

    @Test
    void aThreadThatIsNoEventLoopIsGivenTheSharedClient() throws Exception {
        assertSame(clients.offTheEventLoops(), clients.current());
        HttpClient onWorker = vertx.<HttpClient>executeBlocking(() -> clients.current())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertSame(clients.offTheEventLoops(), onWorker);
    }
}
