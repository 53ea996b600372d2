package org.chorus.insight.upload;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.reader;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.upload.UploadCorrectionOfApiFindingsTest.focusGroup;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.chorus.insight.finding.Finding;
import org.chorus.insight.finding.FindingInput;
import org.chorus.insight.finding.FindingService;
import org.chorus.insight.finding.Sentiment;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.HeldTransaction;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A Healthwatch correcting an activity by uploading its file again while a colleague records a finding of it through
 * the API. The upload read the activity's findings without waiting for the one being recorded, so a file counting
 * fewer people than that finding heard was stored, and the finding too. Now the upload waits for the finding and
 * rejects the row naming it.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class UploadDuringAFindingTest {

    private final FindingService findings;

    @Inject
    UploadDuringAFindingTest(FindingService findings) {
        this.findings = findings;
    }

    @Test
    void aFileCorrectingAnActivityWhileAFindingOfItIsRecordedIsCheckedAgainstTheFinding() throws Exception {
        String place = unique("chorley");
        UUID org = organisation("Healthwatch Chorley", true, place);
        String activityId = upload(org, "text/csv", focusGroup(place, "12")).statusCode(201)
                .body("rows[0].status", equalTo("ACCEPTED")).extract().path("rows[0].activityId");
        Caller colleague = new Caller(org, UUID.randomUUID(), "secret", Set.of(Scopes.INSIGHTS_WRITE));
        FindingInput heardTen = new FindingInput(UUID.fromString(activityId),
                "Parking at the hospital is hard to find", List.of(), List.of(), Sentiment.CONCERN, 10, List.of());

        String findingId;
        CompletableFuture<ValidatableResponse> correction;
        try (HeldTransaction<Finding> recording = HeldTransaction.open(() -> findings.create(colleague, heardTen))) {
            correction = CompletableFuture.supplyAsync(() -> upload(org, "text/csv", focusGroup(place, "9")));
            recording.awaitBlocked("activity");
            findingId = recording.commit().id().toString();
        }

        correction.get(1, TimeUnit.MINUTES).statusCode(201)
                .body("rows[0].status", equalTo("REJECTED"))
                .body("rows[0].reasons", contains("a participant count of 9 is fewer than the 10 participants of "
                        + "finding " + findingId + ", which was added to this activity through the API"));
        given().header("Authorization", reader()).when().get("/api/v1/activities/" + activityId)
                .then().statusCode(200).body("participantCount", equalTo(12));
    }

    private static ValidatableResponse upload(UUID org, String contentType, String body) {
        return UploadResourceTest.upload(org, contentType, body, null);
    }
}
