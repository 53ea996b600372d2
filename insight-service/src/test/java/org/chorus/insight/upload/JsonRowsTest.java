package org.chorus.insight.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Reading a JSON upload without HTTP, with the service's own request mapper: its rows as the file gives them, and a
 * field given twice or a second object refused as in any request body.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class JsonRowsTest {

    @Inject
    ObjectMapper requests;

    @Test
    void eachActivityIsARowWithItsFindings() {
        List<RawRow> rows = JsonRows.read(requests, bytes("""
                {"activities": [
                  {"reference": "fg-1", "title": "Carers' focus group", "findings": [
                    {"statement": "Respite is hard to book", "themes": ["care-at-home"]},
                    {"statement": "Information came late", "themes": ["information-and-communication"]}]},
                  {"reference": "fg-2", "title": "Drop-in at the library"}]}"""));

        assertEquals(2, rows.size());
        assertEquals(Map.of("reference", "fg-1", "title", "Carers' focus group"), rows.get(0).activity());
        assertEquals(List.of("Respite is hard to book", "Information came late"),
                rows.get(0).findings().stream().map(finding -> finding.get("statement")).toList());
        assertEquals(List.of("care-at-home"), rows.get(0).findings().get(0).get("themes"));
        assertEquals(2, rows.get(1).row());
    }

    /** An object where text belongs was kept as its JSON text (a title of braces), and in a list as no text. */
    @Test
    void anObjectWhereTextBelongsIsTheRowsProblemNotItsText() {
        List<RawRow> rows = JsonRows.read(requests, bytes("""
                {"activities": [
                  {"reference": "fg-1", "title": {"en": "Carers"}, "placeCodes": ["blackpool", {"code": "fylde"}],
                   "findings": [{"statement": {"text": "Respite"}}]}]}"""));

        Map<String, Object> activity = rows.get(0).activity();
        assertEquals("title: must be text, a number or a list of them, not an object; placeCodes: each item must be "
                + "text or a number; findings/0/statement: must be text, a number or a list of them, not an object",
                activity.get("_problem"));
        assertFalse(activity.containsKey("title"));
        assertFalse(rows.get(0).findings().get(0).containsKey("statement"));
    }

    @Test
    void anActivityFieldGivenTwiceRefusesTheFileNamingTheField() {
        ProblemException refused = assertThrows(ProblemException.class, () -> JsonRows.read(requests, bytes("""
                {"activities": [{"reference": "fg-1", "title": "First", "title": "Second"}]}""")));

        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("Duplicate field 'title'"), refused.getMessage());
    }

    @Test
    void aFindingFieldGivenTwiceRefusesTheFileToo() {
        ProblemException refused = assertThrows(ProblemException.class, () -> JsonRows.read(requests, bytes("""
                {"activities": [{"reference": "fg-1", "title": "First",
                  "findings": [{"statement": "One", "sentiment": "POSITIVE", "sentiment": "NEGATIVE"}]}]}""")));

        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("Duplicate field 'sentiment'"), refused.getMessage());
    }

    @Test
    void aSecondObjectAfterTheFileIsRefusedRatherThanDroppedUnseen() {
        ProblemException refused = assertThrows(ProblemException.class, () -> JsonRows.read(requests, bytes("""
                {"activities": [{"reference": "fg-1", "title": "First"}]}
                {"activities": [{"reference": "fg-2", "title": "Second"}]}""")));

        assertEquals(400, refused.status());
        assertEquals("The file goes on after its JSON object; send one object holding the activities",
                refused.getMessage());
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
