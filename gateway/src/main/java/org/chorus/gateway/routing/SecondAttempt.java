package org.chorus.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The second attempt of a request whose pooled connection closed before the service answered, sent by the gateway
 * itself. Sent through the proxy, it could be reset by the first attempt: the proxy resets whichever request it holds
 * when writing the first one's body fails, and that failure may arrive after the close that started the retry.
 */
final class SecondAttempt {

    private SecondAttempt() {
    }

    /** Sends the request again, exactly as the proxy sent it, on a connection of its own. */
    static Future<ProxyResponse> send(ProxyContext context, ReplayableBody body, Replicas replicas) {
        ProxyRequest proxied = context.request();
        // Read now: releasing the proxy's request below clears its headers.
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(proxied.headers());
        HostAndPort authority = proxied.getAuthority();
        return replicas.secondAttempt(context).compose(request -> {
            request.setMethod(proxied.getMethod()).setURI(proxied.getURI());
            headers.remove(HttpHeaders.HOST);
            headers.remove(HttpHeaders.CONTENT_LENGTH);
            request.headers().addAll(headers);
            if (authority != null) {
                request.authority(authority);
            }
            return body.sendOn(request);
        }).map(answer -> answered(proxied, answer));
    }

    private static ProxyResponse answered(ProxyRequest proxied, HttpClientResponse answer) {
        // Held until the proxy pipes it to the caller, after the interceptors have seen the headers.
        answer.pause();
        ProxyResponse response = proxied.release().response()
                .setStatusCode(answer.statusCode())
                .setStatusMessage(answer.statusMessage());
        response.headers().addAll(answer.headers());
        String length = answer.getHeader(HttpHeaders.CONTENT_LENGTH);
        response.setBody(Body.body(answer, length == null ? -1 : Long.parseLong(length)));
        return response;
    }
}
