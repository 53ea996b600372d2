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
import java.util.function.Supplier;

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
        Drop drop = dropIn("preston");
        Map<String, Object> heardTwelve = drop.findingHearing(12);

        ExtractableResponse<Response> answer = duringCorrectionToNine(drop,
                () -> post(writer(drop.org()), "/api/v1/findings", heardTwelve).extract());

        assertEquals(422, answer.statusCode(), answer.asString());
        assertEquals("/participantCount", answer.path("errors[0].pointer"));
        given().header("Authorization", reader()).queryParam("organisation", drop.org().toString())
                .when().get("/api/v1/findings").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void aFindingCorrectedWhileItsActivityIsCorrectedIsCheckedAgainstTheCorrection() throws Exception {
        Drop drop = dropIn("chorley");
        String id = post(writer(drop.org()), "/api/v1/findings", drop.findingHearing(5)).statusCode(201)
                .extract().path("id");
        Map<String, Object> heardTwelve = drop.findingHearing(12);

        ExtractableResponse<Response> answer = duringCorrectionToNine(drop,
                () -> given().header("Authorization", writer(drop.org())).header("If-Match", "\"0\"")
                        .contentType(ContentType.JSON).body(heardTwelve).when().put("/api/v1/findings/" + id)
                        .then().extract());

        assertEquals(422, answer.statusCode(), answer.asString());
        assertEquals("/participantCount", answer.path("errors[0].pointer"));
    }

    /** An organisation's drop-in of 14 people in a place of its own. */
    private record Drop(UUID org, UUID activity, String place) {

        Map<String, Object> findingHearing(int people) {
            Map<String, Object> body = finding(activity.toString(), "Parking is hard to find", List.of(), List.of());
            body.put("participantCount", people);
            return body;
        }
    }

    private static Drop dropIn(String stem) {
        String place = unique(stem);
        UUID org = organisation("Healthwatch " + stem, true, place);
        return new Drop(org, UUID.fromString(createActivity(writer(org), activity("Drop-in", place))), place);
    }

    /**
     * Sends the request while a correction of the drop-in to nine people is held open, waits until the request waits
     * for it, commits it, and answers what the request got.
     */
    private ExtractableResponse<Response> duringCorrectionToNine(Drop drop,
            Supplier<ExtractableResponse<Response>> request) throws Exception {
        Caller caller = new Caller(drop.org(), UUID.randomUUID(), "secret", Set.of(Scopes.INSIGHTS_WRITE));
        try (HeldTransaction<?> correction = HeldTransaction.open(
                () -> activities.update(caller, drop.activity(), "\"0\"", countingNine(drop.place())))) {
            CompletableFuture<ExtractableResponse<Response>> sent = CompletableFuture.supplyAsync(request);
            correction.awaitBlocked("activity");
            correction.commit();
            return sent.get(1, TimeUnit.MINUTES);
        }
    }

    /** The activity as InsightFixtures records it, corrected to nine people. */
    private static ActivityInput countingNine(String place) {
        return new ActivityInput(null, "Drop-in", EngagementMethod.FOCUS_GROUP, LocalDate.of(2019, 3, 14),
                LocalDate.of(2019, 3, 14), List.of(place), 9, List.of(), null, null, null);
    }
}
