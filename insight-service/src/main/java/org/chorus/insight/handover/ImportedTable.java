package org.chorus.insight.handover;

import java.util.Arrays;
import java.util.Optional;

import org.chorus.platform.datapackage.Table;

/**
 * The tables of a handover package that insight takes in, in the order the package holds them, each with the insert
 * that stores its rows; a record already present (an import done before) is left alone.
 */
enum ImportedTable {
    ACTIVITIES(InsightTables.ACTIVITIES, """
                    INSERT INTO activity (id, organisation_id, reference, title, method, start_date, end_date,
                        place_codes, participant_count, groups_reached, stakeholder_group, ladder_rung, programme_area,
                        version, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?::varchar[], ?, ?::varchar[], ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING"""),
    FINDINGS(InsightTables.FINDINGS, """
                    INSERT INTO finding (id, activity_id, organisation_id, statement, theme_codes, sentiment,
                        participant_count, quotes, quotes_text, upload_position, published, published_at, version,
                        created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?::varchar[], ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING"""),
    THEME_PROPOSALS(InsightTables.THEME_PROPOSALS, """
                    INSERT INTO theme_proposal (id, finding_id, organisation_id, label, normalised, proposed_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING"""),
    ACTIONS(InsightTables.ACTIONS, """
                    INSERT INTO action (id, organisation_id, title, decision, finding_ids, status, reason, decided_on,
                        due_on, completed_on, published, published_at, version, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?::uuid[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING""");

    private final Table table;
    private final String insert;

    ImportedTable(Table table, String insert) {
        this.table = table;
        this.insert = insert;
    }

    Table table() {
        return table;
    }

    String insert() {
        return insert;
    }

    /** The table a file of the package holds, if insight takes it in (upload reports stay a record of the past). */
    static Optional<ImportedTable> of(String path) {
        return Arrays.stream(values()).filter(t -> t.table.path().equals(path)).findFirst();
    }
}
