package org.chorus.gateway.routing;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.gateway.GatewayConfig;
import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.HttpProxy;

/** The services behind the gateway, sharing one pooled HTTP client so connections to them are kept alive. */
@ApplicationScoped
public class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);

    private final HttpClient client;
    private final Map<String, Upstream> byName = new TreeMap<>();

    public Upstreams(Vertx vertx, GatewayConfig config, ProblemResponses problems) {
        GatewayConfig.Upstream upstream = config.upstream();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) upstream.connectTimeout().toMillis())
                .setMaxPoolSize(upstream.maxConnections())
                .setKeepAlive(true)
                .setKeepAliveTimeout(60)
                .setTcpNoDelay(true));
        long timeoutMs = upstream.timeout().toMillis();
        long maxBodyBytes = config.limits().maxBodySize().asLongValue();
        config.services().forEach((name, service) -> {
            URI url = service.url();
            RequestOptions origin = origin(url, timeoutMs);
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(context -> context.client().request(new RequestOptions(origin))
                            // Every failure also fails the response, which is where it is answered and logged; a
                            // request abandoned on purpose (a body over the limit) would otherwise be logged as an error.
                            .onSuccess(request -> request.exceptionHandler(e -> LOG.debugf("Request to %s: %s", name,
                                    e.getMessage()))))
                    .addInterceptor(new ForwardingInterceptor(name, problems, maxBodyBytes));
            byName.put(name, new Upstream(name, url, proxy));
        });
    }

    /** The services by name, in name order, so that merging their documents gives the same result every time. */
    public Map<String, Upstream> byName() {
        return byName;
    }

    /** The client the proxies use, for the gateway's own calls to the services. */
    public HttpClient client() {
        return client;
    }

    private static RequestOptions origin(URI url, long timeoutMs) {
        boolean ssl = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : ssl ? 443 : 80;
        // An idle timeout, not a total one: a long export keeps streaming as long as data keeps coming.
        return new RequestOptions().setHost(url.getHost()).setPort(port).setSsl(ssl).setIdleTimeout(timeoutMs);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
