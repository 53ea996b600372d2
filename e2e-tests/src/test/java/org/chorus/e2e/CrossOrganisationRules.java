package org.chorus.e2e;

import static org.chorus.e2e.CrossOrganisationRule.acrossByDesign;
import static org.chorus.e2e.CrossOrganisationRule.ownerOnly;
import static org.chorus.e2e.CrossOrganisationRule.referenceRefused;
import static org.chorus.e2e.Scopes.CODING_MANAGE;
import static org.chorus.e2e.Scopes.CODING_WRITE;
import static org.chorus.e2e.Scopes.CONTACTS_READ;
import static org.chorus.e2e.Scopes.EXPORTS_READ;
import static org.chorus.e2e.Scopes.INSIGHTS_READ;
import static org.chorus.e2e.Scopes.INSIGHTS_WRITE;
import static org.chorus.e2e.Scopes.PUBLIC;
import static org.chorus.e2e.Scopes.SURVEYS_MANAGE;

import java.util.List;
import java.util.Map;

import org.chorus.e2e.CrossOrganisationRule.Call;

import io.restassured.http.ContentType;

/**
 * The declared cross-organisation rules (issue 5), one line each: for every operation on an organisation's own
 * resources, what another organisation's key gets. They run in this order, each on a fresh resource of the owner
 * (but for the survey whose respondent left contact details, made once). A new operation takes a line here: which
 * resource it is about, how to call it, and either that only the owner may, or why organisations share it.
 */
final class CrossOrganisationRules {

    /** Nothing beyond the method and the path. */
    private static final Call PLAIN = (request, resource) -> request;
    private static final Call IF_MATCH = (request, resource) -> request.header("If-Match", resource.etag());
    private static final Call REPLACE = (request, resource) -> IF_MATCH.apply(request, resource)
            .contentType(ContentType.JSON).body(resource.replacement());
    private static final Call ANSWER = (request, resource) -> request.contentType(ContentType.JSON)
            .body(RequestBodies.response(null));
    private static final Call ENTER_PAPER_ANSWER = (request, resource) -> request.contentType(ContentType.JSON)
            .body(RequestBodies.paperResponse());
    private static final Call WITH_CONTACTS = (request, resource) -> request.queryParam("includeContact", true);
    private static final Call ERASE = (request, resource) -> request.header("Erasure-Token",
            resource.created().getString("erasureToken"));
    /** Codes the answer with the owner's frame, which no other organisation may use. */
    private static final Call CODE_WITH_OWNERS_FRAME = (request, resource) -> request
            .queryParam("questionId", "other-feedback").header("If-Match", "\"0\"").contentType(ContentType.JSON)
            .body(Map.of("frameId", resource.created().getString("frameId"), "categories", List.of("access")));
    private static final Call COUNT_BY_OWNERS_FRAME = (request, resource) -> request.queryParam("frameId",
            resource.created().getString("frameId"));
    private static final Call FINDING_OF = (request, resource) -> request.contentType(ContentType.JSON)
            .body(RequestBodies.finding(resource.id(), "Heard at their focus group"));
    private static final Call ACTION_ANSWERING = (request, resource) -> request.contentType(ContentType.JSON)
            .body(RequestBodies.action(resource.id(), "What we did about it"));
    private static final Call UPLOAD_WITH_ITS_REFERENCE = (request, resource) -> request.contentType(ContentType.JSON)
            .body(RequestBodies.upload(resource.created().getString("reference"),
                    resource.created().getString("placeCodes[0]")));

    // Why organisations share what they share.
    private static final String WEBSITES_SHOW_OPEN_SURVEYS = "partner websites show every organisation's open surveys";
    private static final String WEBSITES_COLLECT = "any partner's website collects answers to any open survey";
    private static final String TEAMS_ENTER = "the partnership's engagement teams enter paper answers to any open survey";
    private static final String ANALYSTS_COMPARE = "analysts compare every organisation's results";
    private static final String ANALYSTS_EXPORT = "analysts export every organisation's responses, without contacts";
    private static final String RECEIPT_ERASES = "the receipt's token, not the key, lets a respondent take an answer "
            + "back, from any partner's website";
    private static final String ANALYSTS_READ = "analysts read every organisation's insight";
    private static final String WEBSITES_SHOW_FINDINGS = "partner websites show every organisation's published findings";
    private static final String ANSWERS_TO_OTHERS = "any organisation says what it did about a finding another published";
    private static final String OWN_REFERENCES = "an organisation's references are its own: an upload with the "
            + "reference of another's activity records a new activity";
    private static final String SUMMARIES_ARE_PUBLIC = "a published results summary is for everyone's websites";
    private static final String CONTACTS = EXPORTS_READ + Tenant.AND + CONTACTS_READ;
    private static final String ANALYSTS_CODE = "analysts code every organisation's free text, as they export it";

    static final List<CrossOrganisationRule> RULES = List.of(
            ownerOnly("GET /api/v1/surveys/{id}", SURVEYS_MANAGE, Owner::draftSurvey, PLAIN),
            acrossByDesign("GET /api/v1/surveys/{id}", PUBLIC, WEBSITES_SHOW_OPEN_SURVEYS, Owner::openSurvey, PLAIN),
            ownerOnly("PUT /api/v1/surveys/{id}", SURVEYS_MANAGE, Owner::draftSurvey, REPLACE),
            ownerOnly("POST /api/v1/surveys/{id}/publish", SURVEYS_MANAGE, Owner::draftSurvey, IF_MATCH),
            ownerOnly("POST /api/v1/surveys/{id}/close", SURVEYS_MANAGE, Owner::openSurvey, IF_MATCH),
            acrossByDesign("POST /api/v1/surveys/{surveyId}/responses", PUBLIC, WEBSITES_COLLECT, Owner::openSurvey, ANSWER),
            acrossByDesign("POST /api/v1/surveys/{surveyId}/responses", SURVEYS_MANAGE, TEAMS_ENTER, Owner::openSurvey,
                    ENTER_PAPER_ANSWER),
            acrossByDesign("GET /api/v1/surveys/{surveyId}/results", EXPORTS_READ, ANALYSTS_COMPARE, Owner::openSurvey, PLAIN),
            acrossByDesign("GET /api/v1/surveys/{surveyId}/results/summary", PUBLIC, SUMMARIES_ARE_PUBLIC,
                    Owner::surveyWithPublishedResults, PLAIN),
            ownerOnly("POST /api/v1/surveys/{surveyId}/results/publish", SURVEYS_MANAGE, Owner::openSurvey, IF_MATCH),
            ownerOnly("POST /api/v1/surveys/{surveyId}/results/withdraw", SURVEYS_MANAGE,
                    Owner::surveyWithPublishedResults, IF_MATCH),
            acrossByDesign("GET /api/v1/surveys/{surveyId}/responses/export", EXPORTS_READ, ANALYSTS_EXPORT,
                    Owner::surveyWithContact, PLAIN),
            ownerOnly("GET /api/v1/surveys/{surveyId}/responses/export", CONTACTS, Owner::surveyWithContact, WITH_CONTACTS),
            acrossByDesign("GET /api/v1/surveys/{surveyId}/responses/changes", EXPORTS_READ, ANALYSTS_EXPORT,
                    Owner::openSurvey, PLAIN),
            acrossByDesign("DELETE /api/v1/responses/{responseId}", PUBLIC, RECEIPT_ERASES, Owner::response, ERASE),
            ownerOnly("DELETE /api/v1/surveys/{surveyId}/responses/{responseId}", SURVEYS_MANAGE, Owner::response,
                    PLAIN),
            acrossByDesign("GET /api/v1/surveys/{surveyId}/coding/answers", CODING_WRITE, ANALYSTS_CODE,
                    Owner::openSurvey, PLAIN),
            acrossByDesign("GET /api/v1/surveys/{surveyId}/coding/progress", CODING_WRITE, ANALYSTS_CODE,
                    Owner::openSurvey, PLAIN),
            acrossByDesign("GET /api/v1/surveys/{surveyId}/coding/second-pass", CODING_WRITE, ANALYSTS_CODE,
                    Owner::openSurvey, PLAIN),
            // an organisation's coding frame is its own: coding with it, or counting by it, is the owner's alone
            referenceRefused("PUT /api/v1/responses/{responseId}/coding", CODING_WRITE, "/frameId",
                    Owner::writtenAnswer, CODE_WITH_OWNERS_FRAME),
            ownerOnly("GET /api/v1/surveys/{surveyId}/coding/results", EXPORTS_READ, Owner::surveyWithCodingFrame,
                    COUNT_BY_OWNERS_FRAME),
            ownerOnly("GET /api/v1/surveys/{surveyId}/coding/agreement", CODING_WRITE, Owner::surveyWithCodingFrame,
                    COUNT_BY_OWNERS_FRAME),
            ownerOnly("GET /api/v1/coding-frames/{id}", CODING_WRITE, Owner::codingFrame, PLAIN),
            ownerOnly("POST /api/v1/coding-frames/{id}/versions", CODING_MANAGE, Owner::codingFrame, REPLACE),

            ownerOnly("GET /api/v1/activities/{id}", INSIGHTS_WRITE, Owner::activity, PLAIN),
            acrossByDesign("GET /api/v1/activities/{id}", INSIGHTS_READ, ANALYSTS_READ, Owner::activity, PLAIN),
            ownerOnly("PUT /api/v1/activities/{id}", INSIGHTS_WRITE, Owner::activity, REPLACE),
            ownerOnly("GET /api/v1/findings/{id}", INSIGHTS_WRITE, Owner::draftFinding, PLAIN),
            acrossByDesign("GET /api/v1/findings/{id}", INSIGHTS_READ, ANALYSTS_READ, Owner::draftFinding, PLAIN),
            acrossByDesign("GET /api/v1/findings/{id}", PUBLIC, WEBSITES_SHOW_FINDINGS, Owner::publishedFinding, PLAIN),
            ownerOnly("PUT /api/v1/findings/{id}", INSIGHTS_WRITE, Owner::draftFinding, REPLACE),
            ownerOnly("POST /api/v1/findings/{id}/publish", INSIGHTS_WRITE, Owner::draftFinding, PLAIN),
            ownerOnly("POST /api/v1/findings/{id}/withdraw", INSIGHTS_WRITE, Owner::publishedFinding, PLAIN),
            referenceRefused("POST /api/v1/findings", INSIGHTS_WRITE, "/activityId", Owner::activity, FINDING_OF),
            ownerOnly("GET /api/v1/actions/{id}", INSIGHTS_WRITE, Owner::draftAction, PLAIN),
            acrossByDesign("GET /api/v1/actions/{id}", INSIGHTS_READ, ANALYSTS_READ, Owner::draftAction, PLAIN),
            ownerOnly("PUT /api/v1/actions/{id}", INSIGHTS_WRITE, Owner::draftAction, REPLACE),
            ownerOnly("POST /api/v1/actions/{id}/publish", INSIGHTS_WRITE, Owner::draftAction, PLAIN),
            referenceRefused("POST /api/v1/actions", INSIGHTS_WRITE, "/findingIds/0", Owner::draftFinding, ACTION_ANSWERING),
            acrossByDesign("POST /api/v1/actions", INSIGHTS_WRITE, ANSWERS_TO_OTHERS, Owner::publishedFinding, ACTION_ANSWERING),
            acrossByDesign("POST /api/v1/uploads", INSIGHTS_WRITE, OWN_REFERENCES, Owner::activity, UPLOAD_WITH_ITS_REFERENCE),
            ownerOnly("GET /api/v1/uploads/{id}", INSIGHTS_WRITE, Owner::upload, PLAIN),
            ownerOnly("GET /api/v1/uploads/{id}/report", INSIGHTS_WRITE, Owner::upload, PLAIN),
            acrossByDesign("GET /api/v1/uploads/{id}", INSIGHTS_READ, ANALYSTS_READ, Owner::upload, PLAIN));

    private CrossOrganisationRules() {
    }
}
