package org.chorus.insight.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.chorus.insight.activity.EngagementMethod;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rows judged by the API's own rules without HTTP, each broken rule worded for the person fixing the file and naming
 * the field as that file names it.
 */
class RowReaderTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final String HEADER = "reference,title,method,start_date,end_date,place_codes,participant_count,"
            + "finding_statement,finding_sentiment,finding_participant_count,finding_quotes";

    @Test
    void aGoodRowIsReadIntoTheApisInputTypes() {
        ParsedRow row = csvRow("HW-1,Focus group,focus group,14/03/2019,2019-03-15,blackpool,10,Long waits,Concern,9,");
        assertEquals(List.of(), row.reasons());
        assertEquals("HW-1", row.reference());
        assertEquals(EngagementMethod.FOCUS_GROUP, row.activity().method());
        assertEquals(LocalDate.of(2019, 3, 14), row.activity().startDate(), "UK dates are day first");
        assertEquals(9, row.findings().get(0).participantCount());
    }

    @Test
    void eachValueThatCannotBeReadIsReportedOnceByItsColumnName() {
        assertEquals(List.of(
                "method: unknown method 'Knitting circle'; use one of Outreach with specific groups, Comment cards, "
                        + "Workshop, Neighbourhood event, Lived experience involvement, Community group discussion, "
                        + "Telephone interview, In depth conversation, Face to face interview, Public engagement event, "
                        + "Survey or questionnaire, Focus group",
                "start_date: bad date '31/02/2019'; write it as 2019-03-14 or 14/03/2019",
                "participant_count: '2.5' is not a whole number of people"),
                csvRow("HW-1,Drop-in,Knitting circle,31/02/2019,,blackpool,2.5,,,,").reasons());
    }

    @Test
    void anUnknownValueIsAnsweredInTheTemplatesWordsWithWhatItIsAPartOf() {
        String reason = csvRow("HW-1,Drop-in,Interview,14/03/2019,,blackpool,2,,,,").reasons().get(0);
        assertTrue(reason.startsWith("method: unknown method 'Interview'; did you mean Face to face interview or "
                + "Telephone interview?; use one of Outreach with specific groups, Comment cards, "), reason);
    }

    @Test
    void theActivityAndFindingRulesApplyAsInTheApi() {
        assertEquals(List.of(
                "place_codes: unknown place 'atlantis': no active organisation of the partnership covers it",
                "reference: is required in an upload, so that a corrected file updates this activity instead of "
                        + "adding another",
                "end_date: must not be before the start date",
                "finding 1 finding_sentiment: must not be null",
                "finding 1 finding_participant_count: must be at most the activity's 10 participants",
                "finding 1 finding_quotes: must be anonymous: remove the email address or phone number"),
                csvRow(",Focus group,Focus group,2019-03-14,2019-03-13,atlantis,10,Long waits,,11,"
                        + "\"Email me at a@example.org\"").reasons());
    }

    @Test
    void aJsonUploadHearsTheSameRulesInItsOwnFieldNames() {
        ParsedRow row = reader((field, ofFinding) -> field).read(JsonRows.read(new ObjectMapper(),
                ("{\"activities\": [{\"reference\": "
                + "\"J-1\", \"title\": \"Walk\", \"method\": \"Workshop\", \"startDate\": \"2019-03-14\", "
                + "\"placeCodes\": [\"blackpool\"], \"participantCount\": \"lots\", \"findings\": [{\"statement\": "
                + "\"Good\", \"sentiment\": \"Positive\", \"quotes\": [\"Call 01632 960001\"]}]}]}")
                .getBytes(StandardCharsets.UTF_8)).get(0));
        assertEquals(List.of("participantCount: 'lots' is not a whole number of people",
                "finding 1 quotes: must be anonymous: remove the email address or phone number"), row.reasons());
    }

    @Test
    void findingsThatAreNotAnArrayOfObjectsAreTheRowsReasonNotAFailureOfTheFile() {
        String activity = "{\"reference\": \"J-1\", \"title\": \"Walk\", \"method\": \"Workshop\", "
                + "\"startDate\": \"2019-03-14\", \"placeCodes\": [\"blackpool\"], \"participantCount\": 3, ";
        assertEquals(List.of("findings: must be an array"),
                jsonRow(activity + "\"findings\": {\"statement\": \"x\"}}").reasons());
        assertEquals(List.of("findings: must be an array"), jsonRow(activity + "\"findings\": \"x\"}").reasons(),
                "not read as no findings");
        assertEquals(List.of("finding 1: must be an object",
                "finding 2 sentiment: must not be null"),
                jsonRow(activity + "\"findings\": [\"x\", {\"statement\": \"Good\"}]}").reasons(),
                "each finding is reported by its own number");
    }

    @Test
    void aBlankReferenceIsNoReference() {
        for (String blank : List.of("\"\"", "\"   \"")) {
            ParsedRow row = jsonRow("{\"reference\": " + blank + ", \"title\": \"Walk\", \"method\": \"Workshop\", "
                    + "\"startDate\": \"2019-03-14\", \"placeCodes\": [\"blackpool\"], \"participantCount\": 3}");
            assertEquals(List.of("reference: is required in an upload, so that a corrected file updates this "
                    + "activity instead of adding another"), row.reasons(), blank);
            assertEquals(null, row.reference());
        }
        assertEquals("reference: is required in an upload, so that a corrected file updates this activity instead "
                + "of adding another", csvRow("\"  \",Focus group,Focus group,2019-03-14,,blackpool,10,,,,").reasons()
                .get(0));
    }

    @Test
    void aDateBeyondPostgresqlsIsTheRowsReasonNamingTheRule() {
        assertEquals(List.of("start_date: must be a date between 4713 BC and 5874897 AD",
                "end_date: must be a date between 4713 BC and 5874897 AD"),
                csvRow("HW-1,Focus group,Focus group,+10000000-01-01,+10000000-01-02,blackpool,10,,,,").reasons());
        assertEquals(List.of("startDate: must be a date between 4713 BC and 5874897 AD"),
                jsonRow("{\"reference\": \"J-1\", \"title\": \"Walk\", \"method\": \"Workshop\", "
                        + "\"startDate\": \"-5000-01-01\", \"placeCodes\": [\"blackpool\"], "
                        + "\"participantCount\": 3}").reasons());
    }

    private static ParsedRow jsonRow(String activity) {
        return reader((field, ofFinding) -> field).read(JsonRows.read(new ObjectMapper(),
                ("{\"activities\": [" + activity + "]}").getBytes(StandardCharsets.UTF_8)).get(0));
    }

    static ParsedRow csvRow(String line) {
        List<RawRow> rows = CsvRows.read((HEADER + "\r\n" + line + "\r\n").getBytes(StandardCharsets.UTF_8),
                Map.of());
        return reader(UploadFields::csvColumn).read(rows.get(0));
    }

    static RowReader reader(BiFunction<String, Boolean, String> naming) {
        return new RowReader(VALIDATOR, Set.of("blackpool"), Map.of("waiting-times", "Waiting times and referrals"), naming);
    }
}
