package org.chorus.insight.common;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.activity;
import static org.chorus.insight.support.InsightFixtures.createActivity;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.post;
import static org.chorus.insight.support.InsightFixtures.reader;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A parameter or body value of the wrong form is a 400 problem that names it: JAX-RS's own conversion failure named
 * nothing, and a number beyond an int was reported as unreadable JSON without its field. A parameter of one value
 * given twice is refused rather than read as its first.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ParameterFormsTest {

    /** {@code 1-1-1-1-1} is what the JDK reads as 00000001-0001-0001-0001-000000000001: it looked that finding up. */
    @Test
    void aPathParameterThatIsNotAUuidInItsWrittenFormIsNamed() {
        for (String id : List.of("not-a-uuid", "1-1-1-1-1", "+1-1-1-1-1")) {
            given().header("Authorization", reader()).when().get("/api/v1/findings/" + id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].parameter", equalTo("id"))
                    .body("errors[0].detail", equalTo("must be a UUID written as 36 characters: hexadecimal digits "
                            + "in groups of 8, 4, 4, 4 and 12, joined by hyphens"));
        }
    }

    @Test
    void queryParametersThatAreNotADateOrAnEnumValueAreNamed() {
        for (Map.Entry<String, String> bad : Map.of("from", "yesterday", "to", "2024-02-30", "method", "NOPE",
                "organisation", "1234").entrySet()) {
            given().header("Authorization", reader()).queryParam(bad.getKey(), bad.getValue())
                    .when().get("/api/v1/activities")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].parameter", equalTo(bad.getKey()))
                    .body("detail", containsString(bad.getKey() + ": must be"));
        }
    }

    @Test
    void aQueryParameterOfOneValueGivenTwiceIsNamedInsteadOfTheFirstQuietlyWinning() {
        given().header("Authorization", reader()).queryParam("method", "WORKSHOP", "COMMENT_CARDS")
                .when().get("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("method"))
                .body("errors[0].detail", equalTo("must be given once"));
        given().header("Authorization", reader()).queryParam("limit", 5, 500)
                .when().get("/api/v1/activities")
                .then().statusCode(400).body("errors[0].parameter", equalTo("limit"));
        given().header("Authorization", reader()).queryParam("method", "WORKSHOP").queryParam("limit", 5)
                .when().get("/api/v1/activities")
                .then().statusCode(200);
    }

    @Test
    void aDeclaredHeaderOfOneValueGivenTwiceIsNamedAndNothingIsStored() {
        String place = unique("twokeys");
        UUID org = organisation("Healthwatch Two Keys", true, place);
        given().header("Authorization", writer(org)).header("Idempotency-Key", "first-" + place)
                .header("Idempotency-Key", "second-" + place).contentType(ContentType.JSON)
                .body(activity("Focus group", place))
                .when().post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("Idempotency-Key"))
                .body("errors[0].detail", equalTo("must be given once"));

        given().header("Authorization", reader()).queryParam("organisation", org)
                .when().get("/api/v1/activities")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void ifMatchSentAsTwoLinesIsOneListAndMatchesOnItsSecondTag() {
        String place = unique("twotags");
        UUID org = organisation("Healthwatch Two Tags", true, place);
        Map<String, Object> body = activity("Focus group", place);
        String id = createActivity(writer(org), body);
        String etag = given().header("Authorization", writer(org)).when().get("/api/v1/activities/" + id)
                .then().statusCode(200).extract().header("ETag");

        body.put("participantCount", 41);
        given().header("Authorization", writer(org)).header("If-Match", "\"999\"").header("If-Match", etag)
                .contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/activities/" + id)
                .then().statusCode(200).body("participantCount", equalTo(41));
        given().header("Authorization", writer(org)).header("If-Match", "\"999\"").header("If-Match", etag)
                .contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/activities/" + id)
                .then().statusCode(412);
    }

    @Test
    void aQueryParameterTheOperationDoesNotTakeIsNamedWithTheOnesItDoes() {
        given().header("Authorization", reader()).queryParam("methd", "WORKSHOP")
                .when().get("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("methd"))
                .body("errors[0].detail", allOf(
                        startsWith("is not a parameter of this operation; its parameters are ["),
                        containsString("method"), containsString("limit")));
        given().header("Authorization", reader()).queryParam("expand", "findings")
                .when().get("/api/v1/activities/" + UUID.randomUUID())
                .then().statusCode(400)
                .body("errors[0].parameter", equalTo("expand"))
                .body("errors[0].detail", equalTo("is not a parameter of this operation, which takes none"));
    }

    /** Sent as written: RestAssured would rebuild the query from its own reading of it. */
    @Test
    void aQueryParameterWithoutANameIsNamedAsSentNotByItsValue() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/activities?limit=5&=WORKSHOP"))
                .header("Authorization", reader()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode(), answer.body());
        JsonPath problem = JsonPath.from(answer.body());
        assertEquals("=WORKSHOP", problem.getString("errors[0].parameter"));
        assertEquals("has no name before its '='; a query parameter is name=value",
                problem.getString("errors[0].detail"));
    }

    @Test
    void aParameterNameHoldingNulIsRefusedForItsNulAndNeverEchoedAsItCame() {
        given().header("Authorization", reader()).queryParam("me\0thod", "WORKSHOP")
                .when().get("/api/v1/activities")
                .then().statusCode(400)
                .body("errors[0].parameter", equalTo("me?thod"))
                .body("errors[0].detail", equalTo("must not contain the NUL character"));
    }

    @Test
    void aNumberBeyondAnIntIsNamed() {
        String place = unique("forms");
        UUID org = organisation("Healthwatch Forms", true, place);
        Map<String, Object> body = activity("Focus group", place);
        body.put("participantCount", new BigInteger("99999999999999999999"));
        post(writer(org), "/api/v1/activities", body).statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/participantCount"));
    }
}
