package org.chorus.survey.definition;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.survey.SurveyFixtures.createDraft;
import static org.chorus.survey.SurveyFixtures.etag;
import static org.chorus.survey.SurveyFixtures.minimal;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.publish;
import static org.chorus.survey.SurveyFixtures.smallSurvey;
import static org.chorus.survey.SurveyFixtures.submit;
import static org.chorus.survey.SurveyFixtures.website;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.OrganisationData;
import org.chorus.platform.events.contract.SurveyData;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testing.HeldTransaction;
import org.chorus.platform.testing.StoredRows;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * An organisation the directory deactivates has left the partnership, and its keys are revoked, so nobody could close
 * its surveys any more. They stayed open, offered on every partner's page, collecting answers for an organisation no
 * partner speaks for. Now they close as the deactivation reaches the survey service; what was answered is kept, and a
 * draft published after that, or while it arrives, does not stay open.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class SurveysOfADeactivatedOrganisationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The statement of {@code NamedLocks}, which only the departure lock uses here. */
    private static final String DEPARTURE_LOCK = "hashtextextended($1, 0)";

    private final Outbox outbox;
    private final SurveyService surveys;

    @Inject
    SurveysOfADeactivatedOrganisationTest(Outbox outbox, SurveyService surveys) {
        this.outbox = outbox;
        this.surveys = surveys;
    }

    @Test
    void itsOpenSurveysCloseItsDraftsStayAndOtherPartnersSurveysStayOpen() {
        Owner leaving = newOwner();
        Owner staying = newOwner();
        String open = openSmallSurvey(leaving);
        String scheduled = scheduledSurvey(leaving);
        String draft = createDraft(leaving, smallSurvey());
        String othersSurvey = openSmallSurvey(staying);
        String website = website();
        submit(website, open, minimal());

        deactivate(leaving.organisationId());

        for (String closed : List.of(open, scheduled)) {
            SurveyData announced = EventProbe.awaitData(ChorusEventTypes.SURVEY_CLOSED, closed, WAIT);
            assertEquals("CLOSED", announced.status());
            assertTrue(announced.closesAt().isBefore(Instant.now()), "closed now: " + announced.closesAt());
            assertEquals("CLOSED", statusOf(leaving, closed));
        }
        assertEquals("DRAFT", statusOf(leaving, draft));
        assertEquals("OPEN", statusOf(staying, othersSurvey));
        given().header("Authorization", website).contentType(ContentType.JSON).body(minimal())
                .when().post("/api/v1/surveys/" + open + "/responses")
                .then().statusCode(409).body("type", endsWith("/survey-closed"));
        assertEquals(1, StoredRows.count("SELECT 1 FROM response WHERE survey_id = ?", UUID.fromString(open)),
                "the answer given while it was open is kept");
    }

    @Test
    void aDraftItPublishesAfterTheDeactivationArrivedStaysADraft() {
        Owner leaving = newOwner();
        String draft = createDraft(leaving, smallSurvey());

        deactivate(leaving.organisationId());
        await("the deactivation heard").atMost(WAIT).until(() -> StoredRows.count(
                "SELECT 1 FROM departed_organisation WHERE organisation_id = ?", leaving.organisationId()) == 1);

        publishing(leaving, draft).then().statusCode(409).body("type", endsWith("/organisation-deactivated"));
        assertEquals("DRAFT", statusOf(leaving, draft));
    }

    @Test
    void aDeactivationArrivingWhileADraftIsPublishedWaitsForItAndClosesIt() throws Exception {
        Owner leaving = newOwner();
        String draft = createDraft(leaving, smallSurvey());
        Caller owner = new Caller(leaving.organisationId(), UUID.randomUUID(), "secret", Set.of(Scopes.SURVEYS_MANAGE));

        try (HeldTransaction<Survey> publishing = HeldTransaction.open(
                () -> surveys.publish(owner, UUID.fromString(draft), etag(leaving, draft)))) {
            deactivate(leaving.organisationId());
            publishing.awaitBlocked(DEPARTURE_LOCK);
            assertEquals(SurveyStatus.OPEN, publishing.commit().status());
        }

        assertEquals("CLOSED", EventProbe.awaitData(ChorusEventTypes.SURVEY_CLOSED, draft, WAIT).status());
        assertEquals("CLOSED", statusOf(leaving, draft));
    }

    @Test
    void aPublishArrivingWhileTheDeactivationIsAppliedWaitsForItAndIsRefused() throws Exception {
        Owner leaving = newOwner();
        String draft = createDraft(leaving, smallSurvey());

        Response answer;
        try (HeldTransaction<Integer> deactivating = HeldTransaction.open(
                () -> surveys.closeAllOf(leaving.organisationId(), Instant.now()))) {
            answer = deactivating.sendWhileHeld(() -> publishing(leaving, draft), DEPARTURE_LOCK);
        }

        answer.then().statusCode(409).body("type", endsWith("/organisation-deactivated"));
        assertEquals("DRAFT", statusOf(leaving, draft));
    }

    private static Response publishing(Owner owner, String surveyId) {
        return given().header("Authorization", owner.bearer()).header("If-Match", etag(owner, surveyId))
                .when().post("/api/v1/surveys/" + surveyId + "/publish");
    }

    /** Published to open tomorrow: open, as far as its owner is concerned, but not yet answerable. */
    private static String scheduledSurvey(Owner owner) {
        Map<String, Object> definition = smallSurvey();
        definition.put("opensAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        String id = createDraft(owner, definition);
        publish(owner, id);
        return id;
    }

    private void deactivate(UUID organisation) {
        QuarkusTransaction.requiringNew().run(() -> outbox.record(ChorusEventTypes.ORGANISATION_DEACTIVATED,
                organisation, new OrganisationData(organisation, "Healthwatch Leaving", "HEALTHWATCH", null,
                        List.of(), List.of(), false, 2, null)));
    }

    private static String statusOf(Owner owner, String surveyId) {
        return given().header("Authorization", owner.bearer()).when().get("/api/v1/surveys/" + surveyId)
                .then().statusCode(200).extract().path("status");
    }
}
