package org.chorus.gateway.routing;

import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.gateway.GatewayConfig;
import org.chorus.gateway.compression.ResponseCompression;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.httpproxy.HttpProxy;

/**
 * The services behind the gateway. Requests go on pooled connections, kept alive, from the event loop the caller's
 * request is on ({@link LoopClients}), and a second attempt, after the service closed a pooled connection under a
 * request, on a connection of its own.
 */
@ApplicationScoped
public class Upstreams {

    private final LoopClients pooled;
    private final HttpClient fresh;
    private final Map<String, Upstream> byName = new TreeMap<>();

    public Upstreams(Vertx vertx, GatewayConfig config, ProblemResponses problems, MeterRegistry registry) {
        GatewayConfig.Upstream upstream = config.upstream();
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) upstream.connectTimeout().toMillis())
                .setMaxPoolSize(upstream.maxConnections())
                .setKeepAlive(true)
                .setKeepAliveTimeout(keepAliveSeconds(upstream))
                .setTcpNoDelay(true);
        this.pooled = new LoopClients(vertx, options);
        this.fresh = vertx.createHttpClient(new HttpClientOptions(options).setKeepAlive(false));
        long timeoutMs = upstream.timeout().toMillis();
        long maxBodyBytes = config.limits().maxBodySize().asLongValue();
        long replayableBytes = upstream.replayableBody().asLongValue();
        UpstreamMetrics metrics = new UpstreamMetrics(registry);
        config.services().forEach((name, service) -> {
            Replicas replicas = new Replicas(name, service.urls(), timeoutMs, pooled, fresh, metrics);
            // The proxy opens no connection itself: Replicas does, on the pooled client of the caller's event loop.
            HttpProxy proxy = HttpProxy.reverseProxy(pooled.offTheEventLoops()).origin(replicas);
            // Answers pass the interceptors in reverse order: compressed last, once forwarding has shaped them.
            if (config.compression().enabled()) {
                proxy.addInterceptor(new ResponseCompression(config.compression()));
            }
            proxy.addInterceptor(new ForwardingInterceptor(name, replicas, problems, maxBodyBytes, replayableBytes,
                    metrics, config.publicUrl()));
            byName.put(name, new Upstream(name, replicas, proxy));
        });
    }

    /** The services by name, in name order, so that merging their documents gives the same result every time. */
    public Map<String, Upstream> byName() {
        return byName;
    }

    /** Vert.x counts keep-alive in whole seconds; less than one would mean never reusing a connection. */
    private static int keepAliveSeconds(GatewayConfig.Upstream upstream) {
        return (int) Math.max(1, upstream.keepAlive().toSeconds());
    }

    @PreDestroy
    void close() {
        pooled.close();
        fresh.close();
    }
}
