package org.chorus.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

/** A created resource's Location: its resource's path and its id, escaped only where an id needs it. */
class LocationsTest {

    @Path("/api/v1/examples")
    static class ExampleResource {
    }

    @Path("/api/v1/slashed/")
    static class SlashedResource {
    }

    @Test
    void aUuidOrNumberFollowsTheResourcePath() {
        UUID id = UUID.fromString("6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7c31");
        assertEquals(URI.create("/api/v1/examples/" + id), Locations.of(ExampleResource.class, id));
        assertEquals(URI.create("/api/v1/examples/42"), Locations.of(ExampleResource.class, 42));
        assertEquals(URI.create("/api/v1/slashed/42"), Locations.of(SlashedResource.class, 42));
    }

    @Test
    void anIdThatIsNotAPlainSegmentIsEscaped() {
        assertEquals("/api/v1/examples/a%20b%2Fc", Locations.of(ExampleResource.class, "a b/c").toString());
    }
}
