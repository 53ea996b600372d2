package org.chorus.survey.export;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.chorus.survey.response.Answer;
import org.chorus.survey.export.ExportRow.RowCoding;
import org.chorus.survey.response.Contact;
import org.postgresql.copy.CopyOut;

import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Export rows as {@link ExportQuery#copy} has PostgreSQL stream them. COPY sends rows without waiting to be asked
 * for the next batch, as a cursor would, so the database produces rows while this service decodes earlier ones.
 */
final class CopyRows implements RowPipe.RowSource<ExportRow> {

    private final CopyOut copy;
    private final ObjectReader codingsReader;
    private final boolean withContacts;
    private final boolean withCodings;
    private final int fields;

    /** @param codingsReader reads the codings field, when the export has one */
    CopyRows(CopyOut copy, ObjectReader codingsReader, boolean withContacts, boolean withCodings) {
        this.copy = copy;
        this.codingsReader = codingsReader;
        this.withContacts = withContacts;
        this.withCodings = withCodings;
        this.fields = ExportQuery.fields(withContacts, withCodings);
    }

    @Override
    public ExportRow next() throws SQLException, IOException {
        byte[] line = copy.readFromCopy();
        if (line == null) {
            return null;
        }
        CopyTextFields row = CopyTextFields.split(line, fields);
        long micros = row.number(2);
        Instant submittedAt = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000L);
        Map<String, Answer> answers = StoredAnswers.read(row.bytes(5));
        return new ExportRow(UUID.fromString(row.text(0)), (int) row.number(1), submittedAt, row.text(3),
                row.text(4), row.text(6), answers, withContacts ? contact(row) : null, codings(row));
    }

    /** @return the response's codings by question; empty when it has none or the export leaves them out */
    private Map<String, RowCoding> codings(CopyTextFields row) throws IOException {
        int at = ExportQuery.codingsField(withContacts);
        return !withCodings || row.isNull(at) ? Map.of() : codingsReader.readValue(row.bytes(at));
    }

    /**
     * Reads and drops whatever PostgreSQL still has to send, when the export ends early (the analyst went away), so
     * that the connection goes back to the pool ready for its next statement. Cancelling instead would race: the
     * cancel request travels apart from the connection and can strike whatever statement runs on it next.
     */
    void discardRest() throws SQLException {
        while (copy.isActive() && copy.readFromCopy() != null) {
            // dropped: nobody is reading any more
        }
    }

    /** @return the consenting respondent's details, or null (the query leaves them out without consent) */
    private static Contact contact(CopyTextFields row) {
        int at = ExportQuery.FIRST_CONTACT_FIELD;
        String name = row.text(at);
        String email = row.text(at + 1);
        String phone = row.text(at + 2);
        return name == null && email == null && phone == null ? null : new Contact(name, email, phone, true);
    }
}
