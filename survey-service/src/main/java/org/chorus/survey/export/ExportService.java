package org.chorus.survey.export;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import org.chorus.platform.audit.AuditTrail;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.SurveyQueries;
import org.chorus.survey.response.Answer;
import org.chorus.survey.response.Contact;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Streams responses straight from a database cursor into the chosen format, a batch of rows at a time, in a
 * read-only transaction (so it can be pointed at a replica): memory stays flat whatever the number of responses.
 */
@ApplicationScoped
public class ExportService {

    private static final int FETCH_SIZE = 2000;
    private static final TypeReference<Map<String, Answer>> ANSWERS = new TypeReference<>() {
    };

    private final SurveyQueries surveys;
    private final AuditStore audit;
    private final DataSource dataSource;
    private final ObjectMapper objectMapper;
    /** Resolved once: looking the type up again for each of a million rows costs more than reading the row. */
    private final ObjectReader answersReader;
    private final Duration settle;
    private final AuditTrail auditTrail;

    public ExportService(SurveyQueries surveys, AuditStore audit, DataSource dataSource, ObjectMapper objectMapper,
            @ConfigProperty(name = "chorus.survey.export-settle") Duration settle, AuditTrail auditTrail) {
        this.surveys = surveys;
        this.audit = audit;
        this.auditTrail = auditTrail;
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
        this.answersReader = objectMapper.readerFor(ANSWERS);
        this.settle = settle;
    }

    /**
     * Logs the export and returns it ready to stream. It holds responses up to a moment slightly before now, so
     * that a response still committing is not skipped by the next export that resumes from the cursor.
     */
    public Export prepare(Caller caller, UUID surveyId, ExportFormat format, ExportFilter asked, String cursor,
            boolean withContacts) {
        PublishedSurvey survey = survey(caller, surveyId, withContacts);
        Instant resumeFrom = ExportCursor.decode(cursor);
        Instant from = latest(asked.from(), resumeFrom);
        Instant settled = Instant.now().minus(settle).truncatedTo(ChronoUnit.MICROS);
        Instant to = asked.to() == null || asked.to().isAfter(settled) ? settled : asked.to();
        if (asked.from() != null && asked.to() != null && !asked.from().isBefore(asked.to())) {
            String rule = "must be after since";
            throw ProblemException.badRequest("invalid-parameter", "Request parameter is not valid", "until: " + rule,
                    List.of(FieldError.parameter("until", rule)));
        }
        ExportFilter filter = new ExportFilter(from, to, asked.channel(), asked.place());
        AuditEntry entry = new AuditEntry(UUID.randomUUID(), surveyId, caller.organisationId(), caller.keyId(), format,
                describe(filter), withContacts, 0, false, Instant.now(), null);
        audit.started(entry);
        AuditTrail.Actor actor = auditTrail.actor();
        ExportColumns columns = new ExportColumns(survey, withContacts);
        // Releases of respondents' personal data get an action of their own, so the audit log can list just those.
        String action = withContacts ? "responses.exported-with-contacts" : "responses.exported";
        StreamingOutput body = out -> {
            long rows = stream(entry.id(), format, columns, filter, surveyId, withContacts, out);
            // The system's audit log hears of the export once its row count is known.
            Map<String, String> details = new LinkedHashMap<>(describe(filter));
            details.put("format", format.extension());
            details.put("rows", Long.toString(rows));
            details.put("exportId", entry.id().toString());
            QuarkusTransaction.requiringNew().run(
                    () -> auditTrail.record(actor, action, "survey", surveyId, details));
        };
        String fileName = "survey-" + surveyId + "-responses." + format.extension();
        return new Export(body, ExportCursor.encode(to), fileName, format.mediaType());
    }

    /** The survey to export; with contact details, only once the caller has shown it may have them. */
    private PublishedSurvey survey(Caller caller, UUID surveyId, boolean withContacts) {
        if (withContacts) {
            ContactAccess.requireScope(caller);
        }
        PublishedSurvey survey = surveys.latest(surveyId);
        if (withContacts) {
            ContactAccess.requireOwner(caller, survey);
        }
        return survey;
    }

    /** @return how many rows were written */
    private long stream(UUID auditId, ExportFormat format, ExportColumns columns, ExportFilter filter, UUID surveyId,
            boolean withContacts, OutputStream out) throws IOException {
        long rows = 0;
        boolean completed = false;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement select = ExportQuery.prepare(connection, surveyId, filter, withContacts)) {
                select.setFetchSize(FETCH_SIZE);
                // the reader thread also lays each row out in columns, so that this one only formats and sends
                try (ResultSet rs = select.executeQuery();
                        RowPipe<List<String>> pipe = new RowPipe<>(rs, row -> columns.values(read(row, withContacts)))) {
                    RowWriter writer = RowWriter.of(format, out, objectMapper);
                    writer.header(columns.names());
                    for (List<String> values = pipe.next(); values != null; values = pipe.next()) {
                        writer.row(values);
                        rows++;
                    }
                    writer.finish();
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
            completed = true;
        } catch (SQLException e) {
            throw new IOException("Export interrupted: " + e.getMessage(), e);
        } finally {
            audit.finished(auditId, rows, completed);
        }
        return rows;
    }

    private ExportRow read(ResultSet rs, boolean withContacts) throws SQLException, IOException {
        return new ExportRow(rs.getObject(1, UUID.class), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                rs.getString(4), rs.getString(5), answersReader.readValue(rs.getBytes(6)),
                withContacts ? contact(rs) : null);
    }

    /** @return the consenting respondent's details, or null (the query leaves them out without consent) */
    private static Contact contact(ResultSet rs) throws SQLException {
        int at = ExportQuery.FIRST_CONTACT_COLUMN;
        String name = rs.getString(at);
        String email = rs.getString(at + 1);
        String phone = rs.getString(at + 2);
        return name == null && email == null && phone == null ? null : new Contact(name, email, phone, true);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static Map<String, String> describe(ExportFilter filter) {
        Map<String, String> filters = new LinkedHashMap<>();
        if (filter.from() != null) {
            filters.put("from", filter.from().toString());
        }
        filters.put("to", filter.to().toString());
        if (filter.channel() != null) {
            filters.put("channel", filter.channel().name());
        }
        if (filter.place() != null) {
            filters.put("place", filter.place());
        }
        return filters;
    }

    /** An export ready to stream, with the cursor that resumes after it. */
    public record Export(StreamingOutput body, String nextCursor, String fileName, String mediaType) {
    }
}
