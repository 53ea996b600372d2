package org.chorus.platform.datapackage;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Streams a query's rows into a table of a package: PostgreSQL sends them in batches through a cursor (the
 * connection must not auto-commit), so no list of all rows is ever held. The query's columns are the table's fields,
 * in order; each cell is written as its field's type says.
 */
public final class JdbcRows {

    /** Rows fetched per round trip, and how often to ask whether the caller is still there. */
    static final int BATCH = 1000;

    private final ObjectMapper objectMapper;

    public JdbcRows(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * @param parameters bound to the query's placeholders in order
     * @param callerGone whether the caller closed the connection: writes to a closed connection are dropped without
     *        an error, so without asking, an abandoned package would be read to its end
     * @return the rows written
     */
    public long copy(Connection connection, String sql, List<Object> parameters, PackageWriter.TableRows rows,
            BooleanSupplier callerGone) throws SQLException, IOException {
        List<Field> fields = rows.table().fields();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setFetchSize(BATCH);
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                List<String> cells = new ArrayList<>(fields.size());
                while (rs.next()) {
                    cells.clear();
                    for (int i = 0; i < fields.size(); i++) {
                        cells.add(cell(rs, i + 1, fields.get(i).type()));
                    }
                    rows.row(cells);
                    if (rows.rows() % BATCH == 0 && callerGone.getAsBoolean()) {
                        throw new CallerGone(rows.table().name(), rows.rows());
                    }
                }
            }
        }
        return rows.rows();
    }

    private String cell(ResultSet rs, int column, Field.Type type) throws SQLException, IOException {
        return switch (type) {
            case STRING, UUID, INTEGER, OBJECT, JSON_ARRAY -> rs.getString(column);
            case BOOLEAN -> {
                boolean value = rs.getBoolean(column);
                yield rs.wasNull() ? null : Boolean.toString(value);
            }
            case DATE -> {
                LocalDate date = rs.getObject(column, LocalDate.class);
                yield date == null ? null : date.toString();
            }
            case DATETIME -> {
                Timestamp time = rs.getTimestamp(column);
                yield time == null ? null : time.toInstant().toString();
            }
            case ARRAY -> {
                Array array = rs.getArray(column);
                yield array == null ? null : objectMapper.writeValueAsString(array.getArray());
            }
        };
    }

    /** Ends a package whose caller went away: the rows already sent are counted, nothing else goes. */
    public static final class CallerGone extends IOException {

        CallerGone(String table, long rows) {
            super("the caller went away after " + rows + " rows of " + table);
        }
    }
}
