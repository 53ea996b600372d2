package org.chorus.e2e;

import static org.chorus.e2e.Scopes.CODING_MANAGE;
import static org.chorus.e2e.Scopes.CODING_WRITE;
import static org.chorus.e2e.Scopes.INSIGHTS_WRITE;
import static org.chorus.e2e.Scopes.SURVEYS_MANAGE;
import static org.chorus.e2e.SystemUnderTest.admin;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What a write answers is the record as a read of it shows it, ETag included: partners' pages show the record a write
 * gives back, and send its ETag in the next If-Match, rather than read it again. Each kind of record the API changes
 * is written here through the gateway, at each step of its life, and read back by the same caller.
 */
class WritesAnswerWhatReadsShowIT {

    private static final Tenant HEALTHWATCH = Tenant.register("Writes and reads "
            + UUID.randomUUID().toString().substring(0, 8));
    private static final Owner OWNER = new Owner(HEALTHWATCH);

    @Test
    void activitiesFindingsActionsAndUploads() {
        Supplier<RequestSpecification> writer = () -> HEALTHWATCH.with(INSIGHTS_WRITE);
        OwnedResource activity = OWNER.activity();
        assertCreatedAsRead(activity);
        Response corrected = writer.get().contentType(ContentType.JSON).header("If-Match", activity.etag())
                .body(activity.replacement()).put(activity.path());
        assertAnswersTheRead(corrected, 200, activity);

        OwnedResource finding = OWNER.draftFinding();
        assertCreatedAsRead(finding);
        assertAnswersTheRead(writer.get().contentType(ContentType.JSON).header("If-Match", finding.etag())
                .body(finding.replacement()).put(finding.path()), 200, finding);
        assertAnswersTheRead(writer.get().post(finding.path() + "/publish"), 200, finding);

        OwnedResource action = OWNER.draftAction();
        assertCreatedAsRead(action);
        assertAnswersTheRead(writer.get().contentType(ContentType.JSON).header("If-Match", action.etag())
                .body(action.replacement()).put(action.path()), 200, action);
        assertAnswersTheRead(writer.get().post(action.path() + "/publish"), 200, action);
        assertAnswersTheRead(writer.get().post(finding.path() + "/withdraw"), 200, finding);

        assertCreatedAsRead(OWNER.upload());
    }

    @Test
    void aSurveyFromDraftToClosed() {
        Supplier<RequestSpecification> manager = () -> HEALTHWATCH.with(SURVEYS_MANAGE);
        Response created = manager.get().contentType(ContentType.JSON)
                .body(RequestBodies.survey("Written and read").toString()).post("/api/v1/surveys");
        String path = "/api/v1/surveys/" + created.path("id");
        OwnedResource survey = new OwnedResource(created.path("id"), path, manager, null, null);
        assertAnswersTheRead(created, 201, survey);

        assertAnswersTheRead(manager.get().contentType(ContentType.JSON).header("If-Match", survey.etag())
                .body(RequestBodies.survey("Written and read, edited").toString()).put(path), 200, survey);
        assertAnswersTheRead(manager.get().header("If-Match", survey.etag()).post(path + "/publish"), 200, survey);
        assertAnswersTheRead(manager.get().header("If-Match", survey.etag()).post(path + "/results/publish"), 200,
                survey);
        assertAnswersTheRead(manager.get().header("If-Match", survey.etag()).post(path + "/results/withdraw"), 200,
                survey);
        assertAnswersTheRead(manager.get().header("If-Match", survey.etag()).post(path + "/close"), 200, survey);
    }

    @Test
    void aCodingFrameItsVersionsAndACodedAnswer() {
        OwnedResource frame = OWNER.codingFrame();
        assertAnswersTheRead(HEALTHWATCH.with(CODING_MANAGE).contentType(ContentType.JSON)
                .header("If-Match", frame.etag()).body(frame.replacement()).post(frame.path() + "/versions"), 201,
                frame);

        OwnedResource answer = OWNER.writtenAnswer();
        Response coded = HEALTHWATCH.with(CODING_WRITE).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .queryParam("questionId", "other-feedback")
                .body(Map.of("frameId", answer.created().getString("frameId"), "categories", List.of("access")))
                .put("/api/v1/responses/" + answer.id() + "/coding");
        coded.then().statusCode(200);
        String survey = answer.created().getString("surveyId");
        Map<String, Object> listed = HEALTHWATCH.with(CODING_WRITE).queryParam("limit", 100)
                .get("/api/v1/surveys/" + survey + "/coding/answers").then().statusCode(200).extract().jsonPath()
                .getMap("items.find { it.responseId == '" + answer.id() + "' }");
        assertNotNull(listed, "the coded answer is in its survey's list");
        assertEquals(listed, coded.jsonPath().getMap(""), "a coding answers the row the coder's list shows");
    }

    @Test
    void placesOrganisationsAndApiKeys() {
        Supplier<RequestSpecification> administrator = () -> as(admin());
        String code = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Response place = administrator.get().contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Written and read", "kind", "LOCAL_PARTNERSHIP",
                        "parentCode", HEALTHWATCH.place))
                .post("/api/v1/places");
        assertAnswersTheRead(place, 201, resource(administrator, "/api/v1/places/" + code));

        Map<String, Object> details = Map.of("name", "Written and read", "type", "VCFSE", "placeCodes", List.of(code));
        Response registered = administrator.get().contentType(ContentType.JSON).body(details)
                .post("/api/v1/organisations");
        OwnedResource organisation = resource(administrator, "/api/v1/organisations/" + registered.path("id"));
        assertAnswersTheRead(registered, 201, organisation);
        assertAnswersTheRead(administrator.get().contentType(ContentType.JSON).header("If-Match", organisation.etag())
                .body(Map.of("name", "Written and read, renamed", "type", "VCFSE", "placeCodes", List.of(code)))
                .put(organisation.path()), 200, organisation);

        Response issued = administrator.get().contentType(ContentType.JSON)
                .body(Map.of("name", "Written and read", "kind", "SECRET", "scopes", List.of(INSIGHTS_WRITE)))
                .post(organisation.path() + "/api-keys");
        issued.then().statusCode(201);
        OwnedResource key = resource(administrator, "/api/v1/api-keys/" + issued.path("key.id"));
        assertEquals(read(key).jsonPath().getMap(""), issued.jsonPath().getMap("key"), "an issued key as read");
        assertAnswersTheRead(administrator.get().post(key.path() + "/revoke"), 200, key);

        assertAnswersTheRead(administrator.get().header("If-Match", organisation.etag())
                .post(organisation.path() + "/deactivate"), 200, organisation);
    }

    private static OwnedResource resource(Supplier<RequestSpecification> reader, String path) {
        return new OwnedResource(path.substring(path.lastIndexOf('/') + 1), path, reader, null, null);
    }

    /** The record a creation answered, as its owner reads it now (the creation's ETag was not kept). */
    private static void assertCreatedAsRead(OwnedResource created) {
        assertEquals(read(created).jsonPath().getMap(""), created.created().getMap(""), created.path());
    }

    private static void assertAnswersTheRead(Response write, int status, OwnedResource record) {
        write.then().statusCode(status);
        Response read = read(record);
        assertEquals(read.jsonPath().getMap(""), write.jsonPath().getMap(""), "the body a write answers, as read");
        assertEquals(read.header("ETag"), write.header("ETag"), "the ETag a write answers, as read");
    }

    private static Response read(OwnedResource record) {
        return record.owner().get().get(record.path()).then().statusCode(200).extract().response();
    }
}
