package org.chorus.survey.export;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.time.StoredTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How far exports and the change feed reach: responses submitted up to a moment slightly before now, committed by the
 * moment the call is planned. The time keeps a response still committing out of this call; the snapshot lets the
 * next call find one whose commit came later than any settle time allows for.
 */
@ApplicationScoped
class SettleHorizon {

    private final Duration settle;
    private final DataSource dataSource;

    SettleHorizon(@ConfigProperty(name = "chorus.survey.export-settle") Duration settle, DataSource dataSource) {
        this.settle = settle;
        this.dataSource = dataSource;
    }

    /** Where a call planned now ends, and the next one resumes; PostgreSQL keeps microseconds. */
    ExportCursor.Position reached() {
        try (Connection connection = dataSource.getConnection();
                Statement select = connection.createStatement();
                ResultSet rs = select.executeQuery("SELECT pg_current_snapshot()::text")) {
            rs.next();
            return new ExportCursor.Position(StoredTime.now().minus(settle), new CommitSnapshot(rs.getString(1)));
        } catch (SQLException e) {
            throw new IllegalStateException("Commit snapshot not readable: " + e.getMessage(), e);
        }
    }
}
