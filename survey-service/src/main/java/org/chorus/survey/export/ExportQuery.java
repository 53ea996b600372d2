package org.chorus.survey.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;

/**
 * The one query an export runs. Contact details are selected only when the export includes them, and then only
 * where the respondent consented, so an export without them never reads the column at all.
 */
final class ExportQuery {

    /** The contact's name, email and phone follow the six answer columns, in this order. */
    static final int FIRST_CONTACT_COLUMN = 7;

    private static final String CONSENTED = "contact @> '{\"consent\": true}'";
    private static final String CONTACT_COLUMNS = ", CASE WHEN " + CONSENTED + " THEN contact ->> 'name' END"
            + ", CASE WHEN " + CONSENTED + " THEN contact ->> 'email' END"
            + ", CASE WHEN " + CONSENTED + " THEN contact ->> 'phone' END";

    private ExportQuery() {
    }

    static PreparedStatement prepare(Connection connection, UUID surveyId, ExportFilter filter, boolean withContacts)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, survey_version, submitted_at, channel, place_code, answers")
                .append(withContacts ? CONTACT_COLUMNS : "")
                .append(" FROM response WHERE survey_id = ? AND submitted_at < ?");
        if (filter.from() != null) {
            sql.append(" AND submitted_at >= ?");
        }
        if (filter.channel() != null) {
            sql.append(" AND channel = ?");
        }
        if (filter.place() != null) {
            sql.append(" AND place_code = ?");
        }
        sql.append(" ORDER BY submitted_at, id");
        PreparedStatement select = connection.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        int p = 1;
        select.setObject(p++, surveyId);
        select.setTimestamp(p++, Timestamp.from(filter.to()));
        if (filter.from() != null) {
            select.setTimestamp(p++, Timestamp.from(filter.from()));
        }
        if (filter.channel() != null) {
            select.setString(p++, filter.channel().name());
        }
        if (filter.place() != null) {
            select.setString(p, filter.place());
        }
        return select;
    }
}
