package org.chorus.insight.finding;

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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.FindingData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class FindingResourceTest {

    @Test
    void onlyPublishedFindingsReachPartnerWebsitesAndPublicationIsAnnounced() {
        String place = unique("blackpool");
        UUID org = organisation("Healthwatch Blackpool", true, place);
        String activity = createActivity(writer(org), activity("Mental health focus group", place));
        String id = createFinding(writer(org), finding(activity,
                "A lack of support for mental health issues and lengthy waits for referrals",
                List.of("mental-health-support", "waiting-times"), List.of("Nobody called me back for months.")));

        given().header("Authorization", publicWebsite()).when().get("/api/v1/findings/" + id).then().statusCode(404);
        given().header("Authorization", publicWebsite()).queryParam("place", place)
                .when().get("/api/v1/findings").then().statusCode(200).body("items", empty());
        given().header("Authorization", reader()).queryParam("place", place).queryParam("from", "2019-12-31")
                .queryParam("to", "2019-01-01").when().get("/api/v1/findings")
                .then().statusCode(400).body("errors[0].parameter", equalTo("to"));
        given().header("Authorization", reader()).when().get("/api/v1/findings/" + id)
                .then().statusCode(200).body("published", equalTo(false));

        publishFinding(writer(org), id);
        given().header("Authorization", publicWebsite()).queryParam("place", place)
                .when().get("/api/v1/findings").then().statusCode(200)
                .body("items.id", contains(id))
                .body("items[0].heardOn", equalTo("2019-03-14"))
                .body("items[0].method", equalTo("FOCUS_GROUP"));
        FindingData published = EventProbe.awaitData(ChorusEventTypes.FINDING_PUBLISHED, id, Duration.ofSeconds(10));
        assertEquals(List.of("mental-health-support", "waiting-times"), published.themes());
        assertEquals(List.of(place), published.placeCodes());
        assertEquals(LocalDate.of(2019, 3, 14), published.heardOn());
        assertTrue(published.published());

        given().header("Authorization", writer(org)).when().post("/api/v1/findings/" + id + "/withdraw")
                .then().statusCode(200).body("published", equalTo(false)).body("publishedAt", nullValue());
        given().header("Authorization", publicWebsite()).when().get("/api/v1/findings/" + id).then().statusCode(404);
        FindingData withdrawn = EventProbe.awaitData(ChorusEventTypes.FINDING_WITHDRAWN, id, Duration.ofSeconds(10));
        assertFalse(withdrawn.published());
    }

    @Test
    void searchMatchesStatementsAndQuotesByMeaningfulWordsAndFilters() {
        String place = unique("lancashire");
        String otherPlace = unique("cumbria");
        UUID org = organisation("Healthwatch Lancashire", true, place, otherPlace);
        String focusGroup = createActivity(writer(org), activity("Focus group", place));
        Map<String, Object> eventBody = activity("Public event", otherPlace);
        eventBody.put("method", "PUBLIC_ENGAGEMENT_EVENT");
        eventBody.put("programmeArea", "PRIMARY_CARE");
        eventBody.put("startDate", "2018-06-01");
        eventBody.put("endDate", "2018-06-01");
        String event = createActivity(writer(org), eventBody);
        String waits = createFinding(writer(org), finding(focusGroup, "Lengthy waits for mental health referrals",
                List.of("waiting-times"), List.of()));
        String quoted = createFinding(writer(org), finding(event, "Getting a GP appointment is hard",
                List.of("access-to-gp-appointments"), List.of("I was referred twice and I still wait.")));
        createFinding(writer(org), finding(focusGroup, "Positive about links between services",
                List.of("joined-up-services"), List.of()));

        // Stemming: "waiting" finds "waits" in a statement and "wait" in a quote.
        given().header("Authorization", reader()).queryParam("q", "waiting").queryParam("organisation", org.toString())
                .when().get("/api/v1/findings")
                .then().statusCode(200).body("items.id", containsInAnyOrder(waits, quoted));
        given().header("Authorization", reader()).queryParam("q", "waiting -GP").queryParam("organisation", org.toString())
                .when().get("/api/v1/findings")
                .then().body("items.id", contains(waits));
        given().header("Authorization", reader()).queryParam("theme", "access-to-gp-appointments")
                .queryParam("place", otherPlace).when().get("/api/v1/findings")
                .then().body("items.id", contains(quoted));
        // a theme that is not in the taxonomy would find nothing and say nothing: it is refused, with the nearest
        given().header("Authorization", reader()).queryParam("theme", "Access to GP appointment")
                .when().get("/api/v1/findings")
                .then().statusCode(400).body("errors[0].parameter", equalTo("theme"))
                .body("errors[0].detail", equalTo("unknown theme 'Access to GP appointment': GET /api/v1/themes "
                        + "lists the taxonomy; did you mean access-to-gp-appointments?"));
        given().header("Authorization", reader()).queryParam("theme", "").queryParam("place", otherPlace)
                .when().get("/api/v1/findings")
                .then().statusCode(200).body("items.id", contains(quoted));
        given().header("Authorization", reader()).queryParam("method", "PUBLIC_ENGAGEMENT_EVENT")
                .queryParam("programmeArea", "PRIMARY_CARE").queryParam("organisation", org.toString())
                .when().get("/api/v1/findings")
                .then().body("items.id", contains(quoted));
        given().header("Authorization", reader()).queryParam("from", "2019-01-01").queryParam("place", otherPlace)
                .when().get("/api/v1/findings")
                .then().body("items", empty());

        var first = given().header("Authorization", reader()).queryParam("organisation", org.toString())
                .queryParam("limit", 2).when().get("/api/v1/findings")
                .then().statusCode(200).body("items.size()", equalTo(2)).extract();
        List<String> firstIds = first.path("items.id");
        given().header("Authorization", reader()).queryParam("organisation", org.toString()).queryParam("limit", 2)
                .queryParam("cursor", first.<String>path("nextCursor")).when().get("/api/v1/findings")
                .then().statusCode(200).body("items.id", contains(quoted)).body("nextCursor", nullValue());
        assertFalse(firstIds.contains(quoted), "the 2018 event's finding comes last, after the 2019 focus group's");
    }

    @Test
    void aFindingKeepsTheRulesOfItsActivityAndTheTaxonomy() {
        String place = unique("blackburn");
        UUID org = organisation("Healthwatch Blackburn with Darwen", true, place);
        UUID other = organisation("Healthwatch Elsewhere", true, place);
        String activity = createActivity(writer(org), activity("Workshop", place));
        Map<String, Object> body = finding(activity, "Statement", List.of("waiting-times", "queue-jumping"),
                List.of("Fine", "Ring me on 07700 900123", "write to jo.bloggs@example.org"));
        body.put("participantCount", 15);
        post(writer(org), "/api/v1/findings", body).statusCode(422)
                .body("errors.pointer", contains("/themes/1", "/participantCount", "/quotes/1", "/quotes/2"))
                .body("errors[2].detail", containsString("anonymous"));
        // a theme's label is not its code, but it leads to it
        post(writer(org), "/api/v1/findings", finding(activity, "Statement", List.of("Mental health support"),
                List.of())).statusCode(422).body("errors[0].pointer", equalTo("/themes/0"))
                .body("errors[0].detail", equalTo("unknown theme 'Mental health support': use a code from GET "
                        + "/api/v1/themes, or propose it in proposedThemes; did you mean mental-health-support?"));

        post(writer(other), "/api/v1/findings", finding(activity, "Not mine", List.of(), List.of()))
                .statusCode(422).body("errors[0].pointer", equalTo("/activityId"));
        post(writer(org), "/api/v1/findings", finding(UUID.randomUUID().toString(), "Nowhere", List.of(), List.of()))
                .statusCode(422).body("errors[0].pointer", equalTo("/activityId"));
        body = finding(activity, "x", List.of(), List.of());
        body.put("sentiment", "ANGRY");
        post(writer(org), "/api/v1/findings", body).statusCode(400).body("errors[0].pointer", equalTo("/sentiment"));
        // Jackson would trim it and read CONCERN: what is stored must be what was sent, or nothing.
        body.put("sentiment", "CONCERN\u0000");
        post(writer(org), "/api/v1/findings", body).statusCode(400).body("errors[0].pointer", equalTo("/sentiment"))
                .body("errors[0].detail", startsWith("expected one of [POSITIVE"));
        // Jackson reads 24 characters of base64 as the 16 bytes of a UUID: the activity's id, written another way.
        body = finding(base64(UUID.fromString(activity)), "Long waits", List.of(), List.of());
        post(writer(org), "/api/v1/findings", body).statusCode(400).body("errors[0].pointer", equalTo("/activityId"))
                .body("errors[0].detail", startsWith("expected a UUID written as 36 characters"));
        given().header("Authorization", writer(org)).queryParam("organisation", org.toString())
                .when().get("/api/v1/findings").then().statusCode(200).body("items", empty());
    }

    @Test
    void onlyTheOwningOrganisationChangesOrPublishesAFindingAndDraftsStayPrivate() {
        String place = unique("preston");
        UUID org = organisation("Healthwatch Preston", true, place);
        UUID other = organisation("Healthwatch Nearby", true, place);
        String activity = createActivity(writer(org), activity("Comment cards", place));
        Map<String, Object> body = finding(activity, "Want clearer information", List.of(), List.of());
        String id = createFinding(writer(org), body);

        given().header("Authorization", writer(other)).when().post("/api/v1/findings/" + id + "/publish")
                .then().statusCode(403);
        given().header("Authorization", writer(other)).when().get("/api/v1/findings/" + id).then().statusCode(404);
        given().header("Authorization", writer(org)).when().get("/api/v1/findings/" + id).then().statusCode(200);

        String etag = given().header("Authorization", writer(org)).when().get("/api/v1/findings/" + id)
                .then().extract().header("ETag");
        body.put("statement", "Want clearer information about local plans");
        body.put("themes", List.of("information-and-communication"));
        given().header("Authorization", writer(other)).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/findings/" + id).then().statusCode(403);
        given().header("Authorization", writer(org)).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/findings/" + id)
                .then().statusCode(200).body("themes", contains("information-and-communication"));
        given().header("Authorization", writer(org)).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/findings/" + id).then().statusCode(412);
    }

    @Test
    void aFindingReadAgainIsNotModifiedUntilItsActivityMoves() {
        String preston = unique("preston");
        String chorley = unique("chorley");
        UUID org = organisation("Healthwatch Lancashire", true, preston, chorley);
        Map<String, Object> dropIn = activity("Drop-in at the market", preston);
        String activity = createActivity(writer(org), dropIn);
        String id = createFinding(writer(org), finding(activity, "Parking is hard to find", List.of(), List.of()));
        String read = given().header("Authorization", writer(org)).when().get("/api/v1/findings/" + id)
                .then().statusCode(200).extract().header("ETag");
        given().header("Authorization", writer(org)).header("If-None-Match", read)
                .when().get("/api/v1/findings/" + id).then().statusCode(304).header("ETag", read);

        String activityTag = given().header("Authorization", writer(org)).when().get("/api/v1/activities/" + activity)
                .then().extract().header("ETag");
        dropIn.put("placeCodes", List.of(chorley));
        given().header("Authorization", writer(org)).header("If-Match", activityTag).contentType(ContentType.JSON)
                .body(dropIn).when().put("/api/v1/activities/" + activity).then().statusCode(200);

        // The finding's own version is unchanged; what it shows of its activity is not.
        given().header("Authorization", writer(org)).header("If-None-Match", read)
                .when().get("/api/v1/findings/" + id)
                .then().statusCode(200).body("placeCodes", contains(chorley))
                .body("version", equalTo(Integer.parseInt(read.substring(1, read.indexOf('-')))));
    }

    @Test
    void themesComeFromTheTaxonomyAndNewOnesAreRecordedAsProposals() {
        given().header("Authorization", publicWebsite()).when().get("/api/v1/themes")
                .then().statusCode(200)
                .body("items.code", hasItem("mental-health-support"))
                .body("items.code", hasItem("access-to-gp-appointments"));

        String place = unique("morecambe");
        UUID org = organisation("Healthwatch Morecambe", true, place);
        String activity = createActivity(writer(org), activity("Community group discussion", place));
        String label = "Loneliness " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = finding(activity, "People feel isolated", List.of(), List.of());
        body.put("proposedThemes", List.of(label, label.toLowerCase()));
        String id = createFinding(writer(org), body);
        body.put("proposedThemes", List.of(label));
        createFinding(writer(org), body);

        given().header("Authorization", reader()).when().get("/api/v1/findings/" + id)
                .then().body("proposedThemes", contains(label));
        given().header("Authorization", reader()).when().get("/api/v1/themes/proposals")
                .then().statusCode(200)
                .body("items.find { it.label == '" + label + "' }.findingCount", equalTo(2))
                .body("items.find { it.label == '" + label + "' }.organisationCount", equalTo(1));
        given().header("Authorization", publicWebsite()).when().get("/api/v1/themes/proposals").then().statusCode(403);
    }

    private static String base64(UUID id) {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array());
    }
}
