package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.SystemUnderTest.admin;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.localstack.SurveyDemoData;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * The partnership's survey on its draft priorities, loaded as `./chorus demo` loads it, is answered from a partner
 * website through the gateway, shows in the results, and is erased again by its receipt.
 */
class SeedSurveyThroughTheGatewayIT {

    private static final String TITLE = "Listening to our communities on our draft priorities";
    private static final String ORIGIN = "https://www.example.org";

    @Test
    void aPartnerWebsiteAnswersTheSeedSurveyAndTheRespondentCanTakeItBack() throws Exception {
        Directory.registerOrganisation("NHS Lancashire and South Cumbria ICB (e2e)", "ICB");
        assertTrue(SurveyDemoData.load(SystemUnderTest.stack().gatewayUrl(), admin()), "the seed survey loads");
        assertTrue(SurveyDemoData.load(SystemUnderTest.stack().gatewayUrl(), admin()), "and loads again harmlessly");

        String healthwatch = Directory.registerOrganisation("Healthwatch Blackpool (e2e)", "HEALTHWATCH");
        String website = Directory.issuePublishableKey(healthwatch);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> as(website).header("Origin", ORIGIN).get("/api/v1/surveys").statusCode(), equalTo(200));

        List<String> open = as(website).header("Origin", ORIGIN).when().get("/api/v1/surveys?limit=500")
                .then().statusCode(200).extract().path("items.findAll { it.definition.title.en == '" + TITLE + "' }.id");
        assertTrue(open.size() == 1, "the seed survey is open, once: " + open);
        String surveyId = open.get(0);
        as(website).header("Origin", ORIGIN).when().get("/api/v1/surveys/" + surveyId)
                .then().statusCode(200)
                .body("definition.sections[0].questions[0].options", hasSize(6))
                .body("definition.glossary.term.en", org.hamcrest.Matchers.hasItem("Zero-hours contracts"));

        Map<String, Object> response = Map.of("answers", Map.of(
                "priorities", Map.of("ranking", List.of("living-prevention", "starting-first-1000-days",
                        "ageing-care-at-home", "living-employment", "dying-preferred-place",
                        "living-large-organisations")),
                "issues-prevention", Map.of("choices", List.of("mental-wellbeing", "fuel-poverty")),
                "other-feedback", Map.of("text", "Thank you for asking."),
                "place", Map.of("choice", "blackpool")));
        String key = UUID.randomUUID().toString();
        var receipt = as(website).header("Origin", ORIGIN).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(response).when().post("/api/v1/surveys/" + surveyId + "/responses")
                .then().statusCode(201).body("erasureToken", startsWith("ert_")).extract();
        as(website).header("Origin", ORIGIN).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(response).when().post("/api/v1/surveys/" + surveyId + "/responses")
                .then().statusCode(201).body("responseId", equalTo(receipt.path("responseId")));

        String responseId = receipt.path("responseId");
        String analyst = Directory.issueSecretKey(healthwatch, "exports:read")[1];
        String exportPath = "/api/v1/surveys/" + surveyId + "/responses/export?format=ndjson";
        // exports hold responses from a few seconds back (so that resuming never skips one still committing)
        await().atMost(Duration.ofSeconds(20)).until(() -> as(analyst).get(exportPath).asString().contains(responseId));

        as(website).header("Origin", ORIGIN).header("Erasure-Token", receipt.path("erasureToken").toString())
                .when().delete("/api/v1/responses/" + responseId)
                .then().statusCode(204);
        String after = as(analyst).when().get(exportPath).then().statusCode(200).extract().asString();
        assertTrue(!after.contains(responseId), "the erased response left the export");
        assertTrue(after.contains("Please make it easier to see a GP"), "the sample responses are still there");
    }
}
