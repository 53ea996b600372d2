package org.chorus.insight.handover;

import java.util.List;
import java.util.UUID;

import org.chorus.platform.handover.HandoverSection;

/** What insight hands over of an organisation: each table with the query that reads it, oldest records first. */
final class InsightHandover {

    private InsightHandover() {
    }

    static List<HandoverSection> sections(UUID organisation) {
        List<Object> own = List.of(organisation);
        return List.of(
                new HandoverSection(InsightTables.ACTIVITIES, """
                        SELECT id, organisation_id, reference, title, method, start_date, end_date, place_codes,
                               participant_count, groups_reached, stakeholder_group, ladder_rung, programme_area,
                               version, created_at, updated_at
                        FROM activity WHERE organisation_id = ? ORDER BY created_at, id""", own),
                new HandoverSection(InsightTables.FINDINGS, """
                        SELECT id, activity_id, statement, theme_codes, sentiment, participant_count, quotes,
                               upload_position, published, published_at, version, created_at, updated_at
                        FROM finding WHERE organisation_id = ? ORDER BY created_at, id""", own),
                new HandoverSection(InsightTables.THEME_PROPOSALS, """
                        SELECT id, finding_id, label, normalised, proposed_at
                        FROM theme_proposal WHERE organisation_id = ? ORDER BY proposed_at, id""", own),
                new HandoverSection(InsightTables.ACTIONS, """
                        SELECT id, title, decision, finding_ids, status, reason, decided_on, due_on, completed_on,
                               published, published_at, version, created_at, updated_at
                        FROM action WHERE organisation_id = ? ORDER BY created_at, id""", own),
                new HandoverSection(InsightTables.UPLOADS, """
                        SELECT id, format, sheet, mode, status, total_rows, processed_rows, accepted_rows,
                               updated_rows, unchanged_rows, rejected_rows, skipped_rows, report, created_at,
                               finished_at
                        FROM upload WHERE organisation_id = ? ORDER BY created_at, id""", own));
    }
}
