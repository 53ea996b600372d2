package org.chorus.survey;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.analyst;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.hamcrest.Matchers.equalTo;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A request to a real path that no operation there takes (its method, its body's type, the types it accepts) is a
 * problem saying what was sent and what would do, where the router said only "Method Not Allowed" and the like.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class UnmatchedRequestsTest {

    @Test
    void aMethodThePathDoesNotTakeIsA405NamingTheOnesItDoes() {
        given().header("Authorization", newOwner()).when().delete("/api/v1/surveys")
                .then().statusCode(405).contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, POST"))
                .body("type", equalTo("https://chorus.example/problems/method-not-allowed"))
                .body("detail", equalTo("DELETE is not an operation on /api/v1/surveys; it takes GET, POST"));
        String survey = openSmallSurvey(newOwner());
        given().header("Authorization", newOwner()).when().patch("/api/v1/surveys/" + survey + "/publish")
                .then().statusCode(405).header("Allow", equalTo("POST"))
                .body("detail", equalTo("PATCH is not an operation on /api/v1/surveys/" + survey + "/publish; it "
                        + "takes POST"));
        given().header("Authorization", newOwner()).when().post("/api/v1/surveys/" + survey)
                .then().statusCode(405).header("Allow", equalTo("GET, HEAD, PUT"));
    }

    @Test
    void aBodyOfATypeNoOperationReadsIsA415SayingWhatToSend() {
        given().header("Authorization", newOwner()).contentType("text/plain").body("A survey")
                .when().post("/api/v1/surveys")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("https://chorus.example/problems/unsupported-media-type"))
                .body("detail", equalTo("This operation does not read a body of type 'text/plain; charset=ISO-8859-1': "
                        + "send JSON as application/json; uploads and handovers take the types the API document "
                        + "(/q/openapi) lists for them"));
    }

    @Test
    void anAcceptNoAnswerMeetsIsA406NamingIt() {
        String survey = openSmallSurvey(newOwner());
        given().header("Authorization", analyst()).accept("image/png")
                .when().get("/api/v1/surveys/" + survey + "/results")
                .then().statusCode(406).contentType("application/problem+json")
                .body("type", equalTo("https://chorus.example/problems/not-acceptable"))
                .body("detail", equalTo("No type that Accept names (image/png) is one this operation answers in: "
                        + "send Accept: application/json, or */*; exports also answer in the types the API document "
                        + "(/q/openapi) lists for them"));
    }
}
