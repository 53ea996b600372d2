package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.Scopes.PUBLIC;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

import io.restassured.specification.RequestSpecification;

/**
 * An organisation of the partnership as a test uses it: registered covering a place of its own, with a key for each
 * set of scopes it calls with, each known to the gateway before its first use.
 */
final class Tenant {

    /** Separates the scopes of one key in {@link #with(String)}: {@code exports:read+contacts:read}. */
    static final String AND = "+";

    final String id;
    final String place;
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    private Tenant(String id, String place) {
        this.id = id;
        this.place = place;
    }

    /** Registers a Healthwatch covering a new place, so that it may record insight heard there. */
    static Tenant register(String name) {
        String place = Directory.registerPlace(name + " area");
        return new Tenant(Directory.registerOrganisationCovering(name, "HEALTHWATCH", place), place);
    }

    /**
     * A request with a key of this organisation holding exactly these scopes ({@code +} between several); with
     * {@link Scopes#PUBLIC}, its website's publishable key sent from its page.
     */
    RequestSpecification with(String scopes) {
        RequestSpecification request = as(key(scopes));
        return PUBLIC.equals(scopes) ? request.header("Origin", Directory.WEBSITE) : request;
    }

    /** The secret of the key holding exactly these scopes, issued on first use. */
    String key(String scopes) {
        return keys.computeIfAbsent(scopes, this::issue);
    }

    private String issue(String scopes) {
        if (PUBLIC.equals(scopes)) {
            String key = Directory.issuePublishableKey(id);
            // Known once the gateway admits it from the website's page, which needs the organisation's origins too.
            awaitKnown(() -> as(key).header("Origin", Directory.WEBSITE).get("/api/v1/themes").statusCode());
            return key;
        }
        List<String> each = Arrays.asList(scopes.split("\\" + AND));
        String key = Directory.issueSecretKey(id, each.toArray(String[]::new))[1];
        // Every secret key may read the directory.
        awaitKnown(() -> as(key).get("/api/v1/organisations/" + id).statusCode());
        return key;
    }

    private static void awaitKnown(IntSupplier status) {
        await().atMost(Duration.ofSeconds(10)).until(status::getAsInt, equalTo(200));
    }
}
