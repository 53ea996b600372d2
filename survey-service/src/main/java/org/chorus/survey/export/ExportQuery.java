package org.chorus.survey.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The queries an export runs: one, or two when it catches up with late commits. Contact details are selected only
 * when the export includes them, and then only where the respondent consented, so an export without them never reads
 * the column at all.
 */
final class ExportQuery {

    /** Where, counting from 0, the contact's name, email and phone follow the seven response fields of a row. */
    static final int FIRST_CONTACT_FIELD = 7;

    private static final String CONSENTED = "contact @> '{\"consent\": true}'";
    private static final String CONTACT_COLUMNS = ", CASE WHEN " + CONSENTED + " THEN contact ->> 'name' END"
            + ", CASE WHEN " + CONSENTED + " THEN contact ->> 'email' END"
            + ", CASE WHEN " + CONSENTED + " THEN contact ->> 'phone' END";

    private ExportQuery() {
    }

    /**
     * Each coded free-text answer's first-pass coding, as JSON keyed by question id: looked up by the coding's primary
     * key for each row, so the export still streams in one pass, and read only when something of the survey is coded.
     */
    private static final String CODINGS_COLUMN = ", (SELECT jsonb_object_agg(c.question_id, jsonb_build_object("
            + "'categories', c.categories, 'cannotBeCoded', c.cannot_be_coded)) FROM answer_coding c "
            + "WHERE c.response_id = response.id AND c.pass = 'FIRST')";

    private static final String ORDERED = " ORDER BY submitted_at, id) TO STDOUT (FORMAT binary)";

    /** How many fields each row of the export's COPY has. */
    static int fields(boolean withContacts, boolean withCodings) {
        return codingsField(withContacts) + (withCodings ? 1 : 0);
    }

    /** Where the codings come, when they do: after the contact details, if any. */
    static int codingsField(boolean withContacts) {
        return withContacts ? FIRST_CONTACT_FIELD + 3 : FIRST_CONTACT_FIELD;
    }

    /**
     * The export as {@code COPY ... TO STDOUT} statements, run in turn, which take no parameters: identifiers, times
     * and the channel are written from typed values, and the one free-form value, the place, is quoted by PostgreSQL
     * itself.
     * Rows come in the binary format ({@link BinaryCopyRow}): the text format cost PostgreSQL an escaping pass over
     * every answer and this service a pass to split fields and another to undo escapes, and the submission time comes
     * as a number that no session setting changes.
     */
    static List<String> copies(Connection connection, UUID surveyId, ExportFilter filter, CommitWindow window,
            boolean withContacts, boolean withCodings) throws SQLException {
        String select = "COPY (SELECT id, survey_version, submitted_at, channel, place_code, answers, language"
                + (withContacts ? CONTACT_COLUMNS : "") + (withCodings ? CODINGS_COLUMN : "");
        StringBuilder asked = new StringBuilder(" FROM response WHERE survey_id = '").append(surveyId)
                .append("'::uuid AND submitted_at < ").append(timestamp(filter.to()));
        if (filter.channel() != null) {
            asked.append(" AND channel = '").append(filter.channel().name()).append('\'');
        }
        if (filter.place() != null) {
            asked.append(" AND place_code = ").append(literal(connection, filter.place()));
        }
        StringBuilder onTime = new StringBuilder(select).append(asked).append(" AND ")
                .append(window.committed("transaction_id"));
        if (filter.from() != null) {
            onTime.append(" AND submitted_at >= ").append(timestamp(filter.from()));
        }
        if (!window.catchesUp()) {
            return List.of(onTime.append(ORDERED).toString());
        }
        // Rows from before the cursor's time that committed after it, found by their transaction, come first: all
        // of them were submitted before the rows above. Two statements, each in its index's order, rather than one
        // UNION, which the planner sorted whole, on disk for a large window, before its first row could stream.
        StringBuilder late = new StringBuilder(select).append(asked)
                .append(" AND submitted_at < ").append(timestamp(window.resumedAt()))
                .append(" AND ").append(window.committedLate("transaction_id"));
        if (window.since() != null) {
            late.append(" AND submitted_at >= ").append(timestamp(window.since()));
        }
        return List.of(late.append(ORDERED).toString(), onTime.append(ORDERED).toString());
    }

    /**
     * The time as PostgreSQL reads it whatever the session's DateStyle and time zone: year first and unsigned, with
     * the era and the offset spelt out. It reads neither year 0, a negative year nor the "+10000" of
     * {@link Instant#toString()}, all of which a caller's since, until or cursor may hold; it rounds the nanoseconds.
     */
    private static String timestamp(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return String.format(Locale.ROOT, "'%04d-%02d-%02d %02d:%02d:%02d.%09d+00 %s'::timestamptz",
                utc.get(ChronoField.YEAR_OF_ERA), utc.getMonthValue(), utc.getDayOfMonth(), utc.getHour(),
                utc.getMinute(), utc.getSecond(), utc.getNano(), utc.getYear() > 0 ? "AD" : "BC");
    }

    private static String literal(Connection connection, String value) throws SQLException {
        try (PreparedStatement quote = connection.prepareStatement("SELECT quote_literal(?)")) {
            quote.setString(1, value);
            try (ResultSet rs = quote.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
