package org.chorus.survey.handover;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.minimal;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.submit;
import static org.chorus.survey.SurveyFixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.testing.ZipFiles;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The survey service's part of a handover: every survey, version and response, contact details only with the scope. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class SurveyHandoverTest {

    @Test
    void responsesAreHandedOverWithContactDetailsOnlyForAKeyThatMayReadThem() throws IOException {
        Owner owner = newOwner();
        String survey = openSmallSurvey(owner);
        Map<String, Object> withContact = new HashMap<>(minimal());
        withContact.put("contact", Map.of("name", "Sam Taylor", "email", "sam@example.org", "consent", true));
        String contacted = submit(website(), survey, withContact)[0];
        submit(website(), survey, minimal());

        Map<String, String> files = handOver(owner, Scopes.HANDOVER_READ);
        assertEquals(List.of("surveys.csv", "survey_versions.csv", "responses.csv", "export_audit.csv",
                "datapackage.json"), List.copyOf(files.keySet()));
        assertEquals(1, records(files.get("surveys.csv")).size());
        assertEquals(1, records(files.get("survey_versions.csv")).size());
        List<CSVRecord> responses = records(files.get("responses.csv"));
        assertEquals(2, responses.size());
        assertFalse(files.get("responses.csv").contains("sam@example.org"));
        assertFalse(responses.get(0).isMapped("contact_email"));

        List<CSVRecord> released = records(handOver(owner, Scopes.HANDOVER_READ, Scopes.CONTACTS_READ)
                .get("responses.csv"));
        CSVRecord sam = released.stream().filter(r -> r.get("id").equals(contacted)).findFirst().orElseThrow();
        assertEquals("sam@example.org", sam.get("contact_email"));
        assertTrue(released.stream().filter(r -> !r.get("id").equals(contacted))
                .allMatch(r -> r.get("contact_email").isEmpty()));
        EventProbe.await(ChorusEventTypes.AUDIT_ENTRIES, e -> new String(e.data()).contains("\"handover.exported\"")
                && new String(e.data()).contains(owner.organisationId().toString())
                && new String(e.data()).contains("\"includeContact\":\"true\""), Duration.ofSeconds(10));
    }

    /** A HEAD, which RESTEasy answers through the GET, hands nothing over, so nothing is audited as handed over. */
    @Test
    void aHeadAnswersTheHeadersAndIsNotAuditedAsAHandover() {
        Owner owner = newOwner();
        openSmallSurvey(owner);
        String key = TestCallers.bearer(owner.organisationId(), Scopes.HANDOVER_READ);
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", key).queryParam("organisation", owner.organisationId().toString())
                    .when().head("/api/v1/handover/surveys").then().statusCode(200)
                    .header("Content-Disposition", "attachment; filename=\"surveys.zip\"");
        }
        handOver(owner, Scopes.HANDOVER_READ);

        // the GET's entry is recorded after both HEADs, so once it is there theirs would be too
        EventProbe.await(ChorusEventTypes.AUDIT_ENTRIES, e -> handedOver(e.data(), owner), Duration.ofSeconds(10));
        assertEquals(1, EventProbe.all(ChorusEventTypes.AUDIT_ENTRIES, e -> handedOver(e.data(), owner)).size(),
                "only the GET handed the records over");
    }

    private static boolean handedOver(byte[] entry, Owner owner) {
        String text = new String(entry);
        return text.contains("\"handover.exported\"") && text.contains(owner.organisationId().toString());
    }

    private static Map<String, String> handOver(Owner owner, String... scopes) {
        return ZipFiles.texts(given().header("Authorization", TestCallers.bearer(owner.organisationId(), scopes))
                .queryParam("organisation", owner.organisationId().toString())
                .when().get("/api/v1/handover/surveys").then().statusCode(200).extract().asByteArray());
    }

    private static List<CSVRecord> records(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                .getRecords();
    }
}
