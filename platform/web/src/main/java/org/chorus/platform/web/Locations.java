package org.chorus.platform.web;

import java.net.URI;

import jakarta.ws.rs.core.UriBuilder;

/**
 * Where a created resource lives, built from the {@code @Path} of the resource class that serves it, so that no API
 * path is written twice. Relative: the server resolves it against the address the caller used, which behind the
 * gateway is the gateway's.
 */
public final class Locations {

    private Locations() {
    }

    /** The address of one item served by {@code resource} at {@code /its-path/{id}}. */
    public static URI of(Class<?> resource, Object id) {
        return UriBuilder.fromResource(resource).path("{id}").build(id);
    }
}
