package org.chorus.survey.export;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.minimal;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.submit;
import static org.chorus.survey.SurveyFixtures.website;
import static org.chorus.survey.export.ExportFixtures.EXPORT;
import static org.chorus.survey.export.ExportFixtures.export;
import static org.chorus.survey.export.ExportFixtures.parse;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVRecord;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Respondents' contact details in exports (issue 5): only when asked for, only to a key with contacts:read of the
 * survey's own organisation, only for respondents who consented, and every such export audited as one.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ContactExportTest {

    static final List<String> CONTACT_COLUMNS = List.of("respondent_contact_name", "respondent_contact_email",
            "respondent_contact_phone");
    static final List<String> WITH_CONTACT =
            Stream.concat(ExportResourceTest.COLUMNS.stream(), CONTACT_COLUMNS.stream()).toList();
    /** Where the contact columns start: after every column an export without them has. */
    private static final int NAME = ExportResourceTest.COLUMNS.size();
    private static final List<String> NONE = Arrays.asList(null, null, null);
    private static final Map<String, String> INCLUDE = Map.of("includeContact", "true");

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper objectMapper;

    @Test
    void withoutAskingAnExportHasTodaysColumnsEvenForAKeyWithContactsRead() throws Exception {
        Respondents given = respondents();
        for (Map<String, String> params : List.of(Map.<String, String>of(), Map.of("includeContact", "false"))) {
            List<CSVRecord> csv = parse(export(given.analyst(), given.surveyId(), "csv", params));
            assertEquals(ExportResourceTest.COLUMNS, csv.get(0).toList());
            assertEquals(4, csv.size());
        }
        String ndjson = new String(export(given.analyst(), given.surveyId(), "ndjson", Map.of()), StandardCharsets.UTF_8);
        assertFalse(ndjson.contains("respondent_contact") || ndjson.contains("sam@example.org"), ndjson);
        List<List<String>> sheet = SheetReader.rows(export(given.analyst(), given.surveyId(), "xlsx", Map.of()));
        assertEquals(ExportResourceTest.COLUMNS, sheet.get(0));
        assertFalse(sheet.stream().flatMap(List::stream).anyMatch("sam@example.org"::equals));
    }

    @Test
    void theOwnersKeyWithBothScopesGetsConsentingRespondentsDetailsInEveryFormat() throws Exception {
        Respondents given = respondents();
        List<String> sam = List.of("Sam Taylor", "sam@example.org", "01253 000000");

        List<CSVRecord> csv = parse(export(given.analyst(), given.surveyId(), "csv", INCLUDE));
        assertEquals(WITH_CONTACT, csv.get(0).toList());
        Map<String, List<String>> csvContacts = new HashMap<>();
        csv.subList(1, csv.size()).forEach(r -> csvContacts.put(r.get(0), r.toList().subList(NAME, r.size())));
        assertEquals(Map.of(given.sam(), sam, given.noContact(), List.of("", "", ""),
                given.noConsent(), List.of("", "", "")), csvContacts);

        Map<String, List<String>> ndjsonContacts = new HashMap<>();
        new String(export(given.analyst(), given.surveyId(), "ndjson", INCLUDE), StandardCharsets.UTF_8).lines()
                .forEach(line -> {
                    Map<String, String> row = json(line);
                    assertEquals(WITH_CONTACT, List.copyOf(row.keySet()));
                    ndjsonContacts.put(row.get("response_id"), CONTACT_COLUMNS.stream().map(row::get).toList());
                });
        assertEquals(Map.of(given.sam(), sam, given.noContact(), NONE, given.noConsent(), NONE), ndjsonContacts);

        List<List<String>> sheet = SheetReader.rows(export(given.analyst(), given.surveyId(), "xlsx", INCLUDE));
        assertEquals(WITH_CONTACT, sheet.get(0));
        Map<String, List<String>> sheetContacts = new HashMap<>();
        sheet.subList(1, sheet.size()).forEach(r -> sheetContacts.put(r.get(0),
                Stream.of(NAME, NAME + 1, NAME + 2).map(i -> SheetReader.cell(r, i)).toList()));
        assertEquals(Map.of(given.sam(), sam, given.noContact(), NONE, given.noConsent(), NONE), sheetContacts);
    }

    @Test
    void askingWithoutContactsReadOrForAnotherOrganisationsSurveyIsForbidden() {
        Respondents given = respondents();
        String exportsOnly = TestCallers.bearer(given.organisationId(), Scopes.EXPORTS_READ);
        given().header("Authorization", exportsOnly).queryParams(INCLUDE).when().get(EXPORT, given.surveyId())
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("/missing-scope"))
                .body("detail", containsString("contacts:read"))
                .body("errors[0].parameter", equalTo("includeContact"));
        String elsewhere = TestCallers.bearer(UUID.randomUUID(), Scopes.EXPORTS_READ, Scopes.CONTACTS_READ);
        given().header("Authorization", elsewhere).queryParams(INCLUDE).when().get(EXPORT, given.surveyId())
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("/not-owner"));
        given().header("Authorization", given.analyst()).queryParam("includeContact", "yes")
                .when().get(EXPORT, given.surveyId())
                .then().statusCode(400).body("errors[0].parameter", equalTo("includeContact"));
        // The plain export stays open to every analyst, as before.
        export(elsewhere, given.surveyId(), "csv", Map.of());
    }

    @Test
    void anExportWithContactDetailsIsAuditedAsOne() {
        Respondents given = respondents();
        export(given.analyst(), given.surveyId(), "csv", INCLUDE);
        export(given.analyst(), given.surveyId(), "ndjson", Map.of());

        String admin = TestCallers.bearer(UUID.randomUUID(), Scopes.DIRECTORY_MANAGE);
        String mine = "items.findAll { it.surveyId == '" + given.surveyId() + "' }";
        given().header("Authorization", admin).queryParam("limit", 500).when().get("/api/v1/exports/audit")
                .then().statusCode(200)
                .body(mine + ".size()", equalTo(2))
                .body(mine + ".find { it.format == 'CSV' }.includeContact", equalTo(true))
                .body(mine + ".find { it.format == 'CSV' }.rowCount", equalTo(3))
                .body(mine + ".find { it.format == 'NDJSON' }.includeContact", equalTo(false));
        String entry = new String(EventProbe.await(ChorusEventTypes.AUDIT_ENTRIES,
                e -> new String(e.data()).contains("\"responses.exported-with-contacts\"")
                        && new String(e.data()).contains(given.surveyId()),
                Duration.ofSeconds(10)).data());
        assertTrue(entry.contains("\"format\":\"csv\"") && entry.contains("\"exportId\""), entry);
        String finished = new String(EventProbe.await(ChorusEventTypes.AUDIT_ENTRIES,
                e -> new String(e.data()).contains("\"responses.export-finished\"")
                        && new String(e.data()).contains(exportId(entry)), Duration.ofSeconds(10)).data());
        assertTrue(finished.contains("\"rows\":\"3\"") && finished.contains("\"completed\":\"true\""), finished);
    }

    @Test
    void anErasedResponsesContactDetailsAreNoLongerExported() throws Exception {
        Respondents given = respondents();
        given().header("Authorization", website()).header("Erasure-Token", given.samToken())
                .when().delete("/api/v1/responses/" + given.sam()).then().statusCode(204);
        byte[] csv = export(given.analyst(), given.surveyId(), "csv", INCLUDE);
        assertEquals(3, parse(csv).size(), "the header and the two responses left");
        assertFalse(new String(csv, StandardCharsets.UTF_8).contains("sam@example.org"));
    }

    /**
     * A survey with three responses: Sam's with contact details, one without, and one whose stored details lack
     * consent (the service refuses such input, so it is set in the database: the export must not trust that rule
     * alone).
     */
    private Respondents respondents() {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        String[] sam = submit(website(), surveyId, withContact(Map.of("name", "Sam Taylor",
                "email", "sam@example.org", "phone", "01253 000000", "consent", true)));
        String noContact = submit(website(), surveyId, minimal())[0];
        String noConsent = submit(website(), surveyId, withContact(Map.of("name", "Alex Doe",
                "email", "alex@example.org", "consent", true)))[0];
        withdrawConsent(noConsent);
        String analyst = TestCallers.bearer(owner.organisationId(), Scopes.EXPORTS_READ, Scopes.CONTACTS_READ);
        return new Respondents(surveyId, owner.organisationId(), analyst, sam[0], sam[1], noContact, noConsent);
    }

    private static Map<String, Object> withContact(Map<String, Object> contact) {
        Map<String, Object> body = new HashMap<>(minimal());
        body.put("contact", contact);
        return body;
    }

    private void withdrawConsent(String responseId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE response SET contact = jsonb_set(contact, '{consent}', 'false') WHERE id = ?")) {
            update.setObject(1, UUID.fromString(responseId));
            assertEquals(1, update.executeUpdate());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> json(String line) {
        try {
            return objectMapper.readValue(line, new TypeReference<java.util.LinkedHashMap<String, String>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The export an audit entry is about, which its release and its finishing entries share. */
    static String exportId(String entry) {
        int at = entry.indexOf("\"exportId\":\"") + "\"exportId\":\"".length();
        return entry.substring(at, entry.indexOf('"', at));
    }

    /** The survey, its organisation's key with both scopes, and the three responses. */
    private record Respondents(String surveyId, UUID organisationId, String analyst, String sam, String samToken,
            String noContact, String noConsent) {
    }
}
