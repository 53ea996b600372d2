package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.SystemUnderTest.admin;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * A survey's owner publishes its results summary through the gateway; another organisation's website reads it with
 * its publishable key only while it is published, its figures moving in steps rather than with each response, and the
 * system's audit log names who released it and withdrew it.
 */
class PublishedResultsThroughTheGatewayIT {

    private static final String ORIGIN = "https://www.example.org";

    @Test
    void aWebsiteReadsTheSummaryOnlyWhileItsOwnerHasItPublished() throws Exception {
        String owner = Directory.registerOrganisation("Blackpool Council", "LOCAL_AUTHORITY");
        String manager = Directory.issueSecretKey(owner, "surveys:manage")[1];
        String analyst = Directory.issueSecretKey(owner, "exports:read")[1];
        String websiteKey = Directory.issuePublishableKey(Directory.registerOrganisation("Healthwatch", "HEALTHWATCH"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> as(manager).get("/api/v1/surveys").statusCode(), equalTo(200));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> website(websiteKey).get("/api/v1/surveys").statusCode(), equalTo(200));
        String surveyId = Surveys.createAndOpen(manager,
                Surveys.seedWithEveryQuestionType("Results for everyone " + UUID.randomUUID()));
        String summary = "/api/v1/surveys/" + surveyId + "/results/summary";
        website(websiteKey).get(summary).then().statusCode(404);

        change(manager, surveyId, "publish").body("resultsPublished", equalTo(true));
        String taken = website(websiteKey).queryParam("lang", "cy").get(summary).then().statusCode(200)
                .body("surveyId", equalTo(surveyId))
                .body("language", equalTo("cy"))
                .body("responses.count", equalTo(0))
                .extract().path("figuresTakenAt");

        // One respondent's answers, counted for the analysts, do not move the public figures: a reading before and
        // one after would show what that person said.
        website(websiteKey).contentType("application/json").body(RequestBodies.response(null))
                .post("/api/v1/surveys/" + surveyId + "/responses").then().statusCode(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> as(analyst).get("/api/v1/surveys/" + surveyId + "/results")
                .then().statusCode(200).extract().<Integer>path("responsesNotYetCounted"), equalTo(0));
        website(websiteKey).get(summary).then().statusCode(200)
                .body("responses.count", equalTo(0))
                .body("figuresTakenAt", equalTo(taken));
        website(websiteKey).queryParam("by", "place").get(summary).then().statusCode(400)
                .body("errors[0].parameter", equalTo("by"));

        change(manager, surveyId, "withdraw").body("resultsPublished", equalTo(false));
        website(websiteKey).get(summary).then().statusCode(404);

        for (String action : List.of("survey-results.published", "survey-results.withdrawn")) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> as(admin()).queryParam("action", action).queryParam("organisationId", owner)
                            .get("/api/v1/audit-log").then().statusCode(200).extract().<List<String>>path("items.subjectId")
                            .contains(surveyId));
        }
    }

    private static RequestSpecification website(String key) {
        return as(key).header("Origin", ORIGIN);
    }

    private static ValidatableResponse change(String manager, String surveyId, String what) {
        String etag = as(manager).get("/api/v1/surveys/" + surveyId).then().statusCode(200).extract().header("ETag");
        return as(manager).header("If-Match", etag).post("/api/v1/surveys/" + surveyId + "/results/" + what)
                .then().statusCode(200);
    }
}
