package org.chorus.insight.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.insight.organisation.OrganisationReplicaEntity;
import org.chorus.insight.organisation.OrganisationReplicaRepository;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.web.caller.Scopes;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Organisations, places and activities for tests. Organisations are put straight into the replica (following the
 * directory's events is tested on its own), each with fresh place codes so that tests never collide.
 */
public final class InsightFixtures {

    private InsightFixtures() {
    }

    public static String unique(String stem) {
        return stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An organisation as the replica would hold it after the directory announced it. */
    public static UUID organisation(String name, boolean active, String... placeCodes) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            OrganisationReplicaEntity replica = new OrganisationReplicaEntity();
            replica.id = id;
            replica.name = name;
            replica.type = "HEALTHWATCH";
            replica.placeCodes = List.of(placeCodes);
            replica.active = active;
            replica.lastSequence = 1;
            replica.updatedAt = Instant.now();
            Arc.container().instance(OrganisationReplicaRepository.class).get().persist(replica);
        });
        return id;
    }

    public static String writer(UUID organisationId) {
        return TestCallers.bearer(organisationId, Scopes.INSIGHTS_WRITE);
    }

    public static String reader() {
        return TestCallers.bearer(UUID.randomUUID(), Scopes.INSIGHTS_READ);
    }

    /** A publishable key of a partner website: it carries only the public scope. */
    public static String publicWebsite() {
        return "Bearer " + TestCallers.token(UUID.randomUUID(), UUID.randomUUID(), "publishable", java.util.Set.of(Scopes.PUBLIC));
    }

    public static Map<String, Object> activity(String title, String place) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("method", "FOCUS_GROUP");
        body.put("startDate", "2019-03-14");
        body.put("endDate", "2019-03-14");
        body.put("placeCodes", List.of(place));
        body.put("participantCount", 14);
        body.put("groupsReached", List.of("Young Carers", "LGBT+"));
        body.put("stakeholderGroup", "SERVICE_USERS_AND_PUBLIC");
        body.put("ladderRung", "CONSULTING");
        body.put("programmeArea", "MENTAL_HEALTH");
        return body;
    }

    public static Map<String, Object> finding(String activityId, String statement, List<String> themes,
            List<String> quotes) {
        Map<String, Object> body = new HashMap<>();
        body.put("activityId", activityId);
        body.put("statement", statement);
        body.put("themes", themes);
        body.put("sentiment", "CONCERN");
        body.put("participantCount", 5);
        body.put("quotes", quotes);
        return body;
    }

    /** Posts a JSON body with the given key, for the answer to be checked. */
    public static ValidatableResponse post(String auth, String path, Map<String, Object> body) {
        return given().header("Authorization", auth).contentType(ContentType.JSON).body(body)
                .when().post(path).then();
    }

    /** Asserts the answer is a 400 problem whose first error names the field (a JSON pointer) and the rule it broke. */
    public static ValidatableResponse assertFieldRefused(ValidatableResponse response, String pointer, String rule) {
        return response.statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo(pointer))
                .body("errors[0].detail", equalTo(rule));
    }

    /** Records a finding and returns its id. */
    public static String createFinding(String auth, Map<String, Object> body) {
        return post(auth, "/api/v1/findings", body).statusCode(201).extract().path("id");
    }

    public static void publishFinding(String auth, String findingId) {
        given().header("Authorization", auth).when().post("/api/v1/findings/" + findingId + "/publish")
                .then().statusCode(200);
    }

    /** Records an activity and returns its id. */
    public static String createActivity(String auth, Map<String, Object> body) {
        return post(auth, "/api/v1/activities", body).statusCode(201).extract().path("id");
    }
}
