package org.chorus.insight.upload;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.post;
import static org.chorus.insight.support.InsightFixtures.reader;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.chorus.insight.upload.UploadCorrectionOfApiFindingsTest.focusGroup;
import static org.chorus.insight.upload.UploadResourceTest.csv;
import static org.chorus.insight.upload.UploadResourceTest.row;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.insight.action.Action;
import org.chorus.insight.action.ActionInput;
import org.chorus.insight.action.ActionService;
import org.chorus.insight.action.ActionStatus;
import org.chorus.insight.finding.Finding;
import org.chorus.insight.finding.FindingEntity;
import org.chorus.insight.finding.FindingInput;
import org.chorus.insight.finding.FindingRepository;
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
 * rejects the row naming it. The same with a "you said, we did" action recorded in answer to a finding the file
 * drops: the finding was deleted from under the action.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class UploadDuringAFindingTest {

    private final FindingService findings;
    private final FindingRepository findingRows;
    private final ActionService actions;

    @Inject
    UploadDuringAFindingTest(FindingService findings, FindingRepository findingRows, ActionService actions) {
        this.findings = findings;
        this.findingRows = findingRows;
        this.actions = actions;
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
        ValidatableResponse correction;
        try (HeldTransaction<Finding> recording = HeldTransaction.open(() -> findings.create(colleague, heardTen))) {
            correction = recording.sendWhileHeld(() -> upload(org, "text/csv", focusGroup(place, "9")), "activity");
            findingId = recording.commit().id().toString();
        }

        correction.statusCode(201)
                .body("rows[0].status", equalTo("REJECTED"))
                .body("rows[0].reasons", contains("a participant count of 9 is fewer than the 10 participants of "
                        + "finding " + findingId + ", which was added to this activity through the API"));
        given().header("Authorization", reader()).when().get("/api/v1/activities/" + activityId)
                .then().statusCode(200).body("participantCount", equalTo(12));
    }

    @Test
    void aFileDroppingAFindingWhileAnActionAnsweringItIsRecordedKeepsTheFinding() throws Exception {
        String place = unique("wyre");
        UUID org = organisation("Healthwatch Wyre", true, place);
        String secondFinding = upload(org, "text/csv", csv(visit(place), anotherFinding()))
                .statusCode(201).body("rows[0].status", equalTo("ACCEPTED")).extract().path("rows[0].findingIds[1]");
        Caller colleague = new Caller(org, UUID.randomUUID(), "secret", Set.of(Scopes.INSIGHTS_WRITE));
        ActionInput answering = new ActionInput("An app for young carers", "We are building one with them",
                List.of(UUID.fromString(secondFinding)), ActionStatus.PLANNED, null, LocalDate.of(2019, 4, 1), null,
                null);

        ValidatableResponse correction;
        try (HeldTransaction<Action> recording = HeldTransaction.open(() -> actions.create(colleague, answering))) {
            correction = recording.sendWhileHeld(() -> upload(org, "text/csv", csv(visit(place))), "finding");
        }

        correction.statusCode(201)
                .body("rows[0].status", equalTo("REJECTED"))
                .body("rows[0].reasons", contains("finding 2 is answered by a \"you said, we did\" action and this "
                        + "file no longer has it; keep it in the file"));
        given().header("Authorization", writer(org)).when().get("/api/v1/findings/" + secondFinding)
                .then().statusCode(200);
    }

    /** The other way round: the file's correction has dropped the finding, and the action waits for it. */
    @Test
    void anActionRecordedWhileAFileDropsTheFindingItAnswersIsRefused() throws Exception {
        String place = unique("fylde");
        UUID org = organisation("Healthwatch Fylde", true, place);
        String secondFinding = upload(org, "text/csv", csv(visit(place), anotherFinding()))
                .statusCode(201).extract().path("rows[0].findingIds[1]");
        Map<String, Object> answering = Map.of("title", "An app for young carers", "decision",
                "We are building one with them", "findingIds", List.of(secondFinding), "status", "PLANNED",
                "decidedOn", "2019-04-01");

        ValidatableResponse recorded;
        // what the upload does to a finding its file no longer has, held open
        try (HeldTransaction<?> dropping = HeldTransaction.open(() -> {
            FindingEntity finding = findingRows.findForUpdate(UUID.fromString(secondFinding)).orElseThrow();
            findings.deleteUnpublished(finding);
            findingRows.flush();
            return finding.id;
        })) {
            recorded = dropping.sendWhileHeld(() -> post(writer(org), "/api/v1/actions", answering), "finding");
        }

        recorded.statusCode(422)
                .body("errors[0].pointer", equalTo("/findingIds/0"))
                .body("errors[0].detail", equalTo("no finding you can see has this id"));
    }

    /** A row of the carers' workshop HWW-1, with its first finding. */
    private static String visit(String place) {
        return row("HWW-1", "Carers' workshop", "Workshop", "2019-03-14", "", place, "12", "", "Waits too long", "",
                "Concern", "", "");
    }

    /** A row adding a second finding to the workshop. */
    private static String anotherFinding() {
        return row("HWW-1", "", "", "", "", "", "", "", "Young carers want apps", "", "Positive", "", "");
    }

    private static ValidatableResponse upload(UUID org, String contentType, String body) {
        return UploadResourceTest.upload(org, contentType, body, null);
    }
}
