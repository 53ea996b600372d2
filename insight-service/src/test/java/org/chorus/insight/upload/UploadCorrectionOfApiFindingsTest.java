package org.chorus.insight.upload;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.createFinding;
import static org.chorus.insight.support.InsightFixtures.finding;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.publishFinding;
import static org.chorus.insight.support.InsightFixtures.reader;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.chorus.insight.upload.UploadResourceTest.csv;
import static org.chorus.insight.upload.UploadResourceTest.row;
import static org.chorus.insight.upload.UploadResourceTest.upload;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.FindingData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A Healthwatch that uploaded an activity may add findings to it through the API, then correct the activity by
 * uploading its file again. The file does not hold those findings, but the correction keeps their rule (an activity
 * heard at least as many people as each of its findings) and, when it moves the activity, announces the published
 * ones again, as a correction through the API does: subscribers would otherwise keep the old places and date.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class UploadCorrectionOfApiFindingsTest {

    private final ObjectMapper mapper;

    @Inject
    UploadCorrectionOfApiFindingsTest(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Test
    void aReUploadKeepsTheRulesOfFindingsAddedThroughTheApiAndAnnouncesThemWhereTheyMoved() {
        String place = unique("chorley");
        String moved = unique("south-ribble");
        UUID org = organisation("Healthwatch Chorley", true, place, moved);
        String activityId = upload(org, "text/csv", focusGroup(place, "12"), null).statusCode(201)
                .body("rows[0].status", equalTo("ACCEPTED")).extract().path("rows[0].activityId");
        Map<String, Object> parking = finding(activityId, "Parking at the hospital is hard to find", List.of(),
                List.of());
        parking.put("participantCount", 10);
        String added = createFinding(writer(org), parking);
        publishFinding(writer(org), added);

        upload(org, "text/csv", focusGroup(place, "9"), null).statusCode(201)
                .body("rows[0].status", equalTo("REJECTED"))
                .body("rows[0].reasons", contains("a participant count of 9 is fewer than the 10 participants of "
                        + "finding " + added + ", which was added to this activity through the API"));
        given().header("Authorization", reader()).when().get("/api/v1/activities/" + activityId)
                .then().statusCode(200).body("participantCount", equalTo(12));

        upload(org, "text/csv", focusGroup(moved, "10"), null).statusCode(201)
                .body("rows[0].status", equalTo("UPDATED"));
        EventProbe.awaitAll(ChorusEventTypes.INSIGHT_FINDINGS,
                e -> publishedOf(e, added) && data(e).placeCodes().equals(List.of(moved)), 1, Duration.ofSeconds(10));
        List<List<String>> announced = EventProbe.all(ChorusEventTypes.INSIGHT_FINDINGS, e -> publishedOf(e, added))
                .stream().sorted(Comparator.comparingLong(ChorusEvent::sequence))
                .map(e -> data(e).placeCodes()).toList();
        assertEquals(List.of(List.of(place), List.of(moved)), announced, "published, then once for the move");
    }

    /** A focus group of the given size and place, with one finding heard by eight, under reference HWC-1. */
    static String focusGroup(String place, String participants) {
        return csv(row("HWC-1", "Focus group", "Focus group", "2019-03-14", "", place, participants, "",
                "Waits too long", "waiting-times", "Concern", "8", ""));
    }

    private static boolean publishedOf(ChorusEvent event, String findingId) {
        return event.aggregateId().equals(findingId) && event.type().equals(ChorusEventTypes.FINDING_PUBLISHED.type());
    }

    private FindingData data(ChorusEvent event) {
        return event.dataAs(mapper, FindingData.class);
    }
}
