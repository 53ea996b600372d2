package org.chorus.gateway.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.gateway.GatewayConfig;
import org.chorus.platform.web.caller.ClientAddresses;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** The client a request comes from, which rate limits count by and the services are told of. */
@ApplicationScoped
public class ForwardedClients {

    /** The for= parameter of one RFC 7239 element; a value with a colon (IPv6, a port) is quoted. */
    private static final Pattern FOR = Pattern.compile("(?:^|;)\\s*for\\s*=\\s*\"?([^\";]*)\"?",
            Pattern.CASE_INSENSITIVE);

    private final int trustedHops;
    private final boolean believesForwarded;
    private final boolean believesXForwarded;
    private final boolean prefersXForwarded;

    /** Reads the quarkus.http.proxy.* settings with Quarkus' own defaults, so as to read the header Quarkus reads. */
    public ForwardedClients(GatewayConfig config,
            @ConfigProperty(name = "quarkus.http.proxy.allow-forwarded", defaultValue = "false") boolean allowForwarded,
            @ConfigProperty(name = "quarkus.http.proxy.allow-x-forwarded") Optional<Boolean> allowXForwarded,
            @ConfigProperty(name = "quarkus.http.proxy.forwarded-precedence", defaultValue = "forwarded")
            String precedence) {
        this.trustedHops = config.forwarding().trustedHops();
        this.believesForwarded = allowForwarded;
        this.believesXForwarded = allowXForwarded.orElse(!allowForwarded);
        this.prefersXForwarded = precedence.replace('_', '-').equalsIgnoreCase("x-forwarded");
    }

    /**
     * The TCP peer, unless quarkus.http.proxy.* trusts the peer as a proxy. Quarkus then takes the leftmost client
     * that the header it believes names, which the client writes itself, so the entry the trusted proxies appended to
     * that same header, counted from the right, is taken instead: never one from a header Quarkus was not told to
     * believe, which the proxy passes on untouched from the client.
     */
    public String of(HttpServerRequest request) {
        SocketAddress named = request.remoteAddress();
        SocketAddress peer = request.connection() == null ? named : request.connection().remoteAddress();
        if (named == null || peer == null) {
            return null;
        }
        // A named client that is no address at all (unknown, an obfuscated name) differs from the peer all the same.
        if (Objects.equals(named.hostAddress(), peer.hostAddress())) {
            return peer.hostAddress();
        }
        return ClientAddresses.forwardedClient(namedClients(request.headers()), peer.hostAddress(), trustedHops);
    }

    /** The clients named by the header Quarkus took the client from, in the order the proxies appended them. */
    private List<String> namedClients(MultiMap headers) {
        List<String> forwarded = believesForwarded ? forwardedFor(headers.getAll("Forwarded")) : List.of();
        List<String> xForwarded = believesXForwarded ? headers.getAll("X-Forwarded-For") : List.of();
        // Believing both, Quarkus reads both, and the one it prefers names the client whenever it is present.
        if (prefersXForwarded) {
            return xForwarded.isEmpty() ? forwarded : xForwarded;
        }
        return forwarded.isEmpty() ? xForwarded : forwarded;
    }

    /** The for= nodes of every element of every Forwarded header, as addresses without their ports. */
    private static List<String> forwardedFor(List<String> values) {
        return values.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(FOR::matcher)
                .filter(Matcher::find)
                .map(found -> address(found.group(1).strip()))
                .filter(address -> !address.isEmpty())
                .toList();
    }

    /** "[2001:db8::17]:4711" is 2001:db8::17 and "192.0.2.43:80" is 192.0.2.43; "unknown" stays as it is. */
    private static String address(String node) {
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            return end < 0 ? node : node.substring(1, end);
        }
        int colon = node.indexOf(':');
        return colon >= 0 && colon == node.lastIndexOf(':') ? node.substring(0, colon) : node;
    }
}
