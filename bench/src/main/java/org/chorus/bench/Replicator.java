package org.chorus.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Grows a survey's responses to a million without a million HTTP calls: every response submitted through the API
 * is copied k times (new ids, earlier times, as an export holds nothing from the future), and since the copies
 * answer exactly alike every tally is multiplied by k + 1, so the counters stay what the service would have kept.
 */
final class Replicator {

    private Replicator() {
    }

    static void multiply(String jdbcUrl, UUID surveyId, int copies) throws SQLException, InterruptedException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "chorus", "chorus")) {
            awaitAllCounted(connection, surveyId);
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO response (id, survey_id, survey_version, channel, place_code, via_organisation_id,
                                          entered_by, submitted_at, answers, erasure_token_hash)
                    SELECT gen_random_uuid(), survey_id, survey_version, channel, place_code, via_organisation_id,
                           entered_by, submitted_at - make_interval(secs => g), answers,
                           md5(id::text || ':' || g)
                    FROM response CROSS JOIN generate_series(1, ?) AS g WHERE survey_id = ?""");
                    PreparedStatement counted = connection.prepareStatement(
                            "DELETE FROM tally_backlog WHERE survey_id = ?");
                    PreparedStatement tallies = connection.prepareStatement(
                            "UPDATE tally SET count = count * ? WHERE survey_id = ?")) {
                insert.setInt(1, copies);
                insert.setObject(2, surveyId);
                insert.executeUpdate();
                // The copies joined the backlog as they were stored; multiplying the counters counts them instead.
                counted.setObject(1, surveyId);
                counted.executeUpdate();
                tallies.setLong(1, copies + 1L);
                tallies.setObject(2, surveyId);
                tallies.executeUpdate();
            }
            connection.commit();
            try (Statement analyze = connection.createStatement()) {
                connection.setAutoCommit(true);
                analyze.execute("VACUUM ANALYZE response");
                analyze.execute("VACUUM ANALYZE tally");
                // the million backlog rows deleted above would otherwise be skipped over by every folding round until
                // autovacuum came, and that took a processor from whatever was measured next
                analyze.execute("VACUUM ANALYZE tally_backlog");
            }
        }
    }

    /** Responses are counted in rounds after they commit; multiplying the counters before then would miss some. */
    private static void awaitAllCounted(Connection connection, UUID surveyId) throws SQLException, InterruptedException {
        try (PreparedStatement waiting = connection.prepareStatement(
                "SELECT count(*) FROM tally_backlog WHERE survey_id = ?")) {
            waiting.setObject(1, surveyId);
            while (true) {
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
    }
}
