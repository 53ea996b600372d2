package org.chorus.gateway.openapi;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.gateway.GatewayConfig;
import org.chorus.gateway.compression.WholeBodies;
import org.chorus.gateway.routing.RouteTable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * The merged document, cached: fetching three documents on every request would tie the gateway's docs to the
 * slowest service. A document missing a service is fetched again soon; a stale one is served while it is refreshed.
 */
@ApplicationScoped
public class MergedOpenApi {

    private final ServiceDocuments documents;
    private final RouteTable routes;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final YAMLMapper yaml = new YAMLMapper();
    private final long ttlNanos;
    private final long retryNanos;
    private final Optional<URI> publicUrl;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final AtomicReference<Future<Snapshot>> refreshing = new AtomicReference<>();

    public MergedOpenApi(ServiceDocuments documents, RouteTable routes, Vertx vertx, ObjectMapper json,
            GatewayConfig config) {
        this.documents = documents;
        this.routes = routes;
        this.vertx = vertx;
        this.json = json;
        this.ttlNanos = config.openapi().cacheTtl().toNanos();
        this.retryNanos = config.openapi().retryAfter().toNanos();
        this.publicUrl = config.publicUrl();
    }

    /** The merged document as JSON and YAML, each also gzip-coded. */
    public record Snapshot(Representation json, Representation yaml, long staleAfter) {

        boolean fresh(long now) {
            return now - staleAfter < 0;
        }
    }

    /** One form of the document, as it is and gzip-coded. */
    public record Representation(byte[] bytes, byte[] gzipped) {

        static Representation of(byte[] bytes) {
            return new Representation(bytes, WholeBodies.gzip(bytes));
        }
    }

    /** The current document; waits for a fetch only when there has never been one. */
    public Future<Snapshot> document() {
        Snapshot snapshot = current.get();
        if (snapshot != null && snapshot.fresh(System.nanoTime())) {
            return Future.succeededFuture(snapshot);
        }
        Future<Snapshot> refresh = refresh();
        return snapshot != null ? Future.succeededFuture(snapshot) : refresh;
    }

    private Future<Snapshot> refresh() {
        Promise<Snapshot> promise = Promise.promise();
        Future<Snapshot> running = refreshing.compareAndExchange(null, promise.future());
        if (running != null) {
            return running;
        }
        documents.fetchAll()
                .compose(fetched -> vertx.executeBlocking(() -> snapshot(fetched), false))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        current.set(result.result());
                    }
                    refreshing.set(null);
                    promise.handle(result);
                });
        return promise.future();
    }

    private Snapshot snapshot(List<ServiceDocument> fetched) throws JsonProcessingException {
        ObjectNode merged = OpenApiMerger.merge(fetched, routes::routesTo, publicUrl);
        long lifetime = documents.complete() ? ttlNanos : retryNanos;
        return new Snapshot(Representation.of(json.writeValueAsBytes(merged)),
                Representation.of(yaml.writeValueAsBytes(merged)), System.nanoTime() + lifetime);
    }
}
