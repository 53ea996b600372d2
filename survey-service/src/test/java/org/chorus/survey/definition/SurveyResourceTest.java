package org.chorus.survey.definition;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.survey.SurveyFixtures.createDraft;
import static org.chorus.survey.SurveyFixtures.etag;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.publish;
import static org.chorus.survey.SurveyFixtures.question;
import static org.chorus.survey.SurveyFixtures.smallSurvey;
import static org.chorus.survey.SurveyFixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.SurveyData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class SurveyResourceTest {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Scheduler scheduler;

    @Test
    void aDraftIsInvisibleToWebsitesUntilPublishedThenShownInTheirLanguage() {
        Owner owner = newOwner();
        String id = createDraft(owner, smallSurvey());
        given().header("Authorization", website()).when().get("/api/v1/surveys/" + id).then().statusCode(404);
        given().header("Authorization", website()).queryParam("limit", 500).when().get("/api/v1/surveys")
                .then().statusCode(200).body("items.id", not(hasItem(id)));

        publish(owner, id);

        given().header("Authorization", website()).header("Accept-Language", "cy-GB,en;q=0.5")
                .when().get("/api/v1/surveys/" + id)
                .then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("publishedVersion", equalTo(1))
                .body("definition.title.cy", equalTo("Ein blaenoriaethau drafft"))
                .body("definition.title.en", nullValue())
                .body("definition.sections[0].questions[1].text.en", equalTo("Which issues matter most?"))
                .body("definition.glossary[0].term.en", equalTo("Food poverty"));
        given().header("Authorization", website()).queryParam("lang", "en").when().get("/api/v1/surveys/" + id)
                .then().body("definition.title.en", equalTo("Our draft priorities"));

        ChorusEvent event = EventProbe.await(ChorusEventTypes.SURVEY_SURVEYS, e -> e.aggregateId().equals(id),
                Duration.ofSeconds(10));
        SurveyData data = event.dataAs(objectMapper, SurveyData.class);
        assertEquals(ChorusEventTypes.SURVEY_PUBLISHED.type(), event.type());
        assertEquals(new SurveyData(data.surveyId(), owner.organisationId(), 1, "Our draft priorities", "OPEN", null,
                null), data);
    }

    @Test
    void aDefinitionBreakingTheRulesIsRefusedNamingEachPlace() {
        Map<String, Object> survey = smallSurvey();
        survey.put("title", Map.of("cy", "Teitl"));
        question(survey, 0, 0).put("options", List.of(Map.of("id", "only", "label", Map.of("en", "Only one"))));
        question(survey, 0, 2).put("id", "rank");
        question(survey, 1, 0).put("required", true);
        given().header("Authorization", newOwner().bearer()).contentType(ContentType.JSON).body(survey)
                .when().post("/api/v1/surveys")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", equalTo(List.of("/title", "/sections/0/questions/0/options",
                        "/sections/0/questions/2/id", "/sections/1/questions/0/required")));

        Map<String, Object> fraction = smallSurvey();
        question(fraction, 0, 4).put("maxLength", 50.9);
        given().header("Authorization", newOwner().bearer()).contentType(ContentType.JSON).body(fraction)
                .when().post("/api/v1/surveys")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/sections/0/questions/4/maxLength"));

        Map<String, Object> unknownField = smallSurvey();
        unknownField.put("colour", "blue");
        given().header("Authorization", newOwner().bearer()).contentType(ContentType.JSON).body(unknownField)
                .when().post("/api/v1/surveys").then().statusCode(400).body("errors[0].pointer", equalTo("/colour"))
                .body("errors[0].detail", equalTo("unknown field 'colour'; the fields here are closesAt, glossary, "
                        + "introduction, opensAt, sections, title"));
    }

    @Test
    void onlyTheOwnerEditsAndOnlyFromTheLatestRevision() {
        Owner owner = newOwner();
        String id = createDraft(owner, smallSurvey());
        String etag = given().header("Authorization", owner.bearer()).when().get("/api/v1/surveys/" + id)
                .then().extract().header("ETag");
        Map<String, Object> changed = smallSurvey();
        changed.put("title", Map.of("en", "Our revised priorities"));

        given().header("Authorization", newOwner().bearer()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(changed).when().put("/api/v1/surveys/" + id).then().statusCode(403);
        given().header("Authorization", owner.bearer()).contentType(ContentType.JSON).body(changed)
                .when().put("/api/v1/surveys/" + id).then().statusCode(428);
        given().header("Authorization", owner.bearer()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(changed).when().put("/api/v1/surveys/" + id)
                .then().statusCode(200).body("definition.title.en", equalTo("Our revised priorities"));
        given().header("Authorization", owner.bearer()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(smallSurvey()).when().put("/api/v1/surveys/" + id).then().statusCode(412);
    }

    @Test
    void editsToAnOpenSurveyWaitInADraftUntilPublishedAsTheNextVersion() {
        Owner owner = newOwner();
        String id = createDraft(owner, smallSurvey());
        publish(owner, id);
        String etag = given().header("Authorization", owner.bearer()).when().get("/api/v1/surveys/" + id)
                .then().extract().header("ETag");
        Map<String, Object> changed = smallSurvey();
        changed.put("title", Map.of("en", "Version two"));
        given().header("Authorization", owner.bearer()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(changed).when().put("/api/v1/surveys/" + id)
                .then().statusCode(200).body("unpublishedChanges", equalTo(true)).body("status", equalTo("OPEN"));

        given().header("Authorization", website()).when().get("/api/v1/surveys/" + id)
                .then().body("publishedVersion", equalTo(1)).body("definition.title.en", equalTo("Our draft priorities"));
        publish(owner, id);
        given().header("Authorization", website()).when().get("/api/v1/surveys/" + id)
                .then().body("publishedVersion", equalTo(2)).body("definition.title.en", equalTo("Version two"));
    }

    @Test
    void aClosedSurveyLeavesWebsitesAndIsAnnounced() {
        Owner owner = newOwner();
        String id = createDraft(owner, smallSurvey());
        publish(owner, id);
        String etag = given().header("Authorization", owner.bearer()).when().get("/api/v1/surveys/" + id)
                .then().extract().header("ETag");
        given().header("Authorization", owner.bearer()).header("If-Match", etag)
                .when().post("/api/v1/surveys/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"));

        given().header("Authorization", website()).when().get("/api/v1/surveys/" + id).then().statusCode(404);
        EventProbe.await(ChorusEventTypes.SURVEY_SURVEYS,
                e -> e.aggregateId().equals(id) && e.type().equals(ChorusEventTypes.SURVEY_CLOSED.type()),
                Duration.ofSeconds(10));
    }

    @Test
    void aSurveyPastItsClosingTimeIsClosedByTheClosingJob() {
        Owner owner = newOwner();
        Map<String, Object> survey = smallSurvey();
        survey.put("closesAt", Instant.now().plusSeconds(2).toString());
        String id = createDraft(owner, survey);
        publish(owner, id);
        ChorusEvent closed = EventProbe.await(ChorusEventTypes.SURVEY_SURVEYS,
                e -> e.aggregateId().equals(id) && e.type().equals(ChorusEventTypes.SURVEY_CLOSED.type()),
                Duration.ofSeconds(20));
        assertEquals("CLOSED", closed.dataAs(objectMapper, SurveyData.class).status());
        given().header("Authorization", owner.bearer()).when().get("/api/v1/surveys/" + id)
                .then().body("status", equalTo("CLOSED"));
    }

    @Test
    void aSurveyPastItsClosingTimeCannotBeChangedOrPublishedAgainBeforeTheClosingJobRuns() {
        Owner owner = newOwner();
        // Drafts first, so that creating them does not eat into the time left before they close.
        String edited = createDraft(owner, smallSurvey());
        String republished = createDraft(owner, smallSurvey());
        String leftToTheJob = createDraft(owner, smallSurvey());
        // Paused, the job leaves these surveys closed by their closing time alone, as it does for up to its interval.
        scheduler.pause(SurveyCloser.JOB);
        try {
            Instant closesAt = Instant.now().plusSeconds(4);
            openUntil(owner, edited, closesAt);
            openUntil(owner, republished, closesAt);
            given().header("Authorization", owner.bearer()).header("If-Match", etag(owner, republished))
                    .contentType(ContentType.JSON).body(smallSurvey()).when().put("/api/v1/surveys/" + republished)
                    .then().statusCode(200).body("unpublishedChanges", equalTo(true));
            await().atMost(Duration.ofSeconds(10)).until(() -> List.of(edited, republished).stream().allMatch(
                    id -> "CLOSED".equals(given().header("Authorization", owner.bearer())
                            .when().get("/api/v1/surveys/" + id).then().extract().path("status"))));

            given().header("Authorization", owner.bearer()).header("If-Match", etag(owner, edited))
                    .contentType(ContentType.JSON).body(smallSurvey()).when().put("/api/v1/surveys/" + edited)
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("https://chorus.example/problems/survey-closed"));
            given().header("Authorization", owner.bearer()).header("If-Match", etag(owner, republished))
                    .when().post("/api/v1/surveys/" + republished + "/publish")
                    .then().statusCode(409).body("type", equalTo("https://chorus.example/problems/survey-closed"));
            for (String id : List.of(edited, republished)) {
                given().header("Authorization", owner.bearer()).when().get("/api/v1/surveys/" + id)
                        .then().body("status", equalTo("CLOSED")).body("publishedVersion", equalTo(1));
                // The refusals recorded the closings: announced with the job still paused.
                EventProbe.await(ChorusEventTypes.SURVEY_SURVEYS, closingOf(id), Duration.ofSeconds(10));
            }
        } finally {
            scheduler.resume(SurveyCloser.JOB);
        }

        // A survey left to the job closes at a run after the others were recorded closed, one that would have
        // announced them again.
        openUntil(owner, leftToTheJob, Instant.now().plusSeconds(2));
        EventProbe.await(ChorusEventTypes.SURVEY_SURVEYS, closingOf(leftToTheJob), Duration.ofSeconds(20));
        assertEquals(1, EventProbe.all(ChorusEventTypes.SURVEY_SURVEYS, closingOf(edited)).size());
        assertEquals(1, EventProbe.all(ChorusEventTypes.SURVEY_SURVEYS, closingOf(republished)).size());
    }

    /** Publishes the draft to close at {@code closesAt}. */
    private static void openUntil(Owner owner, String id, Instant closesAt) {
        Map<String, Object> survey = smallSurvey();
        survey.put("closesAt", closesAt.toString());
        given().header("Authorization", owner.bearer()).header("If-Match", etag(owner, id))
                .contentType(ContentType.JSON).body(survey).when().put("/api/v1/surveys/" + id)
                .then().statusCode(200);
        publish(owner, id);
    }

    private static Predicate<ChorusEvent> closingOf(String id) {
        return e -> e.aggregateId().equals(id) && e.type().equals(ChorusEventTypes.SURVEY_CLOSED.type());
    }
}
