package org.chorus.survey;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.countedResults;
import static org.chorus.survey.SurveyFixtures.createDraft;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.publish;
import static org.chorus.survey.SurveyFixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The partnership's real survey (the file `./chorus demo` loads) is a valid definition, opens, and takes its sample
 * phone, paper and event responses; so the demo cannot break without this test saying so.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class SeedSurveyTest {

    private static final Path SEED = Path.of("../local-stack/src/main/resources/org/chorus/localstack/seed-survey.json");

    @Test
    @SuppressWarnings("unchecked")
    void theSeedSurveyOpensWithItsGlossaryAndTakesItsSampleResponses() throws IOException {
        Map<String, Object> seed = new ObjectMapper().readValue(Files.readString(SEED), new TypeReference<>() {
        });
        List<Map<String, Object>> samples = (List<Map<String, Object>>) seed.remove("sampleResponses");
        seed.put("closesAt", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        Owner icb = newOwner();
        String surveyId = createDraft(icb, seed);
        publish(icb, surveyId);

        given().header("Authorization", website()).when().get("/api/v1/surveys/" + surveyId)
                .then().statusCode(200)
                .body("definition.title.en", equalTo("Listening to our communities on our draft priorities"))
                .body("definition.sections[0].questions[0].options", hasSize(6))
                .body("definition.glossary", hasSize(9))
                .body("definition.glossary[1].term.en", equalTo("First 1000 days"));
        for (Map<String, Object> sample : samples) {
            given().header("Authorization", icb.bearer()).contentType(ContentType.JSON).body(sample)
                    .when().post("/api/v1/surveys/" + surveyId + "/responses")
                    .then().statusCode(201);
        }
        countedResults(surveyId, "channel").body("groups.value", equalTo(List.of("EVENT", "PAPER", "PHONE")));
    }
}
