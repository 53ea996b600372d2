package org.chorus.badinput;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A body each operation accepts, for the fixture's organisation: a generated case breaks one thing in it, so that the
 * answer is about that one thing and must name it. Operations not listed start from their schema.
 */
final class ValidBodies {

    private ValidBodies() {
    }

    /** The accepted body of the operation, or null when it has none listed here. */
    static JsonNode of(ApiOperation operation, Fixture fixture) {
        Object body = switch (operation.name()) {
            case "POST /api/v1/places" -> Map.of("code", Fixture.unique("bad-input"), "name", "Somewhere",
                    "kind", "LOCAL_AUTHORITY_AREA", "parentCode", fixture.place());
            case "POST /api/v1/organisations", "PUT /api/v1/organisations/{id}" -> Map.of("name",
                    "Bad input forum " + UUID.randomUUID(), "type", "VCFSE", "placeCodes", List.of(fixture.place()),
                    "website", Fixture.ORIGIN, "allowedOrigins", List.of(Fixture.ORIGIN));
            case "POST /api/v1/organisations/{organisationId}/api-keys" -> Map.of("name", "Generated", "kind",
                    "SECRET", "scopes", List.of("insights:read"));
            case "POST /api/v1/surveys", "PUT /api/v1/surveys/{id}" -> Fixture.seedSurvey();
            // Staff entering a paper copy, as the fixture's key holds surveys:manage.
            case "POST /api/v1/surveys/{surveyId}/responses" -> Map.of("channel", "PAPER", "enteredBy", "Bad input",
                    "answers", Fixture.sampleAnswers());
            case "POST /api/v1/activities", "PUT /api/v1/activities/{id}" -> activity(fixture.place());
            case "POST /api/v1/findings", "PUT /api/v1/findings/{id}" -> finding(fixture.ids().get("activities"));
            case "POST /api/v1/actions", "PUT /api/v1/actions/{id}" -> action(fixture.ids().get("findings"));
            case "POST /api/v1/uploads" -> upload(fixture.place());
            case "POST /api/v1/webhooks" -> webhook();
            case "POST /api/v1/coding-frames" -> codingFrame(true);
            case "POST /api/v1/coding-frames/{id}/versions" -> codingFrame(false);
            // as the first pass, without categories, so that the same body stays valid when it is sent again
            case "PUT /api/v1/responses/{responseId}/coding" -> Map.of("frameId", fixture.ids().get("coding-frames"),
                    "categories", List.of(), "sentiment", "NEUTRAL");
            default -> null;
        };
        return body == null ? null : Gateway.JSON.valueToTree(body);
    }

    /** A two-level coding frame; a new version of one carries no name. */
    static Map<String, Object> codingFrame(boolean named) {
        Map<String, Object> frame = new HashMap<>(Map.of("categories", List.of(Map.of("code", "access",
                "label", "Access", "minors", List.of(Map.of("code", "access-waiting", "label", "Waiting"))))));
        if (named) {
            frame.put("name", "Bad input frame");
        }
        return frame;
    }

    static Map<String, Object> activity(String place) {
        return Map.of("reference", Fixture.unique("BI"), "title", "Focus group", "method", "FOCUS_GROUP",
                "startDate", "2024-05-01", "endDate", "2024-05-02", "placeCodes", List.of(place),
                "participantCount", 12, "groupsReached", List.of("Young Carers"),
                "stakeholderGroup", "SERVICE_USERS_AND_PUBLIC", "ladderRung", "CONSULTING");
    }

    static Map<String, Object> finding(String activityId) {
        return Map.of("activityId", activityId, "statement", "Long waits for referrals", "sentiment", "CONCERN",
                "participantCount", 5, "themes", List.of("waiting-times"), "quotes", List.of("I waited weeks."));
    }

    /** A subscription to an address of the documentation range (public, never answering), for closed surveys only. */
    static Map<String, Object> webhook() {
        return Map.of("url", "https://192.0.2.10/hooks", "eventTypes", List.of("survey.closed"));
    }

    static Map<String, Object> action(String findingId) {
        return Map.of("title", "Faster referrals", "decision", "A single point of access for referrals",
                "findingIds", List.of(findingId), "status", "PLANNED", "decidedOn", "2024-06-01");
    }

    static Map<String, Object> upload(String place) {
        Map<String, Object> activity = new HashMap<>(activity(place));
        activity.put("findings", List.of(Map.of("statement", "Long waits for referrals", "sentiment", "CONCERN")));
        return Map.of("activities", List.of(activity));
    }
}
