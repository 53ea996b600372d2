package org.chorus.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * Counts, by path, the exchanges the gateway's router began and those it was told have ended, answered whole or cut
 * off. What is begun and never told stays counted as running, and the application's stop waits for it.
 */
@ApplicationScoped
public class ExchangeEnds {

    private final Map<String, AtomicInteger> begun = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> ended = new ConcurrentHashMap<>();

    void watch(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String path = context.request().path();
            count(begun, path);
            context.addEndHandler(endedOrCut -> count(ended, path));
            context.next();
        });
    }

    int begun(String path) {
        return begun.getOrDefault(path, new AtomicInteger()).get();
    }

    int ended(String path) {
        return ended.getOrDefault(path, new AtomicInteger()).get();
    }

    private static void count(Map<String, AtomicInteger> counts, String path) {
        counts.computeIfAbsent(path, any -> new AtomicInteger()).incrementAndGet();
    }
}
