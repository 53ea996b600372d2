package org.chorus.insight.activity;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.activity;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.reader;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
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
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Two activities recorded at once with one new reference: the second waits for the first and hears what it would
 * have heard after it, where both passed the check and the second's insert failed with a 500.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ConcurrentReferenceTest {

    @Inject
    ActivityService activities;

    @Inject
    ActivityRepository repository;

    @Test
    void theSecondOfTwoConcurrentRequestsHearsTheReferenceIsTaken() throws Exception {
        String place = unique("blackpool");
        UUID org = organisation("Healthwatch Racing", true, place);
        Caller caller = new Caller(org, UUID.randomUUID(), "secret", Set.of(Scopes.INSIGHTS_WRITE));
        try (HeldTransaction<Activity> first = HeldTransaction.open(() -> activities.create(caller, input(place)))) {
            ExtractableResponse<Response> answer = first.sendWhileHeld(() -> record(org, place));
            UUID firstId = first.commit().id();

            assertEquals(422, answer.statusCode(), answer.asString());
            assertEquals("/reference", answer.path("errors[0].pointer"));
            assertEquals("already used by activity " + firstId + " of your organisation",
                    answer.path("errors[0].detail"), "the answer a request sent after the first gets");
        }
        assertEquals(1, activitiesOf(org));
    }

    /** An upload stores references without waiting for a request's check: the request still hears 422, not 500. */
    @Test
    void aRequestRacingAnUploadOfItsReferenceHearsTheReferenceIsTaken() throws Exception {
        String place = unique("fylde");
        UUID org = organisation("Healthwatch Racing Upload", true, place);
        try (HeldTransaction<ActivityEntity> upload = HeldTransaction.open(() -> {
            ActivityEntity stored = activities.storeChecked(org, null, input(place));
            repository.flush();
            return stored;
        })) {
            ExtractableResponse<Response> answer = upload.sendWhileHeld(() -> record(org, place));
            assertEquals(422, answer.statusCode(), answer.asString());
            assertEquals("/reference", answer.path("errors[0].pointer"));
        }
        assertEquals(1, activitiesOf(org));
    }

    private static ActivityInput input(String place) {
        return new ActivityInput("RACE-1", "Focus group", EngagementMethod.FOCUS_GROUP, LocalDate.of(2019, 3, 14),
                null, List.of(place), 14, List.of(), null, null, null);
    }

    private static ExtractableResponse<Response> record(UUID org, String place) {
        Map<String, Object> body = activity("Focus group", place);
        body.put("reference", "RACE-1");
        return given().header("Authorization", writer(org)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/activities").then().extract();
    }

    private static int activitiesOf(UUID org) {
        return given().header("Authorization", reader()).queryParam("organisation", org.toString())
                .when().get("/api/v1/activities").then().statusCode(200).extract().path("items.size()");
    }
}
