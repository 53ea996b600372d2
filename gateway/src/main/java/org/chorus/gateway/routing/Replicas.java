package org.chorus.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;

/**
 * The replicas of one service and the connections to them: requests take turns among the replicas, and one that
 * refuses the connection is passed over for the next, since nothing was sent to it. A second attempt after a closed
 * connection goes to the next replica on a connection opened for it alone, never to another pooled one.
 */
final class Replicas implements OriginRequestProvider {

    private static final Logger LOG = Logger.getLogger(Replicas.class);

    /** The context key under which the replica that took the current attempt is kept. */
    private static final String TAKEN_BY = Replicas.class.getName() + ".takenBy";

    private final String service;
    private final UpstreamMetrics metrics;
    private final List<RequestOptions> origins;
    private final LoopClients pooled;
    private final HttpClient fresh;
    private final AtomicInteger turn = new AtomicInteger();

    /**
     * @param pooled the clients that keep connections alive, one for each event loop, for first attempts
     * @param fresh a client that opens a new connection for every request, for second attempts
     */
    Replicas(String service, List<URI> urls, long idleTimeoutMs, LoopClients pooled, HttpClient fresh,
            UpstreamMetrics metrics) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("The " + service + " service needs at least one URL");
        }
        this.service = service;
        this.metrics = metrics;
        this.origins = urls.stream().map(url -> origin(url, idleTimeoutMs)).toList();
        this.pooled = pooled;
        this.fresh = fresh;
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        return open(pooled.current(), nextTurn(), 0, UnaryOperator.identity(), context)
                // Every failure also fails the response, which is where it is answered and logged; a request abandoned
                // on purpose (a body over the limit) would otherwise be logged as an error.
                .onSuccess(request -> request.exceptionHandler(e -> LOG.debugf("Request to %s: %s", service,
                        e.getMessage())));
    }

    /**
     * A connection of its own, to the replica after the one whose connection closed under the proxied request, for
     * the request's second attempt.
     */
    Future<HttpClientRequest> secondAttempt(ProxyContext context) {
        Integer failed = context.get(TAKEN_BY, Integer.class);
        return open(fresh, failed == null ? nextTurn() : failed + 1, 0, UnaryOperator.identity(), null);
    }

    /**
     * A request of the gateway's own to any replica that accepts a connection, e.g. for the service's documents.
     *
     * @param shape sets method, path, headers and timeout on options that already name the replica
     */
    Future<HttpClientRequest> request(UnaryOperator<RequestOptions> shape) {
        return open(pooled.current(), nextTurn(), 0, shape, null);
    }

    private Future<HttpClientRequest> open(HttpClient client, int first, int tried, UnaryOperator<RequestOptions> shape,
            ProxyContext context) {
        int replica = Math.floorMod(first + tried, origins.size());
        return client.request(shape.apply(new RequestOptions(origins.get(replica))))
                .onSuccess(request -> {
                    if (context != null) {
                        context.set(TAKEN_BY, replica);
                    }
                })
                .recover(failure -> {
                    if (UpstreamFailure.of(failure) != UpstreamFailure.REFUSED || tried + 1 == origins.size()) {
                        return Future.failedFuture(failure);
                    }
                    metrics.passedOver(service);
                    return open(client, first, tried + 1, shape, context);
                });
    }

    private int nextTurn() {
        return Math.floorMod(turn.getAndIncrement(), origins.size());
    }

    private static RequestOptions origin(URI url, long idleTimeoutMs) {
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || url.getHost() == null
                || url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/")
                || url.getRawQuery() != null) {
            throw new IllegalArgumentException("A service URL is http(s)://host:port and nothing more, not " + url);
        }
        boolean ssl = "https".equalsIgnoreCase(scheme);
        int port = url.getPort() != -1 ? url.getPort() : ssl ? 443 : 80;
        // An idle timeout, not a total one: a long export keeps streaming as long as data keeps coming.
        return new RequestOptions().setHost(url.getHost()).setPort(port).setSsl(ssl).setIdleTimeout(idleTimeoutMs);
    }
}
