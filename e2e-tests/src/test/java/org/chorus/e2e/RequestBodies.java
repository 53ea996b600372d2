package org.chorus.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Valid request bodies for the resources the cross-organisation tests create and change. */
final class RequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestBodies() {
    }

    /** The partnership's seed survey under another title. */
    static ObjectNode survey(String title) {
        try {
            return Surveys.seedWithEveryQuestionType(title);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A website's response to the seed survey; with an email address, from a respondent who asked to be contacted. */
    static String response(String contactEmail) {
        ObjectNode response = JSON.createObjectNode();
        response.set("answers", sampleAnswers());
        if (contactEmail != null) {
            response.putObject("contact").put("name", "Sam Taylor").put("email", contactEmail).put("consent", true);
        }
        return response.toString();
    }

    /** The same answers as entered by staff from a paper copy. */
    static String paperResponse() {
        ObjectNode response = JSON.createObjectNode().put("channel", "PAPER").put("enteredBy", "e2e - JB");
        response.set("answers", sampleAnswers());
        return response.toString();
    }

    static Map<String, Object> activity(String reference, String title, String placeCode) {
        return Map.of("reference", reference, "title", title, "method", "FOCUS_GROUP", "startDate", "2024-05-01",
                "placeCodes", List.of(placeCode), "participantCount", 12);
    }

    static Map<String, Object> finding(String activityId, String statement) {
        return Map.of("activityId", activityId, "statement", statement, "sentiment", "CONCERN",
                "participantCount", 5);
    }

    static Map<String, Object> action(String findingId, String title) {
        return Map.of("title", title, "decision", "A single point of access for referrals", "findingIds",
                List.of(findingId), "status", "PLANNED", "decidedOn", "2024-06-01");
    }

    /** A JSON upload of one activity with one finding. */
    static Map<String, Object> upload(String reference, String placeCode) {
        Map<String, Object> finding = Map.of("statement", "Long waits for referrals", "sentiment", "CONCERN");
        Map<String, Object> activity = new java.util.HashMap<>(activity(reference, "Uploaded focus group", placeCode));
        activity.put("findings", List.of(finding));
        return Map.of("activities", List.of(activity));
    }

    /** A coding frame of two major categories, one with a minor; {@code minor} names the minor, to tell versions apart. */
    static Map<String, Object> codingFrame(String minor) {
        return Map.of("name", "Cross-organisation frame", "categories", List.of(
                Map.of("code", "access", "label", "Access", "minors", List.of(Map.of("code", minor, "label", minor))),
                Map.of("code", "staff", "label", "Staff")));
    }

    private static ObjectNode sampleAnswers() {
        try {
            return Surveys.sampleAnswers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
