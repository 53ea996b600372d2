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
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A partner's "you said, we did" page shows every visitor the same lists: the actions taken, the findings they answer
 * and the themes to filter by. The browser keeps each and confirms it with If-None-Match; a 304 with no body answers
 * while the list is unchanged, and the new list once anything on it changed.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class KeptListsTest {

    @Test
    void aWebsitesListOfAnOrganisationsActionsIsKeptUntilOneOfThemChanges() {
        String place = unique("blackpool");
        UUID healthwatch = organisation("Healthwatch Blackpool", true, place);
        UUID icb = organisation("Lancashire and South Cumbria ICB", true, place);
        String activity = createActivity(writer(healthwatch), activity("Focus group", place));
        String heard = createFinding(writer(healthwatch), finding(activity, "Long waits for mental health referrals",
                List.of("waiting-times"), List.of()));
        publishFinding(writer(healthwatch), heard);
        Map<String, Object> action = Map.of("title", "Faster mental health referrals", "decision",
                "A single point of access for mental health referrals", "findingIds", List.of(heard),
                "status", "PLANNED", "decidedOn", "2020-02-01");
        String id = post(writer(icb), "/api/v1/actions", action).statusCode(201).extract().path("id");
        given().header("Authorization", writer(icb)).when().post("/api/v1/actions/" + id + "/publish")
                .then().statusCode(200);

        String kept = websiteAskingAbout(icb).when().get("/api/v1/actions")
                .then().statusCode(200).header("Cache-Control", "private, no-cache")
                .header("ETag", startsWith("\"page-")).body("items.status", contains("PLANNED"))
                .extract().header("ETag");
        websiteAskingAbout(icb).header("If-None-Match", kept).when().get("/api/v1/actions")
                .then().statusCode(304).header("ETag", kept).body(emptyString());

        String tag = given().header("Authorization", writer(icb)).when().get("/api/v1/actions/" + id)
                .then().extract().header("ETag");
        Map<String, Object> done = new HashMap<>(action);
        done.put("status", "DONE");
        done.put("completedOn", "2020-08-01");
        given().header("Authorization", writer(icb)).header("If-Match", tag).contentType(ContentType.JSON).body(done)
                .when().put("/api/v1/actions/" + id).then().statusCode(200);

        websiteAskingAbout(icb).header("If-None-Match", kept).when().get("/api/v1/actions")
                .then().statusCode(200).header("ETag", not(equalTo(kept))).body("items.status", contains("DONE"));
    }

    @Test
    void aWebsitesSearchOfFindingsIsKeptUntilAnotherIsPublished() {
        String place = unique("fleetwood");
        UUID healthwatch = organisation("Healthwatch Lancashire", true, place);
        String activity = createActivity(writer(healthwatch), activity("Drop-in at the market", place));
        String first = createFinding(writer(healthwatch), finding(activity, "Parking is hard to find", List.of(),
                List.of()));
        String second = createFinding(writer(healthwatch), finding(activity, "Buses do not reach the clinic",
                List.of(), List.of()));
        publishFinding(writer(healthwatch), first);

        String kept = websiteAskingAbout(healthwatch).when().get("/api/v1/findings")
                .then().statusCode(200).body("items.id", contains(first)).extract().header("ETag");
        websiteAskingAbout(healthwatch).header("If-None-Match", kept).when().get("/api/v1/findings")
                .then().statusCode(304).header("ETag", kept);

        publishFinding(writer(healthwatch), second);

        websiteAskingAbout(healthwatch).header("If-None-Match", kept).when().get("/api/v1/findings")
                .then().statusCode(200).body("items.id", containsInAnyOrder(first, second));
    }

    @Test
    void theThemesAWebsiteFiltersByAreKept() {
        String kept = given().header("Authorization", publicWebsite()).when().get("/api/v1/themes")
                .then().statusCode(200).header("Cache-Control", "private, no-cache").extract().header("ETag");
        given().header("Authorization", publicWebsite()).header("If-None-Match", kept).when().get("/api/v1/themes")
                .then().statusCode(304).header("ETag", kept);
    }

    /** A partner's page asking for what one organisation heard or did. */
    private static RequestSpecification websiteAskingAbout(UUID organisation) {
        return given().header("Authorization", publicWebsite()).queryParam("organisation", organisation);
    }
}
