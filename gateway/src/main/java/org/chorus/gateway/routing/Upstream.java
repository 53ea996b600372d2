package org.chorus.gateway.routing;

import java.util.function.UnaryOperator;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.HttpProxy;

/** One service behind the gateway, its replicas, and the proxy that forwards callers' requests to them. */
public final class Upstream {

    private final String name;
    private final Replicas replicas;
    private final HttpProxy proxy;

    Upstream(String name, Replicas replicas, HttpProxy proxy) {
        this.name = name;
        this.replicas = replicas;
        this.proxy = proxy;
    }

    /** The service's name in configuration, used in problem details and logs. */
    public String name() {
        return name;
    }

    /** Forwards a caller's request to one of the replicas. */
    public HttpProxy proxy() {
        return proxy;
    }

    /**
     * A request of the gateway's own to whichever replica accepts a connection first, in turn.
     *
     * @param shape sets method, path, headers and timeout on options that already name the replica
     */
    public Future<HttpClientRequest> request(UnaryOperator<RequestOptions> shape) {
        return replicas.request(shape);
    }
}
