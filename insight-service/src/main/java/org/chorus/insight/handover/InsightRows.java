package org.chorus.insight.handover;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.chorus.insight.action.ActionStatus;
import org.chorus.platform.web.problem.ProblemException;

/**
 * Binds a row of a handover package to the insert of its table: what the package holds is stored as it was, under
 * the importing organisation and with derived ids. A record already present (an import done before) is left alone.
 * The tables' own rules are checked here first, so that a package edited by hand is refused naming its row and column
 * rather than by a constraint's SQL state.
 */
final class InsightRows {

    private static final String NOT_TAKEN_FORWARD = ActionStatus.NOT_TAKEN_FORWARD.name();

    private final HandoverImport.Records records;
    /** The rows of this file by the id and the reference they hold: a package as written holds each once. */
    private final Map<UUID, Long> rowsById = new HashMap<>();
    private final Map<String, Long> rowsByReference = new HashMap<>();

    InsightRows(HandoverImport.Records records) {
        this.records = records;
    }

    void bind(ImportedTable table, PackageRow row, PreparedStatement insert) throws SQLException {
        // a second row of an id would be counted present and left out
        onlyOnce(row, "id", rowsById, row.uuid("id"));
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
        UUID original = row.uuid("id");
        UUID id = records.derive(original);
        records.activities().add(original);
        String reference = row.text("reference");
        if (reference != null) {
            onlyOnce(row, "reference", rowsByReference, reference);
        }
        UUID holder = reference == null ? null : records.references().get(reference);
        if (holder != null && !holder.equals(id)) {
            // references are the organisation's own keys (an upload finds what it corrects by them): one each
            throw ProblemException.conflict(row.where("reference") + ": '" + reference + "' is already the "
                    + "reference of your activity " + holder + "; give one of the two another reference, then import "
                    + "the package again");
        }
        LocalDate start = row.date("start_date");
        LocalDate end = row.date("end_date");
        if (start != null && end != null && end.isBefore(start)) {
            throw row.bad("end_date", "must not be before start_date");
        }
        insert.setObject(1, id);
        insert.setObject(2, records.organisation());
        insert.setString(3, reference);
        insert.setString(4, row.text("title"));
        insert.setString(5, row.text("method"));
        insert.setObject(6, start);
        insert.setObject(7, end);
        insert.setArray(8, insert.getConnection().createArrayOf("varchar", row.strings("place_codes")));
        insert.setObject(9, count(row));
        insert.setArray(10, insert.getConnection().createArrayOf("varchar", row.strings("groups_reached")));
        insert.setString(11, row.text("stakeholder_group"));
        insert.setString(12, row.text("ladder_rung"));
        insert.setString(13, row.text("programme_area"));
        bindVersioning(row, insert, 14);
    }

    private void finding(PackageRow row, PreparedStatement insert) throws SQLException {
        UUID original = row.uuid("id");
        records.findings().add(original);
        UUID activity = row.uuid("activity_id");
        if (!records.activities().contains(activity)) {
            throw row.bad("activity_id", "must be the id of an activity in activities.csv");
        }
        String[] quotes = row.strings("quotes");
        insert.setObject(1, records.derive(original));
        insert.setObject(2, records.derive(activity));
        insert.setObject(3, records.organisation());
        insert.setString(4, row.text("statement"));
        insert.setArray(5, insert.getConnection().createArrayOf("varchar", row.strings("theme_codes")));
        insert.setString(6, row.text("sentiment"));
        insert.setObject(7, count(row));
        insert.setArray(8, insert.getConnection().createArrayOf("text", quotes));
        // as the finding service keeps it: the quotes as one text, for the search vector
        insert.setString(9, String.join("\n", Arrays.asList(quotes)));
        insert.setObject(10, row.integer("upload_position"));
        bindPublication(row, insert, 11);
        bindVersioning(row, insert, 13);
    }

    private void proposal(PackageRow row, PreparedStatement insert) throws SQLException {
        UUID finding = row.uuid("finding_id");
        if (!records.findings().contains(finding)) {
            throw row.bad("finding_id", "must be the id of a finding in findings.csv");
        }
        insert.setObject(1, records.derive(row.uuid("id")));
        insert.setObject(2, records.derive(finding));
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
        String status = row.text("status");
        String reason = row.text("reason");
        if (NOT_TAKEN_FORWARD.equals(status) && reason == null) {
            throw row.bad("reason", "is required when status is " + NOT_TAKEN_FORWARD);
        }
        insert.setString(6, status);
        insert.setString(7, reason);
        insert.setObject(8, row.date("decided_on"));
        insert.setObject(9, row.date("due_on"));
        insert.setObject(10, row.date("completed_on"));
        bindPublication(row, insert, 11);
        bindVersioning(row, insert, 13);
    }

    private static <K> void onlyOnce(PackageRow row, String column, Map<K, Long> rows, K value) {
        Long earlier = rows.putIfAbsent(value, row.number());
        if (earlier != null) {
            throw row.bad(column, "is that of row " + earlier + " too: each row of a file holds its own");
        }
    }

    /** The people an activity or a finding heard: none or more. */
    private static Integer count(PackageRow row) {
        Integer count = row.integer("participant_count");
        if (count != null && count < 0) {
            throw row.bad("participant_count", "must be at least 0");
        }
        return count;
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
