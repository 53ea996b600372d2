package org.chorus.survey.export;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.chorus.survey.response.Answer;
import org.chorus.survey.export.ExportRow.RowCoding;
import org.chorus.survey.response.Contact;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Export rows as {@link ExportQuery#copies} has PostgreSQL stream them, in its binary format, one statement after the
 * other on the same connection. COPY sends rows without waiting to be asked for the next batch, as a cursor would, so
 * the database produces rows while this service decodes earlier ones.
 */
final class CopyRows implements RowPipe.RowSource<ExportRow> {

    private final CopyManager copies;
    private final Iterator<String> statements;
    private final StoredAnswers answers;
    private final ObjectReader codingsReader;
    private final boolean withContacts;
    private final boolean withCodings;
    private final int fields;
    private CopyOut copy;
    private boolean first = true;

    /**
     * Starts the first statement.
     *
     * @param codingsReader reads the codings field, when the export has one
     */
    CopyRows(CopyManager copies, List<String> statements, StoredAnswers answers, ObjectReader codingsReader,
            boolean withContacts, boolean withCodings) throws SQLException {
        this.copies = copies;
        this.statements = statements.iterator();
        this.answers = answers;
        this.codingsReader = codingsReader;
        this.withContacts = withContacts;
        this.withCodings = withCodings;
        this.fields = ExportQuery.fields(withContacts, withCodings);
        this.copy = copies.copyOut(this.statements.next());
    }

    @Override
    public ExportRow next() throws SQLException, IOException {
        BinaryCopyRow row = nextRow();
        while (row == null && statements.hasNext()) {
            discardRest();
            copy = copies.copyOut(statements.next());
            first = true;
            row = nextRow();
        }
        if (row == null) {
            return null;
        }
        Map<String, Answer> given = answers.read(row.message(), row.jsonStart(5), row.jsonLength(5));
        return new ExportRow(row.uuid(0), row.int4(1), row.timestamp(2), row.text(3), row.text(4), row.text(6),
                given, withContacts ? contact(row) : null, codings(row));
    }

    /** @return the current statement's next row, or null once it has sent its last */
    private BinaryCopyRow nextRow() throws SQLException {
        byte[] message = copy.readFromCopy();
        if (message == null) {
            return null;
        }
        BinaryCopyRow row = BinaryCopyRow.read(message, first, fields);
        first = false;
        return row;
    }

    /** @return the response's codings by question; empty when it has none or the export leaves them out */
    private Map<String, RowCoding> codings(BinaryCopyRow row) throws IOException {
        int at = ExportQuery.codingsField(withContacts);
        return !withCodings || row.isNull(at) ? Map.of()
                : codingsReader.readValue(row.message(), row.jsonStart(at), row.jsonLength(at));
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
    private static Contact contact(BinaryCopyRow row) {
        int at = ExportQuery.FIRST_CONTACT_FIELD;
        String name = row.text(at);
        String email = row.text(at + 1);
        String phone = row.text(at + 2);
        return name == null && email == null && phone == null ? null : new Contact(name, email, phone, true);
    }
}
