package org.chorus.survey.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.survey.response.Answer;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The export reads PostgreSQL's binary COPY itself; these rows are written by the real PostgreSQL, with the values
 * that a reader of the format gets wrong (times before PostgreSQL's epoch and fractions of a second, nulls, tabs,
 * backslashes and line breaks, Welsh and emoji), and must read as JDBC reads the same query.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class BinaryCopyRowTest {

    private static final StoredAnswers ANSWERS = new StoredAnswers(List.of("priorities", "gp", "place"));

    private static final String ROWS = """
            SELECT * FROM (VALUES
                ('6f1c0a3e-8d2b-4c1e-9f00-000000000001'::uuid, 1, '2026-06-01 09:30:00.123456+00'::timestamptz,
                 E'Ysgrifennodd\\t"Gwasanaeth" \\\\ ŵŷ 😀\\nail linell'::text,
                 '{"priorities": {"ranking": ["gp", "a\\\\b\\tc"]}, "text": {"text": "=SUM(A1)"}}'::jsonb),
                ('00000000-0000-0000-0000-000000000000'::uuid, -7, '1999-12-31 23:59:59.999999+00'::timestamptz,
                 NULL::text, '{}'::jsonb),
                ('ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid, 2147483647, '1970-01-01 00:00:00+00'::timestamptz,
                 ''::text, '{"q": {"choice": null}}'::jsonb)
            ) AS v (id, version, at, note, answers)""";

    @Inject
    DataSource dataSource;

    @Test
    void readsWhatJdbcReads() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            List<Object[]> expected = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(ROWS); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    expected.add(new Object[] {rs.getObject(1, UUID.class), rs.getInt(2),
                            rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5)});
                }
            }
            List<BinaryCopyRow> rows = copy(connection, ROWS, 5);
            assertEquals(expected.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                BinaryCopyRow row = rows.get(i);
                Object[] want = expected.get(i);
                assertEquals(want[0], row.uuid(0));
                assertEquals(want[1], row.int4(1));
                assertEquals(want[2], row.timestamp(2));
                assertEquals(want[3], row.text(3));
                byte[] stored = ((String) want[4]).getBytes(StandardCharsets.UTF_8);
                assertEquals(ANSWERS.read(stored, 0, stored.length),
                        ANSWERS.read(row.message(), row.jsonStart(4), row.jsonLength(4)));
            }
            assertTrue(rows.get(1).isNull(3));
            assertFalse(rows.get(2).isNull(3));
            assertEquals(Instant.parse("1999-12-31T23:59:59.999999Z"), rows.get(1).timestamp(2));
        }
    }

    @Test
    void aCopyOfNoRowsIsJustTheHeaderAndTheTrailer() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(List.of(), copy(connection, "SELECT 1 WHERE false", 1));
        }
    }

    @Test
    void aRowOfAnotherShapeIsRefusedRatherThanMisread() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            IllegalStateException wrong = assertThrows(IllegalStateException.class,
                    () -> copy(connection, "SELECT 1, 2", 3));
            assertEquals("COPY row has 2 fields, expected 3", wrong.getMessage());
            IllegalStateException notUuid = assertThrows(IllegalStateException.class,
                    () -> copy(connection, "SELECT 'not a uuid'::text", 1).get(0).uuid(0));
            assertEquals("COPY field 0 has 10 bytes, expected 16", notUuid.getMessage());
        }
    }

    @Test
    void answersInARowReadAsTheirOwnDocumentReads() throws IOException {
        byte[] answers = "{\"place\": {\"choice\": \"leeds\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[answers.length + 6];
        System.arraycopy(answers, 0, padded, 3, answers.length);
        Map<String, Answer> read = ANSWERS.read(padded, 3, answers.length);
        assertEquals(ANSWERS.read(answers, 0, answers.length), read);
        assertNull(read.get("place").text());
    }

    private static List<BinaryCopyRow> copy(Connection connection, String query, int fields) throws SQLException {
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY (" + query + ") TO STDOUT (FORMAT binary)");
        List<BinaryCopyRow> rows = new ArrayList<>();
        boolean first = true;
        try {
            for (byte[] message = copy.readFromCopy(); message != null; message = copy.readFromCopy()) {
                BinaryCopyRow row = BinaryCopyRow.read(message, first, fields);
                first = false;
                if (row != null) {
                    rows.add(row);
                }
            }
        } finally {
            while (copy.isActive()) {
                copy.readFromCopy();
            }
        }
        return rows;
    }
}
