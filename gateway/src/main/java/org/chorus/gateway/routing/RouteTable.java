package org.chorus.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.gateway.GatewayConfig;

/** Which service owns a public path: the service whose longest configured prefix matches it, segment by segment. */
@ApplicationScoped
public class RouteTable {

    private final List<Route> routes;

    public RouteTable(GatewayConfig config, Upstreams upstreams) {
        Map<String, String> owners = new HashMap<>();
        List<Route> table = new ArrayList<>();
        config.services().forEach((name, service) -> {
            for (String configured : service.prefixes()) {
                String prefix = trimTrailingSlash(configured.trim());
                if (!prefix.startsWith("/")) {
                    throw new IllegalArgumentException("Prefix '" + configured + "' of service " + name + " must start with /");
                }
                String owner = owners.putIfAbsent(prefix, name);
                if (owner != null) {
                    // Two owners for one path would make routing depend on configuration order.
                    throw new IllegalArgumentException("Prefix " + prefix + " is configured for both " + owner + " and " + name);
                }
                table.add(new Route(prefix, upstreams.byName().get(name)));
            }
        });
        table.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
        this.routes = List.copyOf(table);
    }

    /** The route owning the path, or null when none does. */
    public Route resolve(String path) {
        for (Route route : routes) {
            if (owns(route.prefix(), path)) {
                return route;
            }
        }
        return null;
    }

    /** Whether the service owns the path, for documents that must list only what the gateway routes to it. */
    public boolean routesTo(String path, String service) {
        Route route = resolve(path);
        return route != null && route.upstream().name().equals(service);
    }

    private static boolean owns(String prefix, String path) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    private static String trimTrailingSlash(String prefix) {
        return prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    /**
     * One configured prefix and its service.
     *
     * @param prefix the public path prefix, without a trailing slash
     * @param upstream the service that owns it
     */
    public record Route(String prefix, Upstream upstream) {
    }
}
