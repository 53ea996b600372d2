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

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.chorus.insight.activity.ActivityInput;
import org.chorus.insight.activity.ActivityService;
import org.chorus.insight.activity.EngagementMethod;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.FindingData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testing.HeldTransaction;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A finding heard no more people than its activity did. A correction that counts fewer people and a finding that
 * heard more, sent at once, each checked the rule against what the other had not committed yet, and both were
 * stored; the same with a correction of the finding. Now the finding waits for the correction and is checked
 * against it. A finding published while its activity moved was announced where the activity had been, and the
 * correction, which announces again the findings it sees published, did not see it: now the publication waits too.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class FindingDuringACorrectionTest {

    private static final LocalDate FIRST_HELD = LocalDate.of(2019, 3, 14);

    private final ActivityService activities;
    private final ObjectMapper mapper;

    @Inject
    FindingDuringACorrectionTest(ActivityService activities, ObjectMapper mapper) {
        this.activities = activities;
        this.mapper = mapper;
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

    @Test
    void aFindingPublishedWhileItsActivityIsMovedIsAnnouncedWhereItMoved() throws Exception {
        Drop drop = dropIn("leyland");
        String id = post(writer(drop.org()), "/api/v1/findings", drop.findingHearing(5)).statusCode(201)
                .extract().path("id");
        LocalDate heldLater = FIRST_HELD.plusWeeks(1);

        ExtractableResponse<Response> answer = duringCorrection(drop, corrected(drop.place(), 14, heldLater),
                () -> given().header("Authorization", writer(drop.org())).when()
                        .post("/api/v1/findings/" + id + "/publish").then().extract());

        assertEquals(200, answer.statusCode(), answer.asString());
        EventProbe.awaitAll(ChorusEventTypes.INSIGHT_FINDINGS, e -> publishedOf(e, id), 1, Duration.ofSeconds(10));
        List<LocalDate> announced = EventProbe.all(ChorusEventTypes.INSIGHT_FINDINGS, e -> publishedOf(e, id))
                .stream().map(e -> e.dataAs(mapper, FindingData.class).heardOn()).toList();
        assertEquals(List.of(heldLater), announced, "announced once, with the date the correction gave");
    }

    private static boolean publishedOf(ChorusEvent event, String findingId) {
        return event.aggregateId().equals(findingId) && event.type().equals(ChorusEventTypes.FINDING_PUBLISHED.type());
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
        return duringCorrection(drop, corrected(drop.place(), 9, FIRST_HELD), request);
    }

    private ExtractableResponse<Response> duringCorrection(Drop drop, ActivityInput corrected,
            Supplier<ExtractableResponse<Response>> request) throws Exception {
        Caller caller = new Caller(drop.org(), UUID.randomUUID(), "secret", Set.of(Scopes.INSIGHTS_WRITE));
        try (HeldTransaction<?> correction = HeldTransaction.open(
                () -> activities.update(caller, drop.activity(), "\"0\"", corrected))) {
            return correction.sendWhileHeld(request, "activity");
        }
    }

    /** The activity as InsightFixtures records it, corrected to this count and date. */
    private static ActivityInput corrected(String place, int people, LocalDate heldOn) {
        return new ActivityInput(null, "Drop-in", EngagementMethod.FOCUS_GROUP, heldOn, heldOn, List.of(place),
                people, List.of(), null, null, null);
    }
}
