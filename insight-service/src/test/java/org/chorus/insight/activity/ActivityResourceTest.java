package org.chorus.insight.activity;

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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.FindingData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ActivityResourceTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void anActivityIsRecordedForTheCallersOrganisationWithItsGroupsNormalised() {
        String place = unique("blackpool");
        UUID org = organisation("Healthwatch Blackpool", true, place);
        Map<String, Object> body = activity("Young carers focus group", place);
        body.remove("endDate");
        body.put("groupsReached", List.of("Young  Carers", "young carers", " LGBT+ "));
        String key = UUID.randomUUID().toString();

        var created = given().header("Authorization", writer(org)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/activities")
                .then().statusCode(201).header("ETag", notNullValue())
                .body("organisationId", equalTo(org.toString()))
                .body("endDate", equalTo("2019-03-14"))
                .body("groupsReached", contains("young carers", "lgbt+"))
                .extract();
        String id = created.path("id");
        String again = given().header("Authorization", writer(org)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
        assertEquals(id, again, "a retry with the same Idempotency-Key returns the first activity");

        given().header("Authorization", reader()).queryParam("place", place)
                .when().get("/api/v1/activities")
                .then().statusCode(200).body("items.id", contains(id));
        // Latin-1's ô, decoded with U+FFFD in its place, named no place at all and answered an empty page.
        given().urlEncodingEnabled(false).header("Authorization", reader()).when()
                .get("/api/v1/activities?place=Ynys%20M%F4n").then().statusCode(400)
                .body("errors[0].parameter", equalTo("place"));
        // The ends swapped answered an empty page, as if nothing had happened in the year.
        given().header("Authorization", reader()).queryParam("from", "2019-12-31").queryParam("to", "2019-01-01")
                .when().get("/api/v1/activities").then().statusCode(400)
                .body("errors[0].parameter", equalTo("to")).body("errors[0].detail", equalTo("must not be before from"));
    }

    @Test
    void brokenRulesAreNamedField_byField() {
        String place = unique("lancashire");
        UUID org = organisation("Healthwatch Lancashire", true, place);
        Map<String, Object> body = activity("Comment cards", place);
        body.put("endDate", "2019-03-01");
        body.put("placeCodes", List.of(place, "atlantis"));
        post(writer(org), "/api/v1/activities", body).statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", contains("/endDate", "/placeCodes/1"));

        body = activity("Comment cards", place);
        body.put("participantCount", -3);
        body.put("title", " ");
        post(writer(org), "/api/v1/activities", body)
                .statusCode(422).body("errors.pointer", contains("/participantCount", "/title"));

        body = activity("Comment cards", place);
        body.put("participantCount", 12.5);
        post(writer(org), "/api/v1/activities", body)
                .statusCode(400).body("errors[0].pointer", equalTo("/participantCount"));

        body = activity("Comment cards", place);
        body.put("method", "SEANCE");
        post(writer(org), "/api/v1/activities", body).statusCode(400).body("errors[0].pointer", equalTo("/method"))
                .body("errors[0].detail", containsString("FOCUS_GROUP"));

        // Jackson trims what it reads as a date or number: each was stored as if sent without the characters around it.
        for (Map.Entry<String, String> around : Map.of("startDate", "\u00002019-02-14", "participantCount", "12\n",
                "method", "WORKSHOP ").entrySet()) {
            body = activity("Comment cards", place);
            body.put(around.getKey(), around.getValue());
            post(writer(org), "/api/v1/activities", body).statusCode(400).contentType("application/problem+json")
                    .body("errors[0].pointer", equalTo("/" + around.getKey()));
        }
        given().header("Authorization", writer(org)).queryParam("organisation", org.toString())
                .when().get("/api/v1/activities").then().statusCode(200).body("items", empty());
    }

    @Test
    void onlyActiveOrganisationsOfTheDirectoryMayRecordActivities() {
        String place = unique("cumbria");
        UUID closed = organisation("Closed Healthwatch", false, place);
        organisation("Open Healthwatch", true, place);
        post(writer(closed), "/api/v1/activities", activity("Late event", place))
                .statusCode(422).body("type", containsString("organisation-not-active"));
        post(writer(UUID.randomUUID()), "/api/v1/activities", activity("Stranger's event", place)).statusCode(422);
    }

    @Test
    void anOrganisationCorrectsOnlyItsOwnActivitiesWithTheCurrentETag() {
        String place = unique("blackburn");
        UUID owner = organisation("Healthwatch Blackburn with Darwen", true, place);
        UUID other = organisation("Another Healthwatch", true, place);
        Map<String, Object> body = activity("Neighbourhood event", place);
        String id = createActivity(writer(owner), body);
        String etag = given().header("Authorization", writer(owner)).when().get("/api/v1/activities/" + id)
                .then().statusCode(200).extract().header("ETag");

        body.put("participantCount", 40);
        given().header("Authorization", writer(other)).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/activities/" + id)
                .then().statusCode(403).body("type", containsString("not-owner"));
        given().header("Authorization", writer(owner)).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/activities/" + id)
                .then().statusCode(428);
        given().header("Authorization", writer(owner)).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/activities/" + id)
                .then().statusCode(200).body("participantCount", equalTo(40));
        body.put("participantCount", 1);
        given().header("Authorization", writer(owner)).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/activities/" + id)
                .then().statusCode(412);

        given().header("Authorization", writer(other)).when().get("/api/v1/activities/" + id)
                .then().statusCode(404);
        given().header("Authorization", reader()).when().get("/api/v1/activities/" + id)
                .then().statusCode(200).body("participantCount", equalTo(40));
    }

    /**
     * A published finding's event carries its activity's places and start date: a correction of either announces the
     * finding again, and one of anything else announces nothing.
     */
    @Test
    void correctingWhereOrWhenPeopleWereHeardAnnouncesThePublishedFindingsAgain() {
        String place = unique("blackpool");
        String moved = unique("fylde");
        UUID org = organisation("Healthwatch Blackpool", true, place, moved);
        Map<String, Object> body = activity("Drop-in", place);
        String id = createActivity(writer(org), body);
        String published = createFinding(writer(org), finding(id, "Long waits", List.of(), List.of()));
        String draft = createFinding(writer(org), finding(id, "Draft", List.of(), List.of()));
        publishFinding(writer(org), published);

        body.put("title", "Drop-in at the library");
        body.put("participantCount", 20);
        correct(org, id, body);
        body.put("placeCodes", List.of(moved));
        correct(org, id, body);
        body.put("startDate", "2019-03-01");
        correct(org, id, body);

        EventProbe.awaitAll(ChorusEventTypes.INSIGHT_FINDINGS, e -> publishedData(e, published)
                && LocalDate.of(2019, 3, 1).equals(data(e).heardOn()), 1, Duration.ofSeconds(10));
        List<FindingData> announced = EventProbe
                .all(ChorusEventTypes.INSIGHT_FINDINGS, e -> publishedData(e, published)).stream()
                .sorted(Comparator.comparingLong(ChorusEvent::sequence)).map(this::data).toList();
        assertEquals(List.of(List.of(place), List.of(moved), List.of(moved)),
                announced.stream().map(FindingData::placeCodes).toList(), "published, then once per correction of it");
        assertEquals(List.of(LocalDate.of(2019, 3, 14), LocalDate.of(2019, 3, 14), LocalDate.of(2019, 3, 1)),
                announced.stream().map(FindingData::heardOn).toList());
        assertEquals(List.of(), EventProbe.all(ChorusEventTypes.INSIGHT_FINDINGS, e -> publishedData(e, draft)),
                "a draft was never announced, and a correction does not announce it");
    }

    @Test
    void aCorrectionCountsAtLeastThePeopleEachOfItsFindingsHeard() {
        String place = unique("wyre");
        UUID org = organisation("Healthwatch Wyre", true, place);
        Map<String, Object> body = activity("Listening event", place);
        String id = createActivity(writer(org), body);
        Map<String, Object> heardNine = finding(id, "Nine said so", List.of(), List.of());
        heardNine.put("participantCount", 9);
        String nine = createFinding(writer(org), heardNine);
        createFinding(writer(org), finding(id, "Five said so", List.of(), List.of()));
        String etag = given().header("Authorization", writer(org)).when().get("/api/v1/activities/" + id)
                .then().extract().header("ETag");

        body.put("participantCount", 8);
        body.put("endDate", "2019-03-01");
        given().header("Authorization", writer(org)).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/activities/" + id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", contains("/endDate", "/participantCount"))
                .body("errors[1].detail", equalTo("must be at least the 9 participants of its finding " + nine));
        given().header("Authorization", writer(org)).when().get("/api/v1/activities/" + id)
                .then().statusCode(200).header("ETag", equalTo(etag)).body("participantCount", equalTo(14));

        body.put("participantCount", 9);
        body.put("endDate", "2019-03-14");
        given().header("Authorization", writer(org)).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/activities/" + id).then().statusCode(200).body("participantCount", equalTo(9));
    }

    private static void correct(UUID org, String id, Map<String, Object> body) {
        String etag = given().header("Authorization", writer(org)).when().get("/api/v1/activities/" + id)
                .then().extract().header("ETag");
        given().header("Authorization", writer(org)).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/activities/" + id).then().statusCode(200);
    }

    private static boolean publishedData(ChorusEvent event, String findingId) {
        return event.aggregateId().equals(findingId) && event.type().equals(ChorusEventTypes.FINDING_PUBLISHED.type());
    }

    private FindingData data(ChorusEvent event) {
        return event.dataAs(mapper, FindingData.class);
    }

    @Test
    void aReferenceIsUniqueWithinTheOrganisation() {
        String place = unique("preston");
        UUID org = organisation("Healthwatch Preston", true, place);
        Map<String, Object> body = activity("Workshop", place);
        body.put("reference", "HW-001");
        createActivity(writer(org), body);
        post(writer(org), "/api/v1/activities", body).statusCode(422).body("errors[0].pointer", equalTo("/reference"));
        UUID other = organisation("Healthwatch Elsewhere", true, place);
        createActivity(writer(other), body);
    }

    @Test
    void listsFilterByMethodAndPeriodAndPageWithACursor() {
        String place = unique("morecambe");
        UUID org = organisation("Healthwatch Morecambe", true, place);
        for (String date : List.of("2018-05-01", "2018-06-01", "2018-07-01")) {
            Map<String, Object> body = activity("Event " + date, place);
            body.put("startDate", date);
            body.put("endDate", date);
            body.put("method", "PUBLIC_ENGAGEMENT_EVENT");
            createActivity(writer(org), body);
        }
        createActivity(writer(org), activity("Focus group", place));

        var first = given().header("Authorization", reader()).queryParam("place", place)
                .queryParam("method", "PUBLIC_ENGAGEMENT_EVENT").queryParam("limit", 2)
                .when().get("/api/v1/activities")
                .then().statusCode(200).body("items.title", contains("Event 2018-05-01", "Event 2018-06-01"))
                .header("Link", containsString("rel=\"next\"")).extract();
        given().header("Authorization", reader()).queryParam("place", place)
                .queryParam("method", "PUBLIC_ENGAGEMENT_EVENT").queryParam("limit", 2)
                .queryParam("cursor", first.<String>path("nextCursor"))
                .when().get("/api/v1/activities")
                .then().statusCode(200).body("items.title", contains("Event 2018-07-01")).body("nextCursor", nullValue());
        given().header("Authorization", reader()).queryParam("place", place)
                .queryParam("from", "2018-05-15").queryParam("to", "2018-06-30")
                .when().get("/api/v1/activities")
                .then().statusCode(200).body("items.title", contains("Event 2018-06-01"));
    }

    @Test
    void callersNeedTheRightScope() {
        given().when().get("/api/v1/activities").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", publicWebsite()).when().get("/api/v1/activities").then().statusCode(403)
                .contentType("application/problem+json").body("type", endsWith("/missing-scope"))
                .body("detail", equalTo("This operation needs a key with one of the scopes insights:read or "
                        + "insights:write; the key used is a publishable key, which holds public alone."));
        post(reader(), "/api/v1/activities", activity("x", "y")).statusCode(403)
                .body("type", endsWith("/missing-scope"))
                .body("detail", equalTo("This operation needs a key with the scope insights:write; the key used has "
                        + "insights:read."));
        given().header("Authorization", reader()).queryParam("method", "NOPE")
                .when().get("/api/v1/activities").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", reader()).queryParam("cursor", "garbage")
                .when().get("/api/v1/activities").then().statusCode(400)
                .body("errors.parameter", hasItem("cursor"));
    }
}
