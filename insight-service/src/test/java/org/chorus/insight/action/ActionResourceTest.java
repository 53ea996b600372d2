package org.chorus.insight.action;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.activity;
import static org.chorus.insight.support.InsightFixtures.createActivity;
import static org.chorus.insight.support.InsightFixtures.createFinding;
import static org.chorus.insight.support.InsightFixtures.finding;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.post;
import static org.chorus.insight.support.InsightFixtures.publicWebsite;
import static org.chorus.insight.support.InsightFixtures.publishFinding;
import static org.chorus.insight.support.InsightFixtures.reader;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.ActionData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ActionResourceTest {

    @Test
    void aPublishedActionIsShownNextToPublishedFindingsAndItsStatusChangesAreAnnounced() {
        String place = unique("blackpool");
        UUID healthwatch = organisation("Healthwatch Blackpool", true, place);
        UUID icb = organisation("Lancashire and South Cumbria ICB", true, place);
        String activity = createActivity(writer(healthwatch), activity("Focus group", place));
        String published = createFinding(writer(healthwatch), finding(activity, "Long waits for mental health referrals",
                List.of("mental-health-support", "waiting-times"), List.of()));
        String draft = createFinding(writer(healthwatch), finding(activity, "Draft finding", List.of(), List.of()));
        publishFinding(writer(healthwatch), published);

        Map<String, Object> body = action(List.of(published), "PLANNED");
        post(writer(icb), "/api/v1/actions", action(List.of(published, draft), "PLANNED"))
                .statusCode(422).body("errors[0].pointer", equalTo("/findingIds/1"));
        var created = post(writer(icb), "/api/v1/actions", body)
                .statusCode(201).body("organisationId", equalTo(icb.toString())).extract();
        String id = created.path("id");

        given().header("Authorization", publicWebsite()).queryParam("finding", published)
                .when().get("/api/v1/actions").then().statusCode(200).body("items", empty());
        given().header("Authorization", writer(icb)).when().post("/api/v1/actions/" + id + "/publish")
                .then().statusCode(200).body("published", equalTo(true));
        given().header("Authorization", publicWebsite()).queryParam("finding", published)
                .when().get("/api/v1/actions").then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].findingIds", contains(published));
        EventProbe.await(ChorusEventTypes.INSIGHT_FINDINGS,
                e -> e.aggregateId().equals(id) && e.type().equals(ChorusEventTypes.ACTION_PUBLISHED.type()),
                Duration.ofSeconds(10));

        String etag = given().header("Authorization", writer(icb)).when().get("/api/v1/actions/" + id)
                .then().extract().header("ETag");
        body.put("status", "DONE");
        body.put("completedOn", "2020-08-01");
        given().header("Authorization", writer(healthwatch)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(body).when().put("/api/v1/actions/" + id).then().statusCode(403);
        given().header("Authorization", writer(icb)).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/actions/" + id).then().statusCode(200).body("status", equalTo("DONE"));
        ActionData changed = EventProbe.awaitData(ChorusEventTypes.ACTION_STATUS_CHANGED, id, Duration.ofSeconds(10));
        assertEquals("DONE", changed.status());
        assertEquals(List.of(UUID.fromString(published)), changed.findingIds());
    }

    /** A partner website asking for the actions on a finding it may not see learns no more than of an unknown one. */
    @Test
    void aFindingHiddenFromTheCallerAnswersAsOneThatDoesNotExist() {
        String place = unique("fleetwood");
        UUID org = organisation("Healthwatch Fleetwood", true, place);
        String activity = createActivity(writer(org), activity("Drop-in", place));
        String withdrawn = createFinding(writer(org), finding(activity, "Withdrawn", List.of(), List.of()));
        String draft = createFinding(writer(org), finding(activity, "Never published", List.of(), List.of()));
        publishFinding(writer(org), withdrawn);
        String id = post(writer(org), "/api/v1/actions", action(List.of(withdrawn, draft), "PLANNED"))
                .statusCode(201).extract().path("id");
        given().header("Authorization", writer(org)).when().post("/api/v1/actions/" + id + "/publish")
                .then().statusCode(200);
        given().header("Authorization", writer(org)).when().post("/api/v1/findings/" + withdrawn + "/withdraw")
                .then().statusCode(200);

        String unknown = actionsOn(publicWebsite(), UUID.randomUUID().toString());
        assertEquals(unknown, actionsOn(publicWebsite(), withdrawn));
        assertEquals(unknown, actionsOn(publicWebsite(), draft));
        given().header("Authorization", publicWebsite()).queryParam("organisation", org.toString())
                .when().get("/api/v1/actions").then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].findingIds", empty());
        given().header("Authorization", writer(org)).queryParam("finding", draft).when().get("/api/v1/actions")
                .then().statusCode(200).body("items.id", contains(id));
    }

    private static String actionsOn(String auth, String finding) {
        return given().header("Authorization", auth).queryParam("finding", finding).when().get("/api/v1/actions")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void notTakingAnActionForwardNeedsAReason() {
        String place = unique("preston");
        UUID org = organisation("Healthwatch Preston", true, place);
        String activity = createActivity(writer(org), activity("Workshop", place));
        String finding = createFinding(writer(org), finding(activity, "Statement", List.of(), List.of()));
        post(writer(org), "/api/v1/actions", action(List.of(finding), "NOT_TAKEN_FORWARD"))
                .statusCode(422).body("errors[0].pointer", equalTo("/reason"));
        Map<String, Object> body = action(List.of(finding), "NOT_TAKEN_FORWARD");
        body.put("reason", "The service is being recommissioned next year; the finding goes into its specification");
        String id = post(writer(org), "/api/v1/actions", body).statusCode(201).extract().path("id");
        given().header("Authorization", publicWebsite()).when().get("/api/v1/actions/" + id).then().statusCode(404);
        given().header("Authorization", reader()).queryParam("status", "NOT_TAKEN_FORWARD")
                .queryParam("organisation", org.toString())
                .when().get("/api/v1/actions").then().body("items.id", contains(id));
        // a partner page's "not taken forward" is not the enum's name, but it leads to it
        given().header("Authorization", reader()).queryParam("status", "not taken forward")
                .when().get("/api/v1/actions").then().statusCode(400)
                .body("errors[0].detail", equalTo("must be one of [PLANNED, IN_PROGRESS, DONE, NOT_TAKEN_FORWARD]; "
                        + "did you mean NOT_TAKEN_FORWARD?"));
    }

    private static Map<String, Object> action(List<String> findings, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Faster mental health referrals");
        body.put("decision", "A single point of access for mental health referrals");
        body.put("findingIds", findings);
        body.put("status", status);
        body.put("decidedOn", "2020-02-01");
        return body;
    }
}
