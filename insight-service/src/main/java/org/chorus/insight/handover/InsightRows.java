package org.chorus.insight.handover;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

import org.chorus.platform.web.problem.ProblemException;

/**
 * Binds a row of a handover package to the insert of its table: what the package holds is stored as it was, under
 * the importing organisation and with derived ids. A record already present (an import done before) is left alone.
 */
final class InsightRows {

    private final HandoverImport.Records records;

    InsightRows(HandoverImport.Records records) {
        this.records = records;
    }

    void bind(ImportedTable table, PackageRow row, PreparedStatement insert) throws SQLException {
        switch (table) {
            case ACTIVITIES -> activity(row, insert);
            case FINDINGS -> finding(row, insert);
            case THEME_PROPOSALS -> proposal(row, insert);
            case ACTIONS -> action(row, insert);
        }
    }

    private void activity(PackageRow row, PreparedStatement insert) throws SQLException {
        if (records.organisation().equals(row.uuid("organisation_id"))) {
            throw ProblemException.conflict("This package holds the importing organisation's own records; a package "
                    + "is imported into the organisation that takes the records over");
        }
        insert.setObject(1, records.derive(row.uuid("id")));
        insert.setObject(2, records.organisation());
        insert.setString(3, row.text("reference"));
        insert.setString(4, row.text("title"));
        insert.setString(5, row.text("method"));
        insert.setObject(6, row.date("start_date"));
        insert.setObject(7, row.date("end_date"));
        insert.setArray(8, insert.getConnection().createArrayOf("varchar", row.strings("place_codes")));
        insert.setObject(9, row.integer("participant_count"));
        insert.setArray(10, insert.getConnection().createArrayOf("varchar", row.strings("groups_reached")));
        insert.setString(11, row.text("stakeholder_group"));
        insert.setString(12, row.text("ladder_rung"));
        insert.setString(13, row.text("programme_area"));
        bindVersioning(row, insert, 14);
    }

    private void finding(PackageRow row, PreparedStatement insert) throws SQLException {
        UUID original = row.uuid("id");
        records.findings().add(original);
        String[] quotes = row.strings("quotes");
        insert.setObject(1, records.derive(original));
        insert.setObject(2, records.derive(row.uuid("activity_id")));
        insert.setObject(3, records.organisation());
        insert.setString(4, row.text("statement"));
        insert.setArray(5, insert.getConnection().createArrayOf("varchar", row.strings("theme_codes")));
        insert.setString(6, row.text("sentiment"));
        insert.setObject(7, row.integer("participant_count"));
        insert.setArray(8, insert.getConnection().createArrayOf("text", quotes));
        // as the finding service keeps it: the quotes as one text, for the search vector
        insert.setString(9, String.join("\n", Arrays.asList(quotes)));
        insert.setObject(10, row.integer("upload_position"));
        bindPublication(row, insert, 11);
        bindVersioning(row, insert, 13);
    }

    private void proposal(PackageRow row, PreparedStatement insert) throws SQLException {
        insert.setObject(1, records.derive(row.uuid("id")));
        insert.setObject(2, records.derive(row.uuid("finding_id")));
        insert.setObject(3, records.organisation());
        insert.setString(4, row.text("label"));
        insert.setString(5, row.text("normalised"));
        insert.setTimestamp(6, row.time("proposed_at"));
    }

    private void action(PackageRow row, PreparedStatement insert) throws SQLException {
        UUID[] findings = row.uuids("finding_ids");
        for (int i = 0; i < findings.length; i++) {
            findings[i] = records.findings().contains(findings[i]) ? records.derive(findings[i]) : findings[i];
        }
        insert.setObject(1, records.derive(row.uuid("id")));
        insert.setObject(2, records.organisation());
        insert.setString(3, row.text("title"));
        insert.setString(4, row.text("decision"));
        insert.setArray(5, insert.getConnection().createArrayOf("uuid", findings));
        insert.setString(6, row.text("status"));
        insert.setString(7, row.text("reason"));
        insert.setObject(8, row.date("decided_on"));
        insert.setObject(9, row.date("due_on"));
        insert.setObject(10, row.date("completed_on"));
        bindPublication(row, insert, 11);
        bindVersioning(row, insert, 13);
    }

    /** Binds whether and when the record was published, from parameter {@code first} on. */
    private static void bindPublication(PackageRow row, PreparedStatement insert, int first) throws SQLException {
        insert.setBoolean(first, row.bool("published"));
        insert.setTimestamp(first + 1, row.time("published_at"));
    }

    /** Binds the version and times every changeable record ends with, from parameter {@code first} on. */
    private static void bindVersioning(PackageRow row, PreparedStatement insert, int first) throws SQLException {
        insert.setObject(first, row.integer("version"));
        insert.setTimestamp(first + 1, row.time("created_at"));
        insert.setTimestamp(first + 2, row.time("updated_at"));
    }
}
