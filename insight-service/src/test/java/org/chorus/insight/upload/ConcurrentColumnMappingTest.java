package org.chorus.insight.upload;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.HeldTransaction;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * An organisation's first two column mappings saved at once: the second replaces the first, as it would a moment
 * later, where both inserted and the second failed with a 500.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ConcurrentColumnMappingTest {

    @Inject
    ColumnMappingService mappings;

    @Test
    void theSecondOfTwoFirstSavesReplacesTheFirst() throws Exception {
        UUID org = organisation("Healthwatch Mapping Race", true, unique("mapping"));
        Caller caller = new Caller(org, UUID.randomUUID(), "secret", Set.of(Scopes.INSIGHTS_WRITE));
        try (HeldTransaction<ColumnMapping> first = HeldTransaction.open(
                () -> mappings.save(caller, new ColumnMapping(Map.of("When", "start_date"), 0)))) {
            ExtractableResponse<Response> answer = first.sendWhileHeld(
                    () -> given().header("Authorization", writer(org)).contentType("application/json")
                            .body("{\"columns\": {\"Date of event\": \"start_date\"}}")
                            .when().put("/api/v1/uploads/column-mapping").then().extract());
            assertEquals(200, answer.statusCode(), answer.asString());
            assertEquals(1, answer.<Integer>path("version"), "it replaced the first");
        }
        given().header("Authorization", writer(org)).when().get("/api/v1/uploads/column-mapping")
                .then().statusCode(200).body("columns", equalTo(Map.of("Date of event", "start_date")));
    }
}
