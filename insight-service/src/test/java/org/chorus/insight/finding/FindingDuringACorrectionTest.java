package org.chorus.insight.finding;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.activity;
import static org.chorus.insight.support.InsightFixtures.createActivity;
import static org.chorus.insight.support.InsightFixtures.finding;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.post;
import static org.chorus.insight.support.InsightFixtures.reader;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.chorus.insight.activity.ActivityInput;
import org.chorus.insight.activity.ActivityService;
import org.chorus.insight.activity.EngagementMethod;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.HeldTransaction;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A finding heard no more people than its activity did. A correction that counts fewer people and a finding that
 * heard more, sent at once, each checked the rule against what the other had not committed yet, and both were
 * stored; the same with a correction of the finding. Now the finding waits for the correction and is checked
 * against it.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class FindingDuringACorrectionTest {

    private final ActivityService activities;

    @Inject
    FindingDuringACorrectionTest(ActivityService activities) {
        this.activities = activities;
    }

    @Test
    void aFindingSentWhileItsActivityIsCorrectedIsCheckedAgainstTheCorrection() throws Exception {
        String place = unique("preston");
        UUID org = organisation("Healthwatch Preston", true, place);
        UUID activity = UUID.fromString(createActivity(writer(org), activity("Drop-in", place)));
        Caller caller = new Caller(org, UUID.randomUUID(), "secret", Set.of(Scopes.INSIGHTS_WRITE));
        Map<String, Object> heardTwelve = finding(activity.toString(), "Parking is hard to find", List.of(), List.of());
        heardTwelve.put("participantCount", 12);

        try (HeldTransaction<?> correction = HeldTransaction.open(
                () -> activities.update(caller, activity, "\"0\"", countingNine(place)))) {
            CompletableFuture<ExtractableResponse<Response>> sent = CompletableFuture
                    .supplyAsync(() -> post(writer(org), "/api/v1/findings", heardTwelve).extract());
            correction.awaitBlocked("activity");
            correction.commit();

            ExtractableResponse<Response> answer = sent.get(1, TimeUnit.MINUTES);
            assertEquals(422, answer.statusCode(), answer.asString());
            assertEquals("/participantCount", answer.path("errors[0].pointer"));
        }
        given().header("Authorization", reader()).queryParam("organisation", org.toString())
                .when().get("/api/v1/findings").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void aFindingCorrectedWhileItsActivityIsCorrectedIsCheckedAgainstTheCorrection() throws Exception {
        String place = unique("chorley");
        UUID org = organisation("Healthwatch Chorley", true, place);
        UUID activity = UUID.fromString(createActivity(writer(org), activity("Drop-in", place)));
        Caller caller = new Caller(org, UUID.randomUUID(), "secret", Set.of(Scopes.INSIGHTS_WRITE));
        Map<String, Object> body = finding(activity.toString(), "Parking is hard to find", List.of(), List.of());
        String id = post(writer(org), "/api/v1/findings", body).statusCode(201).extract().path("id");
        body.put("participantCount", 12);

        try (HeldTransaction<?> correction = HeldTransaction.open(
                () -> activities.update(caller, activity, "\"0\"", countingNine(place)))) {
            CompletableFuture<ExtractableResponse<Response>> sent = CompletableFuture.supplyAsync(
                    () -> given().header("Authorization", writer(org)).header("If-Match", "\"0\"")
                            .contentType(ContentType.JSON).body(body).when().put("/api/v1/findings/" + id)
                            .then().extract());
            correction.awaitBlocked("activity");
            correction.commit();

            ExtractableResponse<Response> answer = sent.get(1, TimeUnit.MINUTES);
            assertEquals(422, answer.statusCode(), answer.asString());
            assertEquals("/participantCount", answer.path("errors[0].pointer"));
        }
    }

    /** The activity as InsightFixtures records it, corrected to nine people. */
    private static ActivityInput countingNine(String place) {
        return new ActivityInput(null, "Drop-in", EngagementMethod.FOCUS_GROUP, LocalDate.of(2019, 3, 14),
                LocalDate.of(2019, 3, 14), List.of(place), 9, List.of(), null, null, null);
    }
}
