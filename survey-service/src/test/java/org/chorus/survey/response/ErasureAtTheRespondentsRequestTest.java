package org.chorus.survey.response;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.website;
import static org.chorus.survey.response.ResponseResourceTest.storedResponses;
import static org.chorus.survey.response.ResponseResourceTest.submitWithKey;
import static org.chorus.survey.response.ResponseResourceTest.validAnswers;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.AuditEntryData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A respondent whose first answer was lost on its way back sent again and got a receipt without its erasure token
 * (a retry's never has one), so nothing could erase the response. The survey's organisation now erases it at the
 * respondent's request, by the response id the receipt shows; no other organisation, and no website, can.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ErasureAtTheRespondentsRequestTest {

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    @Inject
    ErasureAtTheRespondentsRequestTest(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    @Test
    void theSurveysOrganisationErasesAResponseWhoseReceiptHasNoToken() {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        String partnerSite = website();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("answers", validAnswers());
        String responseId = submitWithKey(partnerSite, surveyId, key, body).statusCode(201).extract()
                .path("responseId");
        submitWithKey(partnerSite, surveyId, key, body).statusCode(201)
                .body("responseId", equalTo(responseId)).body("erasureToken", nullValue());

        erase(newOwner().bearer(), surveyId, responseId).statusCode(403)
                .contentType("application/problem+json").body("type", endsWith("not-owner"));
        erase(partnerSite, surveyId, responseId).statusCode(403);
        erase(owner.bearer(), openSmallSurvey(owner), responseId).statusCode(404)
                .contentType("application/problem+json");
        assertEquals(1, storedResponses(dataSource, surveyId), "refused erasures erased nothing");

        erase(owner.bearer(), surveyId, responseId).statusCode(204);
        erase(owner.bearer(), surveyId, responseId).statusCode(404).body("detail", equalTo("Survey " + surveyId
                + " has no response " + responseId + ": none was submitted to it, or it was erased"));
        assertEquals(0, storedResponses(dataSource, surveyId));
        submitWithKey(partnerSite, surveyId, key, body).statusCode(410);

        EventProbe.awaitData(ChorusEventTypes.RESPONSE_ERASED, responseId, Duration.ofSeconds(10));
        EventProbe.await(ChorusEventTypes.AUDIT_ENTRIES, e -> erasureOf(e, responseId), Duration.ofSeconds(10));
        List<AuditEntryData> audited = EventProbe.all(ChorusEventTypes.AUDIT_ENTRIES, e -> erasureOf(e, responseId))
                .stream().map(e -> e.dataAs(mapper, AuditEntryData.class)).toList();
        assertEquals(1, audited.size(), "one erasure, audited once");
        assertEquals(owner.organisationId(), audited.get(0).organisationId());
        assertEquals(Map.of("surveyId", surveyId, "authority", "survey-organisation"), audited.get(0).details());
    }

    private static ValidatableResponse erase(String bearer, String surveyId, String responseId) {
        return given().header("Authorization", bearer)
                .when().delete("/api/v1/surveys/" + surveyId + "/responses/" + responseId).then();
    }

    private static boolean erasureOf(ChorusEvent event, String responseId) {
        String data = new String(event.data());
        return data.contains("\"response.erased\"") && data.contains(responseId);
    }
}
