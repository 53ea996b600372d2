package org.chorus.gateway.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.gateway.GatewayConfig;
import org.chorus.gateway.routing.Upstream;
import org.chorus.gateway.routing.Upstreams;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;

/**
 * Fetches each service's own OpenAPI document from the standard Quarkus endpoint of any of its replicas, tolerating
 * services that are down.
 */
@ApplicationScoped
public class ServiceDocuments {

    private static final Logger LOG = Logger.getLogger(ServiceDocuments.class);
    static final String DOCUMENT_PATH = "/q/openapi?format=json";

    private final Upstreams upstreams;
    private final ObjectMapper mapper;
    private final long timeoutMs;
    // Services whose document could not be had last time: warn when one goes missing, not on every retry.
    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    public ServiceDocuments(Upstreams upstreams, ObjectMapper mapper, GatewayConfig config) {
        this.upstreams = upstreams;
        this.mapper = mapper;
        this.timeoutMs = config.openapi().fetchTimeout().toMillis();
    }

    /** Every service's document that could be had, in service order; completes even when every service is down. */
    public Future<List<ServiceDocument>> fetchAll() {
        List<Future<Optional<ServiceDocument>>> fetches = new ArrayList<>();
        for (Map.Entry<String, Upstream> upstream : upstreams.byName().entrySet()) {
            fetches.add(fetch(upstream.getValue()));
        }
        return Future.all(fetches).map(all -> {
            List<ServiceDocument> documents = new ArrayList<>();
            for (Future<Optional<ServiceDocument>> fetch : fetches) {
                fetch.result().ifPresent(documents::add);
            }
            return documents;
        });
    }

    /** Whether the last fetch got every service's document. */
    public boolean complete() {
        return missing.isEmpty();
    }

    private Future<Optional<ServiceDocument>> fetch(Upstream upstream) {
        // Any replica that accepts a connection serves the same document.
        return upstream.request(replica -> replica
                        .setMethod(HttpMethod.GET)
                        .setURI(DOCUMENT_PATH)
                        .putHeader(HttpHeaders.ACCEPT, "application/json")
                        .setIdleTimeout(timeoutMs))
                .compose(r -> r.send())
                .compose(this::body)
                .map(body -> Optional.of(parse(upstream.name(), body)))
                .map(document -> {
                    if (missing.remove(upstream.name())) {
                        LOG.infof("OpenAPI document of the %s service is available again", upstream.name());
                    }
                    return document;
                })
                .otherwise(failure -> {
                    if (missing.add(upstream.name())) {
                        LOG.warnf("OpenAPI document of the %s service is left out for now: %s", upstream.name(),
                                failure.getMessage());
                    }
                    return Optional.empty();
                });
    }

    private Future<Buffer> body(HttpClientResponse response) {
        if (response.statusCode() != 200) {
            return response.body().transform(ignored -> Future.failedFuture("status " + response.statusCode()));
        }
        return response.body();
    }

    private ServiceDocument parse(String service, Buffer body) {
        try {
            JsonNode document = mapper.readTree(body.getBytes());
            if (!(document instanceof ObjectNode object)) {
                throw new IllegalStateException("not a JSON object");
            }
            return new ServiceDocument(service, object);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + e.getMessage(), e);
        }
    }
}
