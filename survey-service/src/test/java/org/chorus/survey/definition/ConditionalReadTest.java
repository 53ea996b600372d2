package org.chorus.survey.definition;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.survey.SurveyFixtures.createDraft;
import static org.chorus.survey.SurveyFixtures.etag;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.publish;
import static org.chorus.survey.SurveyFixtures.smallSurvey;
import static org.chorus.survey.SurveyFixtures.website;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.web.paging.Cursor;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * A partner's page reads the same survey for every visitor: the visitor's browser keeps it and asks with
 * If-None-Match, and a 304 must mean the bytes it kept are still the ones it would get, in its language.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ConditionalReadTest {

    @Inject
    Scheduler scheduler;

    @Test
    void aWebsitesCopyIsConfirmedInItsLanguageUntilTheNextVersion() {
        Owner owner = newOwner();
        String id = createDraft(owner, smallSurvey());
        publish(owner, id);
        String website = website();

        ExtractableResponse<Response> welsh = given().header("Authorization", website).header("Accept-Language", "cy")
                .when().get("/api/v1/surveys/" + id)
                .then().statusCode(200).header("Cache-Control", "private, no-cache")
                .header("Vary", containsString("Accept-Language")).header("Vary", containsString("Authorization"))
                .body("definition.title.cy", equalTo("Ein blaenoriaethau drafft")).extract();
        String welshTag = welsh.header("ETag");

        given().header("Authorization", website).header("Accept-Language", "cy").header("If-None-Match", welshTag)
                .when().get("/api/v1/surveys/" + id)
                .then().statusCode(304).header("ETag", welshTag).body(emptyString());
        given().header("Authorization", website).header("Accept-Language", "en").header("If-None-Match", welshTag)
                .when().get("/api/v1/surveys/" + id)
                .then().statusCode(200).header("ETag", not(equalTo(welshTag)))
                .body("definition.title.en", equalTo("Our draft priorities"));

        publishRenamed(owner, id);

        given().header("Authorization", website).header("Accept-Language", "cy").header("If-None-Match", welshTag)
                .when().get("/api/v1/surveys/" + id)
                .then().statusCode(200).body("definition.title.cy", equalTo("Ein blaenoriaethau"));
    }

    /**
     * The page first reads which surveys are open. Paged after a survey of the test's own, so that the page holds only
     * surveys this test made, whatever other tests leave open.
     */
    @Test
    void aWebsitesListOfOpenSurveysIsConfirmedUntilOneOfThemChanges() {
        Owner owner = newOwner();
        String before = createDraft(owner, smallSurvey());
        publish(owner, before);
        String id = createDraft(owner, smallSurvey());
        publish(owner, id);
        String website = website();
        String page = "/api/v1/surveys?limit=5&cursor=" + after(owner, before);

        String tag = given().header("Authorization", website).when().get(page)
                .then().statusCode(200).header("Cache-Control", "private, no-cache")
                .header("Vary", containsString("Accept-Language")).header("Vary", containsString("Authorization"))
                .header("ETag", startsWith("\"page-")).body("items.id", equalTo(List.of(id))).extract().header("ETag");
        given().header("Authorization", website).header("If-None-Match", tag).when().get(page)
                .then().statusCode(304).header("ETag", tag).body(emptyString());

        Map<String, Object> renamed = publishRenamed(owner, id);

        given().header("Authorization", website).header("If-None-Match", tag).when().get(page)
                .then().statusCode(200).body("items[0].definition.title.en", equalTo("Our priorities"));
        given().header("Authorization", owner.bearer()).header("If-Match", tag)
                .contentType(ContentType.JSON).body(renamed).when().put("/api/v1/surveys/" + id)
                .then().statusCode(412);
    }

    @Test
    void theOwnerEditsWithTheTagOfAReadAndEveryReadAfterTheEditIsNew() {
        Owner owner = newOwner();
        String id = createDraft(owner, smallSurvey());
        String read = etag(owner, id);
        given().header("Authorization", owner.bearer()).header("If-None-Match", read)
                .when().get("/api/v1/surveys/" + id).then().statusCode(304).header("ETag", read);

        String written = given().header("Authorization", owner.bearer()).header("If-Match", read)
                .contentType(ContentType.JSON).body(smallSurvey()).when().put("/api/v1/surveys/" + id)
                .then().statusCode(200).extract().header("ETag");

        assertNotEquals(read, written);
        assertEquals(written, given().header("Authorization", owner.bearer()).header("If-None-Match", read)
                .when().get("/api/v1/surveys/" + id).then().statusCode(200).extract().header("ETag"),
                "the write answered the tag a read gives");
        given().header("Authorization", owner.bearer()).header("If-Match", read)
                .contentType(ContentType.JSON).body(smallSurvey()).when().put("/api/v1/surveys/" + id)
                .then().statusCode(412);
    }

    @Test
    void aSurveyPastItsClosingTimeIsNotConfirmedAsOpenBeforeTheClosingIsRecorded() {
        Owner owner = newOwner();
        String id = createDraft(owner, smallSurvey());
        // Paused, the job leaves the survey closed by its closing time alone: same revision, another status.
        scheduler.pause(SurveyCloser.JOB);
        try {
            Map<String, Object> closing = smallSurvey();
            closing.put("closesAt", Instant.now().plusSeconds(6).toString());
            given().header("Authorization", owner.bearer()).header("If-Match", etag(owner, id))
                    .contentType(ContentType.JSON).body(closing).when().put("/api/v1/surveys/" + id)
                    .then().statusCode(200);
            publish(owner, id);
            String whileOpen = given().header("Authorization", owner.bearer()).when().get("/api/v1/surveys/" + id)
                    .then().statusCode(200).body("status", equalTo("OPEN")).extract().header("ETag");

            await().atMost(Duration.ofSeconds(20)).until(() -> given().header("Authorization", owner.bearer())
                    .header("If-None-Match", whileOpen).when().get("/api/v1/surveys/" + id).statusCode() == 200);
            given().header("Authorization", owner.bearer()).header("If-None-Match", whileOpen)
                    .when().get("/api/v1/surveys/" + id)
                    .then().statusCode(200).body("status", equalTo("CLOSED")).body("revision", equalTo(
                            Integer.parseInt(whileOpen.substring(1, whileOpen.indexOf('-')))));
        } finally {
            scheduler.resume(SurveyCloser.JOB);
        }
    }

    /** Renames the survey and publishes it as the next version; answers the definition it published. */
    private static Map<String, Object> publishRenamed(Owner owner, String id) {
        Map<String, Object> renamed = smallSurvey();
        renamed.put("title", Map.of("en", "Our priorities", "cy", "Ein blaenoriaethau"));
        given().header("Authorization", owner.bearer()).header("If-Match", etag(owner, id))
                .contentType(ContentType.JSON).body(renamed).when().put("/api/v1/surveys/" + id)
                .then().statusCode(200);
        publish(owner, id);
        return renamed;
    }

    /** The cursor of a page that ends with the survey, as the list would give it: the surveys made after it follow. */
    private static String after(Owner owner, String surveyId) {
        String createdAt = given().header("Authorization", owner.bearer()).when().get("/api/v1/surveys/" + surveyId)
                .then().statusCode(200).extract().path("createdAt");
        return new Cursor(createdAt, UUID.fromString(surveyId)).encode();
    }
}
