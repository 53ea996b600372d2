package org.chorus.platform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

/** Reads what the service under test stored, straight from its database, so that tests count rows exactly. */
public final class StoredRows {

    private StoredRows() {
    }

    /** The first column of every row the query selects, as text. */
    public static List<String> column(String sql, Object... parameters) {
        try (Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + sql, e);
        }
    }

    /** How many rows the query selects. */
    public static int count(String sql, Object... parameters) {
        return column(sql, parameters).size();
    }
}
