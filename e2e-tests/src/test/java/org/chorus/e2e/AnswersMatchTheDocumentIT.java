package org.chorus.e2e;

import static org.chorus.e2e.Scopes.CODING_MANAGE;
import static org.chorus.e2e.Scopes.CODING_WRITE;
import static org.chorus.e2e.Scopes.EXPORTS_READ;
import static org.chorus.e2e.Scopes.INSIGHTS_READ;
import static org.chorus.e2e.Scopes.INSIGHTS_WRITE;
import static org.chorus.e2e.Scopes.PUBLIC;
import static org.chorus.e2e.Scopes.SURVEYS_MANAGE;
import static org.chorus.e2e.Scopes.WEBHOOKS_MANAGE;
import static org.chorus.e2e.SystemUnderTest.admin;
import static org.chorus.e2e.SystemUnderTest.anonymous;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.testing.WebhookReceiver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What the API answers is what its OpenAPI document says: partners check answers against it (contract tests, strict
 * generated clients), so each answer here, of a real organisation's records, is read against its documented schema by
 * a JSON Schema validator. Records with their optional fields unset are among them, as are problems.
 */
class AnswersMatchTheDocumentIT {

    private static final Tenant HEALTHWATCH = Tenant.register("Documented answers "
            + UUID.randomUUID().toString().substring(0, 8));
    private static final Owner OWNER = new Owner(HEALTHWATCH);
    private static DocumentedSchemas schemas;

    @BeforeAll
    static void readTheDocument() throws IOException {
        schemas = DocumentedSchemas.of(anonymous().queryParam("format", "json").get("/q/openapi").asString());
    }

    @Test
    void aSurveyItsResponsesAndItsResults() throws IOException {
        String survey = OWNER.surveyWithPublishedResults().id();
        Response receipt = HEALTHWATCH.with(PUBLIC).contentType(ContentType.JSON).body(RequestBodies.response(null))
                .post("/api/v1/surveys/" + survey + "/responses");
        assertDocumented("POST /api/v1/surveys/{surveyId}/responses", receipt, 201);

        assertDocumented("GET /api/v1/surveys/{id}", HEALTHWATCH.with(PUBLIC).get("/api/v1/surveys/" + survey), 200);
        assertDocumented("GET /api/v1/surveys", HEALTHWATCH.with(SURVEYS_MANAGE).get("/api/v1/surveys"), 200);
        assertDocumented("GET /api/v1/surveys/{surveyId}/results",
                HEALTHWATCH.with(EXPORTS_READ).get("/api/v1/surveys/" + survey + "/results"), 200);
        assertDocumented("GET /api/v1/surveys/{surveyId}/results/summary",
                HEALTHWATCH.with(PUBLIC).get("/api/v1/surveys/" + survey + "/results/summary"), 200);
        assertDocumented("GET /api/v1/surveys/{surveyId}/responses/changes",
                HEALTHWATCH.with(EXPORTS_READ).get("/api/v1/surveys/" + survey + "/responses/changes"), 200);
        assertDocumented("GET /api/v1/exports/audit", as(admin()).get("/api/v1/exports/audit"), 200);
    }

    @Test
    void insightAsItsWritersAndPartnersReadIt() throws IOException {
        OwnedResource action = OWNER.draftAction();
        String finding = action.created().getList("findingIds", String.class).get(0);
        String activity = OWNER.activity().id();

        assertDocumented("GET /api/v1/actions/{id}", HEALTHWATCH.with(INSIGHTS_WRITE).get(action.path()), 200);
        assertDocumented("GET /api/v1/actions", HEALTHWATCH.with(INSIGHTS_WRITE).get("/api/v1/actions"), 200);
        assertDocumented("GET /api/v1/findings/{id}", HEALTHWATCH.with(PUBLIC).get("/api/v1/findings/" + finding), 200);
        assertDocumented("GET /api/v1/findings", HEALTHWATCH.with(PUBLIC).get("/api/v1/findings"), 200);
        assertDocumented("GET /api/v1/activities/{id}",
                HEALTHWATCH.with(INSIGHTS_READ).get("/api/v1/activities/" + activity), 200);
        assertDocumented("GET /api/v1/activities", HEALTHWATCH.with(INSIGHTS_READ).get("/api/v1/activities"), 200);
        assertDocumented("GET /api/v1/themes", HEALTHWATCH.with(PUBLIC).get("/api/v1/themes"), 200);
        assertDocumented("GET /api/v1/reach", HEALTHWATCH.with(INSIGHTS_READ).queryParam("place", HEALTHWATCH.place)
                .queryParam("from", "2024-01-01").queryParam("to", "2026-12-31").get("/api/v1/reach"), 200);
        assertDocumented("GET /api/v1/uploads/{id}", HEALTHWATCH.with(INSIGHTS_WRITE).get(OWNER.upload().path()), 200);
    }

    @Test
    void codingFramesAndTheAnswersToCode() throws IOException {
        OwnedResource survey = OWNER.surveyWithCodingFrame();
        String frame = survey.created().getString("frameId");

        assertDocumented("GET /api/v1/coding-frames", HEALTHWATCH.with(CODING_MANAGE).get("/api/v1/coding-frames"),
                200);
        assertDocumented("GET /api/v1/coding-frames/{id}",
                HEALTHWATCH.with(CODING_MANAGE).get("/api/v1/coding-frames/" + frame), 200);
        assertDocumented("GET /api/v1/surveys/{surveyId}/coding/progress",
                HEALTHWATCH.with(CODING_WRITE).get("/api/v1/surveys/" + survey.id() + "/coding/progress"), 200);
    }

    @Test
    void theDirectory() throws IOException {
        assertDocumented("GET /api/v1/organisations/{id}", as(admin()).get("/api/v1/organisations/" + HEALTHWATCH.id),
                200);
        assertDocumented("GET /api/v1/organisations", as(admin()).queryParam("limit", 20).get("/api/v1/organisations"),
                200);
        HEALTHWATCH.key(PUBLIC);
        assertDocumented("GET /api/v1/organisations/{organisationId}/api-keys",
                as(admin()).get("/api/v1/organisations/" + HEALTHWATCH.id + "/api-keys"), 200);
        assertDocumented("GET /api/v1/places/{code}", as(admin()).get("/api/v1/places/" + HEALTHWATCH.place), 200);
        assertDocumented("GET /api/v1/places", as(admin()).get("/api/v1/places"), 200);
        assertDocumented("GET /api/v1/audit-log", as(admin()).queryParam("limit", 50).get("/api/v1/audit-log"), 200);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Response subscribed = HEALTHWATCH.with(WEBHOOKS_MANAGE).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("action.published")))
                    .post("/api/v1/webhooks");
            assertDocumented("POST /api/v1/webhooks", subscribed, 201);
            assertDocumented("GET /api/v1/webhooks", HEALTHWATCH.with(WEBHOOKS_MANAGE).get("/api/v1/webhooks"), 200);
        }
    }

    @Test
    void problems() throws IOException {
        assertDocumented("GET /api/v1/findings/{id}",
                HEALTHWATCH.with(INSIGHTS_READ).get("/api/v1/findings/" + UUID.randomUUID()), 404);
        String survey = OWNER.openSurvey().id();
        assertDocumented("POST /api/v1/surveys/{surveyId}/responses", HEALTHWATCH.with(PUBLIC)
                .contentType(ContentType.JSON).body("{\"answers\": {\"priorities\": {\"ranking\": [\"nope\"]}}}")
                .post("/api/v1/surveys/" + survey + "/responses"), 422);
    }

    /** The document and the API agree on a body of the wrong shape: the schema refuses it and so does the API. */
    @Test
    void aBodyTheDocumentRefusesTheApiRefusesToo() throws IOException {
        String survey = OWNER.openSurvey().id();
        String answersNotAnObject = "{\"answers\": 5}";
        assertFalse(schemas.bodyRefusals("POST /api/v1/surveys/{surveyId}/responses", answersNotAnObject).isEmpty());
        assertDocumented("POST /api/v1/surveys/{surveyId}/responses", HEALTHWATCH.with(PUBLIC)
                .contentType(ContentType.JSON).body(answersNotAnObject)
                .post("/api/v1/surveys/" + survey + "/responses"), 400);
    }

    private static void assertDocumented(String operation, Response answer, int status) throws IOException {
        assertEquals(status, answer.statusCode(), operation + ": " + answer.asString());
        assertEquals(List.of(), schemas.refusals(operation, answer), operation + " answered " + answer.asString());
    }
}
