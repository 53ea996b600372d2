package org.chorus.gateway.routing;

import java.net.URI;

import io.vertx.httpproxy.HttpProxy;

/**
 * One service behind the gateway and the proxy that forwards to it.
 *
 * @param name the service's name in configuration, used in problem details and logs
 * @param url the service's base URL
 * @param proxy forwards a request to the service
 */
public record Upstream(String name, URI url, HttpProxy proxy) {
}
