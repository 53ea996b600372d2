package org.chorus.platform.web;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.UriBuilder;

/**
 * Where a created resource lives, built from the {@code @Path} of the resource class that serves it, so that no API
 * path is written twice. Relative: the server resolves it against the address the caller used, which behind the
 * gateway is the gateway's.
 */
public final class Locations {

    /** Reading a class's {@code @Path} through a UriBuilder costs more than the rest of a small insert; once will do. */
    private static final ClassValue<String> PATHS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> resource) {
            return UriBuilder.fromResource(resource).toTemplate();
        }
    };

    /** Ids that need no escaping in a path segment: UUIDs and numbers among them. */
    private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

    private Locations() {
    }

    /** The address of one item served by {@code resource} at {@code /its-path/{id}}. */
    public static URI of(Class<?> resource, Object id) {
        String segment = String.valueOf(id);
        if (!PLAIN_SEGMENT.matcher(segment).matches()) {
            return UriBuilder.fromResource(resource).path("{id}").build(id);
        }
        String path = PATHS.get(resource);
        return URI.create(path.endsWith("/") ? path + segment : path + "/" + segment);
    }
}
