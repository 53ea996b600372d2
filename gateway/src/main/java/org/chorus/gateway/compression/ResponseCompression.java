package org.chorus.gateway.compression;

import java.util.Locale;
import java.util.Set;

import org.chorus.gateway.GatewayConfig;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Compresses the services' text answers for callers that accept gzip: a survey a partner's page loads for every
 * visitor shrinks from 12.5 KB to 4.3, and an analyst's CSV export to a tenth. Done here, in the proxy's own pipe,
 * not by the HTTP server: Vert.x's compression marks every answer it leaves alone with {@code Content-Encoding:
 * identity} over HTTP/2, which some clients refuse. Answers that are compressed already (zip, xlsx), small, bodiless,
 * partial, or marked {@code no-transform} go as they are.
 */
public final class ResponseCompression implements ProxyInterceptor {

    private static final String GZIP = "gzip";
    private static final String WEAK = "W/";
    // Spelt as the services spell them; Vert.x's own constants are in lower case, as HTTP/2 writes every name.
    private static final String ACCEPT_ENCODING = "Accept-Encoding";
    private static final String CONTENT_ENCODING = "Content-Encoding";
    private static final String ETAG = "ETag";
    private static final String VARY = "Vary";

    private static final Set<String> TEXT_APPLICATION_TYPES = Set.of("application/json", "application/x-ndjson",
            "application/ndjson", "application/yaml", "application/xml");

    private final long minBytes;

    public ResponseCompression(GatewayConfig.Compression config) {
        this.minBytes = config.minSize().asLongValue();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        HttpServerRequest caller = context.request().proxiedRequest();
        if (worthCompressing(caller, response)) {
            // A cache must not give a compressed answer to a caller that did not ask for one, nor the reverse.
            response.headers().add(VARY, ACCEPT_ENCODING);
            if (AcceptedCodings.gzip(caller.headers().getAll(HttpHeaders.ACCEPT_ENCODING))) {
                compress(response);
            }
        } else if (response.getStatusCode() == 304) {
            confirmTheTagTheCallerKept(caller, response);
        }
        return context.sendResponse();
    }

    /**
     * A 304 carries the tag the 200 would have (RFC 9110, 15.4.5): the weakened one, where the copy the caller asks
     * about came compressed. It has no body to tell, so the caller's If-None-Match says which copy it kept.
     */
    private static void confirmTheTagTheCallerKept(HttpServerRequest caller, ProxyResponse response) {
        String tag = response.headers().get(HttpHeaders.ETAG);
        String ifNoneMatch = caller.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (tag != null && !tag.startsWith(WEAK) && ifNoneMatch != null && ifNoneMatch.contains(WEAK + tag)) {
            response.headers().set(ETAG, WEAK + tag).add(VARY, ACCEPT_ENCODING);
        }
    }

    private boolean worthCompressing(HttpServerRequest caller, ProxyResponse response) {
        Body body = response.getBody();
        MultiMap headers = response.headers();
        int status = response.getStatusCode();
        return body != null && caller.method() != HttpMethod.HEAD && status >= 200 && status != 204 && status != 206
                && status != 304 && (body.length() < 0 || body.length() >= minBytes)
                && !headers.contains(HttpHeaders.CONTENT_ENCODING)
                && compressible(headers.get(HttpHeaders.CONTENT_TYPE)) && !noTransform(headers);
    }

    /**
     * The compressed answer is another representation, so its tag is weakened, as other servers do (RFC 9110, 8.8.1):
     * If-None-Match compares weakly and still matches, and the services read their version from a weak tag too.
     */
    private static void compress(ProxyResponse response) {
        MultiMap headers = response.headers();
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        headers.set(CONTENT_ENCODING, GZIP);
        String tag = headers.get(HttpHeaders.ETAG);
        if (tag != null && !tag.startsWith(WEAK)) {
            headers.set(ETAG, WEAK + tag);
        }
        response.setBody(Body.body(new GzipStream(response.getBody().stream())));
    }

    /**
     * Text: JSON (problems and schemas too), newline-delimited JSON exports, CSV, YAML and XML; not zip or xlsx, which
     * are compressed already, nor an event stream, whose events must not wait in the deflater.
     */
    static boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return TEXT_APPLICATION_TYPES.contains(type) || type.endsWith("+json") || type.endsWith("+xml")
                || type.startsWith("text/") && !type.equals("text/event-stream");
    }

    private static boolean noTransform(MultiMap headers) {
        return headers.getAll(HttpHeaders.CACHE_CONTROL).stream()
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("no-transform"));
    }
}
