package org.chorus.survey.export;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.survey.SurveyFixtures.analyst;
import static org.chorus.survey.SurveyFixtures.minimal;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.submit;
import static org.chorus.survey.SurveyFixtures.website;
import static org.chorus.survey.export.ExportFixtures.export;
import static org.chorus.survey.export.ExportFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * An analyst who cancels a large download with contact details: the export stops (PostgreSQL stops streaming), is
 * audited as incomplete with the rows it sent, in the export audit and in the system's audit log (contact rows went
 * out), and the service's connections stay fit for the next exports.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class AbandonedExportTest {

    private static final int RESPONSES = 200_000;

    @Inject
    DataSource dataSource;

    @Test
    void anExportTheAnalystAbandonsIsAuditedAsIncompleteAndTheNextOnesAreWhole() throws Exception {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        Map<String, Object> withContact = new HashMap<>(minimal());
        withContact.put("contact", Map.of("name", "Sam Taylor", "email", "sam@example.org", "consent", true));
        submit(website(), surveyId, withContact);
        copyResponse(surveyId, RESPONSES - 1);

        readALittleAndGoAway(surveyId, TestCallers.bearer(owner.organisationId(), Scopes.EXPORTS_READ,
                Scopes.CONTACTS_READ));

        Map<String, Object> audit = awaitAuditFinished(surveyId);
        assertEquals(false, audit.get("completed"));
        assertEquals(true, audit.get("includeContact"));
        long sent = ((Number) audit.get("rowCount")).longValue();
        assertTrue(sent < RESPONSES, "it stopped early, yet says it sent " + sent);
        String exportId = (String) audit.get("id");
        var released = EventProbe.awaitAll(ChorusEventTypes.AUDIT_ENTRIES, e -> new String(e.data())
                .contains("\"responses.exported-with-contacts\"") && new String(e.data()).contains(exportId), 1,
                Duration.ofSeconds(10));
        assertEquals(1, released.size(), "the release of contact rows is in the system's audit log");
        String finished = new String(EventProbe.await(ChorusEventTypes.AUDIT_ENTRIES, e -> new String(e.data())
                .contains("\"responses.export-finished\"") && new String(e.data()).contains(exportId),
                Duration.ofSeconds(10)).data());
        assertTrue(finished.contains("\"completed\":\"false\"") && finished.contains("\"rows\":\"" + sent + "\""),
                finished);
        // the abandoned export's connection is back in the pool: whatever runs on it next must work
        for (int i = 0; i < 5; i++) {
            submit(website(), openSmallSurvey(newOwner()), minimal());
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(RESPONSES + 1, parse(export(analyst(), surveyId, "csv", Map.of())).size(),
                    "the header and every response");
        }
    }

    /**
     * More rows than the sockets between service and analyst hold, copied in the database to save time. The copies
     * are kept out of the counting backlog: this test only exports them, and counting 200,000 would keep the service's
     * counter busy for half a minute (more on a busy machine), lagging the results the tests after this one wait for.
     */
    private void copyResponse(String surveyId, int copies) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement uncounted = connection.prepareStatement(
                        "DELETE FROM tally_backlog WHERE survey_id = ?");
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO response (id, survey_id, survey_version, channel, place_code, via_organisation_id,
                                              entered_by, submitted_at, answers, erasure_token_hash, contact)
                        SELECT gen_random_uuid(), survey_id, survey_version, channel, place_code, via_organisation_id,
                               entered_by, submitted_at - make_interval(secs => g), answers, md5(id::text || g), contact
                        FROM response CROSS JOIN generate_series(1, ?) AS g WHERE survey_id = ?""")) {
            insert.setInt(1, copies);
            insert.setObject(2, UUID.fromString(surveyId));
            // one transaction, so that the counter never sees the copies waiting
            connection.setAutoCommit(false);
            assertEquals(copies, insert.executeUpdate());
            uncounted.setObject(1, UUID.fromString(surveyId));
            assertTrue(uncounted.executeUpdate() >= copies, "the copies are out of the backlog");
            connection.commit();
        }
    }

    private static void readALittleAndGoAway(String surveyId, String analyst) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/surveys/" + surveyId + "/responses/export?format=csv&includeContact=true"
                    + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: " + analyst + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertEquals(64 * 1024, in.readNBytes(64 * 1024).length, "the export had begun");
        }
    }

    private static Map<String, Object> awaitAuditFinished(String surveyId) {
        String admin = TestCallers.bearer(UUID.randomUUID(), Scopes.DIRECTORY_MANAGE);
        return await("the abandoned export recorded as finished").atMost(Duration.ofSeconds(30))
                .until(() -> given().header("Authorization", admin).queryParam("limit", 500)
                        .when().get("/api/v1/exports/audit").then().statusCode(200).extract().jsonPath()
                        .<String, Object>getMap("items.find { it.surveyId == '" + surveyId + "' }"),
                        entry -> entry != null && entry.get("finishedAt") != null);
    }
}
