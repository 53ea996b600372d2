package org.chorus.platform.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * A gauge's figure read from the database (how many rows wait, how old the oldest is). NaN while the database cannot
 * be asked, which a dashboard shows as a gap rather than as "nothing waits", and a scrape never fails for it.
 */
public final class GaugeReading {

    private GaugeReading() {
    }

    /** The first column of the first row of {@code sql}, a query that always returns one row (a count, a min). */
    public static double of(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getDouble(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
