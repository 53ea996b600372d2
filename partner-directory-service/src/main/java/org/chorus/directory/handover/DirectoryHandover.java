package org.chorus.directory.handover;

import java.util.List;
import java.util.UUID;

import org.chorus.platform.handover.HandoverSection;

/** What the directory hands over of an organisation: each table with the query that reads it. */
final class DirectoryHandover {

    private DirectoryHandover() {
    }

    static List<HandoverSection> sections(UUID organisation) {
        List<Object> own = List.of(organisation);
        return List.of(
                new HandoverSection(DirectoryTables.ORGANISATION, """
                        SELECT id, name, type, ods_code, website, contact_email, place_codes, active, rate_limits,
                               version, created_at, updated_at
                        FROM organisation WHERE id = ?""", own),
                new HandoverSection(DirectoryTables.PLACES, """
                        WITH RECURSIVE covered AS (
                            SELECT p.* FROM place p JOIN organisation o ON p.code = ANY (o.place_codes) WHERE o.id = ?
                            UNION
                            SELECT parent.* FROM place parent JOIN covered c ON parent.id = c.parent_id)
                        SELECT c.id, c.code, c.name, c.kind, parent.code, c.created_at
                        FROM covered c LEFT JOIN place parent ON parent.id = c.parent_id
                        ORDER BY c.created_at, c.id""", own),
                new HandoverSection(DirectoryTables.ORIGINS,
                        "SELECT unnest(allowed_origins) FROM organisation WHERE id = ?", own),
                new HandoverSection(DirectoryTables.KEYS, """
                        SELECT id, name, kind, scopes, created_at, expires_at, revoked_at
                        FROM api_key WHERE organisation_id = ? ORDER BY created_at, id""", own));
    }
}
