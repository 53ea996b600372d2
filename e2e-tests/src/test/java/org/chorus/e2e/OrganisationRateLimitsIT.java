package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.SystemUnderTest.admin;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** An organisation's rate limits, set in the directory, are what the gateway enforces, and a change reaches it. */
class OrganisationRateLimitsIT {

    private static final String WEBSITE = "https://www.rate-limited-partner.example";

    @Test
    void theGatewayEnforcesTheLimitsTheDirectoryHoldsAndFollowsAChange() {
        Map<String, Object> details = new HashMap<>(Map.of("name", "Rate Limited Forum", "type", "VCFSE",
                "placeCodes", List.of(), "allowedOrigins", List.of(WEBSITE),
                "rateLimits", readsPerAddressPerHour(3)));
        String organisation = Directory.registerOrganisation(details);
        String website = Directory.issuePublishableKey(organisation);

        // Until the key and the organisation reach the gateway nothing counts; the first read accepted is one of 3.
        await().atMost(Duration.ofSeconds(10)).until(() -> read(website).statusCode(), equalTo(200));
        assertEquals(200, read(website).statusCode());
        assertEquals(200, read(website).statusCode());
        Response refused = read(website);
        assertEquals(429, refused.statusCode(), refused.asString());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 1200, "3 an hour: a token within 20 minutes, not " + retryAfter);

        var current = as(admin()).get("/api/v1/organisations/" + organisation).then().statusCode(200).extract();
        Map<String, Object> changed = new HashMap<>(details);
        changed.put("name", current.path("name"));
        changed.put("rateLimits", readsPerAddressPerHour(5));
        as(admin()).header("If-Match", current.header("ETag")).contentType(ContentType.JSON).body(changed)
                .when().put("/api/v1/organisations/" + organisation)
                .then().statusCode(200);

        // The refused reads while the change travels use up nothing of the new allowance.
        await().atMost(Duration.ofSeconds(10)).until(() -> read(website).statusCode(), equalTo(200));
        for (int i = 2; i <= 5; i++) {
            assertEquals(200, read(website).statusCode(), "read " + i + " of 5");
        }
        assertEquals(429, read(website).statusCode(), "the sixth is one too many");
    }

    private static Response read(String key) {
        return as(key).header("Origin", WEBSITE).get("/api/v1/surveys");
    }

    private static Map<String, Object> readsPerAddressPerHour(int requests) {
        return Map.of("readsPerAddress", Map.of("requests", requests, "per", "PT1H"));
    }
}
