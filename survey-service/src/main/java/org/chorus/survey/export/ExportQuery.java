package org.chorus.survey.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.UUID;

/**
 * The one query an export runs. Contact details are selected only when the export includes them, and then only
 * where the respondent consented, so an export without them never reads the column at all.
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

    /** How many fields each row of the export's COPY has. */
    static int fields(boolean withContacts, boolean withCodings) {
        return codingsField(withContacts) + (withCodings ? 1 : 0);
    }

    /** Where the codings come, when they do: after the contact details, if any. */
    static int codingsField(boolean withContacts) {
        return withContacts ? FIRST_CONTACT_FIELD + 3 : FIRST_CONTACT_FIELD;
    }

    /**
     * The export as a {@code COPY ... TO STDOUT} statement, which takes no parameters: identifiers, times and the
     * channel are written from typed values, and the one free-form value, the place, is quoted by PostgreSQL itself.
     * Rows come in the binary format ({@link BinaryCopyRow}): the text format cost PostgreSQL an escaping pass over
     * every answer and this service a pass to split fields and another to undo escapes, and the submission time comes
     * as a number that no session setting changes.
     */
    static String copy(Connection connection, UUID surveyId, ExportFilter filter, boolean withContacts,
            boolean withCodings) throws SQLException {
        StringBuilder sql = new StringBuilder("COPY (SELECT id, survey_version, ")
                .append("submitted_at, channel, place_code, answers, language")
                .append(withContacts ? CONTACT_COLUMNS : "").append(withCodings ? CODINGS_COLUMN : "")
                .append(" FROM response WHERE survey_id = '").append(surveyId).append("'::uuid")
                .append(" AND submitted_at < ").append(timestamp(filter.to()));
        if (filter.from() != null) {
            sql.append(" AND submitted_at >= ").append(timestamp(filter.from()));
        }
        if (filter.channel() != null) {
            sql.append(" AND channel = '").append(filter.channel().name()).append('\'');
        }
        if (filter.place() != null) {
            sql.append(" AND place_code = ").append(literal(connection, filter.place()));
        }
        return sql.append(" ORDER BY submitted_at, id) TO STDOUT (FORMAT binary)").toString();
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
