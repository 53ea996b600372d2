package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.Scopes.CODING_MANAGE;
import static org.chorus.e2e.Scopes.CONTACTS_READ;
import static org.chorus.e2e.Scopes.EXPORTS_READ;
import static org.chorus.e2e.Scopes.INSIGHTS_WRITE;
import static org.chorus.e2e.Scopes.PUBLIC;
import static org.chorus.e2e.Scopes.SURVEYS_MANAGE;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Real resources of one organisation, created through the gateway with its own keys: a fresh one on every call, so
 * that a rule that publishes, closes or withdraws one leaves the others as they were.
 */
final class Owner {

    private final Tenant organisation;
    /** Made once: its contact details take a few seconds to reach exports. */
    private OwnedResource surveyWithContact;

    Owner(Tenant organisation) {
        this.organisation = organisation;
    }

    OwnedResource draftSurvey() {
        String id = organisation.with(SURVEYS_MANAGE).contentType(ContentType.JSON)
                .body(RequestBodies.survey(title()).toString())
                .post("/api/v1/surveys").then().statusCode(201).extract().path("id");
        return survey(id);
    }

    OwnedResource openSurvey() {
        return survey(Surveys.createAndOpen(organisation.key(SURVEYS_MANAGE), RequestBodies.survey(title())));
    }

    /**
     * An open survey with a response whose respondent asked to be contacted, once that response has reached the
     * owner's exports with the contact details, so that refusing them to others hides something real.
     */
    OwnedResource surveyWithContact() {
        if (surveyWithContact == null) {
            OwnedResource survey = openSurvey();
            String email = "respondent-" + UUID.randomUUID() + "@example.org";
            organisation.with(PUBLIC).contentType(ContentType.JSON).body(RequestBodies.response(email))
                    .post("/api/v1/surveys/" + survey.id() + "/responses").then().statusCode(201);
            // Exports hold responses from a few seconds back, so that resuming never skips one still committing.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> organisation.with(EXPORTS_READ + Tenant.AND + CONTACTS_READ)
                            .queryParam("includeContact", true).get("/api/v1/surveys/" + survey.id() + "/responses/export")
                            .asString().contains(email));
            surveyWithContact = survey;
        }
        return surveyWithContact;
    }

    /** An open survey whose owner published its results summary. */
    OwnedResource surveyWithPublishedResults() {
        OwnedResource survey = openSurvey();
        organisation.with(SURVEYS_MANAGE).header("If-Match", survey.etag())
                .post("/api/v1/surveys/" + survey.id() + "/results/publish").then().statusCode(200);
        return survey;
    }

    /** A response to an open survey through the owner's website; its receipt holds the erasure token. */
    OwnedResource response() {
        String survey = openSurvey().id();
        JsonPath receipt = organisation.with(PUBLIC).contentType(ContentType.JSON).body(RequestBodies.response(null))
                .post("/api/v1/surveys/" + survey + "/responses").then().statusCode(201).extract().jsonPath();
        return new OwnedResource(receipt.getString("responseId"), null, null, receipt, null);
    }

    /**
     * A response with a written answer (other-feedback); created holds the frameId of a coding frame of the owner's
     * and the response's surveyId.
     */
    OwnedResource writtenAnswer() {
        String survey = openSurvey().id();
        JsonPath receipt = organisation.with(PUBLIC).contentType(ContentType.JSON).body(RequestBodies.response(null))
                .post("/api/v1/surveys/" + survey + "/responses").then().statusCode(201).extract().jsonPath();
        String created = "{\"frameId\": \"" + codingFrame().id() + "\", \"surveyId\": \"" + survey + "\"}";
        return new OwnedResource(receipt.getString("responseId"), null, null, JsonPath.from(created), null);
    }

    /** An open survey; created holds the frameId of a coding frame of the owner's. */
    OwnedResource surveyWithCodingFrame() {
        return new OwnedResource(openSurvey().id(), null, null, withFrame(codingFrame().id()), null);
    }

    /** A coding frame of the organisation's own, with the body of its next version. */
    OwnedResource codingFrame() {
        String id = organisation.with(CODING_MANAGE).contentType(ContentType.JSON)
                .body(RequestBodies.codingFrame("access-waiting")).post("/api/v1/coding-frames").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> next = new HashMap<>(RequestBodies.codingFrame("access-parking"));
        next.remove("name");
        return new OwnedResource(id, "/api/v1/coding-frames/" + id, () -> organisation.with(CODING_MANAGE), null,
                next);
    }

    private static JsonPath withFrame(String frameId) {
        return JsonPath.from("{\"frameId\": \"" + frameId + "\"}");
    }

    OwnedResource activity() {
        String reference = "E2E-" + UUID.randomUUID();
        return createInsight("activities", RequestBodies.activity(reference, "Focus group", organisation.place),
                RequestBodies.activity(reference, "Focus group, corrected", organisation.place));
    }

    /** An unpublished finding of a new activity. */
    OwnedResource draftFinding() {
        String activity = activity().id();
        return createInsight("findings", RequestBodies.finding(activity, "Long waits for referrals"),
                RequestBodies.finding(activity, "Long waits for mental health referrals"));
    }

    OwnedResource publishedFinding() {
        OwnedResource finding = draftFinding();
        organisation.with(INSIGHTS_WRITE).post("/api/v1/findings/" + finding.id() + "/publish").then().statusCode(200);
        return finding;
    }

    /** An unpublished "you said, we did" action answering a published finding, which anyone may see. */
    OwnedResource draftAction() {
        String finding = publishedFinding().id();
        return createInsight("actions", RequestBodies.action(finding, "Faster referrals"),
                RequestBodies.action(finding, "Faster mental health referrals"));
    }

    OwnedResource upload() {
        return createInsight("uploads", RequestBodies.upload("E2E-" + UUID.randomUUID(), organisation.place), null);
    }

    private OwnedResource survey(String id) {
        return new OwnedResource(id, "/api/v1/surveys/" + id, () -> organisation.with(SURVEYS_MANAGE), null,
                RequestBodies.survey(title()).toString());
    }

    /**
     * Records insight and returns it. The first waits until the insight service has heard of the organisation: it
     * refuses writes from organisations it does not know to be active, and hears of new ones by event.
     */
    private OwnedResource createInsight(String collection, Object body, Object replacement) {
        AtomicReference<Response> created = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            created.set(organisation.with(INSIGHTS_WRITE).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/" + collection));
            return created.get().statusCode();
        }, equalTo(201));
        String id = created.get().path("id");
        return new OwnedResource(id, "/api/v1/" + collection + "/" + id, () -> organisation.with(INSIGHTS_WRITE),
                created.get().jsonPath(), replacement);
    }

    private static String title() {
        return "Cross-organisation survey " + UUID.randomUUID().toString().substring(0, 8);
    }
}
