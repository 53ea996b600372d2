package org.chorus.survey.export;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import org.chorus.platform.audit.AuditTrail;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.input.QueryRanges;
import org.chorus.survey.coding.answer.ExportCodebook;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.SurveyQueries;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Streams responses straight from the database into the chosen format: PostgreSQL's COPY sends the rows as fast as
 * it can read them, in a read-only transaction (so it can be pointed at a replica), and a small bounded queue
 * between reading and writing keeps memory flat whatever the number of responses.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);

    /** How often to ask whether the analyst is still there: cheap, but not free, and a few rows more do not matter. */
    private static final int GONE_CHECK_ROWS = 1000;
    /** A HEAD's: RESTEasy would not write a body anyway, and this one has nothing to free if it did. */
    private static final StreamingOutput NO_BODY = out -> {
    };
    private static final TypeReference<Map<String, ExportRow.RowCoding>> CODINGS = new TypeReference<>() {
    };

    private final SurveyQueries surveys;
    private final AuditStore audit;
    private final DataSource dataSource;
    private final ObjectMapper objectMapper;
    /** Resolved once: looking the type up again for each of a million rows costs more than reading the row. */
    private final ObjectReader codingsReader;
    private final ExportCodebook codebook;
    private final SettleHorizon horizon;
    private final AuditTrail auditTrail;
    private final ExportSlots slots;

    public ExportService(SurveyQueries surveys, AuditStore audit, DataSource dataSource, ObjectMapper objectMapper,
            SettleHorizon horizon, AuditTrail auditTrail, ExportSlots slots, ExportCodebook codebook) {
        this.surveys = surveys;
        this.slots = slots;
        this.audit = audit;
        this.auditTrail = auditTrail;
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
        this.codingsReader = objectMapper.readerFor(CODINGS);
        this.codebook = codebook;
        this.horizon = horizon;
    }

    /**
     * Logs the export and returns it ready to stream. It holds responses up to a moment slightly before now, so
     * that a response still committing is not skipped by the next export that resumes from the cursor.
     *
     * @param analystGone whether the connection the export goes to has closed: writes to a closed connection are
     *        dropped without an error, so without asking, an abandoned export would run to its end and be logged
     *        as complete
     */
    public Export prepare(Caller caller, UUID surveyId, ExportRequest request, BooleanSupplier analystGone) {
        Plan plan = plan(caller, surveyId, request);
        ExportSlots.Slot slot = slots.take(caller.organisationId());
        try {
            return start(caller, request, plan, analystGone, slot);
        } catch (RuntimeException e) {
            slot.close();
            throw e;
        }
    }

    /**
     * What a HEAD of the export answers: a GET's headers after a GET's checks, but no slot, no audit and no row.
     * RESTEasy answers HEAD through the GET method and never writes the body, and only the body frees a slot.
     */
    public Export describe(Caller caller, UUID surveyId, ExportRequest request) {
        Plan plan = plan(caller, surveyId, request);
        return new Export(NO_BODY, plan.nextCursor(), plan.fileName(request.format()), request.format().mediaType());
    }

    /** The survey, the language and the responses an export of the request holds, every parameter checked. */
    private Plan plan(Caller caller, UUID surveyId, ExportRequest request) {
        PublishedSurvey survey = survey(caller, surveyId, request.withContacts());
        String language = ExportFormats.language(request.language(), survey);
        ExportFilter asked = request.asked();
        ExportCursor.Position resumed = ExportCursor.decode(request.cursor());
        Instant resumeFrom = resumed == null ? null : resumed.upTo();
        Instant from = latest(asked.from(), resumeFrom);
        ExportCursor.Position reached = horizon.reached();
        Instant settled = reached.upTo();
        Instant to = asked.to() == null || asked.to().isAfter(settled) ? settled : asked.to();
        QueryRanges.after("until", asked.to(), "since", asked.from());
        // a cursor from a replica whose clock ran ahead must not move the next one backwards (as in ChangeFeed): an
        // export resuming from the earlier one would hold again rows the cursor's own export held
        ExportFilter filter = new ExportFilter(from, latest(to, resumeFrom), asked.channel(), asked.place());
        return new Plan(surveyId, survey, language, filter, new CommitWindow(reached.seen(), resumed, asked.from()));
    }

    /** Once the export holds a slot, which the stream frees when it ends. */
    private Export start(Caller caller, ExportRequest request, Plan plan, BooleanSupplier analystGone,
            ExportSlots.Slot slot) {
        UUID surveyId = plan.surveyId();
        ExportFilter filter = plan.filter();
        ExportFormat format = request.format();
        boolean withContacts = request.withContacts();
        AuditEntry entry = new AuditEntry(UUID.randomUUID(), surveyId, caller.organisationId(), caller.keyId(), format,
                filter.describe(), withContacts, 0, false, StoredTime.now(), null);
        audit.started(entry);
        AuditTrail.Actor actor = auditTrail.actor();
        CodedColumns coded = new CodedColumns(codebook.of(surveyId));
        ExportColumns columns = new ExportColumns(plan.survey(), withContacts, request.values(), coded);
        DataPackage.Facts facts = new DataPackage.Facts(plan.survey(), columns.described(), filter.describe(),
                request.cursor(), plan.nextCursor(), request.values(), plan.language(), StoredTime.now());
        // Recorded before the response goes back, so no row can leave unaudited: an export abandoned or failed half
        // way has released rows too, which its finishing entry counts. Releases of respondents' personal data get
        // an action of their own, so the audit log can list just those.
        Map<String, String> released = new LinkedHashMap<>(filter.describe());
        released.put("format", format.parameterValue());
        released.put("values", request.values().name().toLowerCase(Locale.ROOT));
        released.put("exportId", entry.id().toString());
        String action = withContacts ? "responses.exported-with-contacts" : "responses.exported";
        QuarkusTransaction.requiringNew().run(() -> auditTrail.record(actor, action, "survey", surveyId, released));
        Selected selected = new Selected(withContacts, coded.any(), StoredAnswers.of(plan.survey()));
        StreamingOutput body = out -> {
            try (slot) {
                stream(entry.id(), o -> RowWriter.of(format, o, objectMapper, columns.kinds(), facts), columns, plan,
                        selected, out, analystGone,
                        (rows, completed) -> QuarkusTransaction.requiringNew().run(() -> auditTrail.record(actor,
                                "responses.export-finished", "survey", surveyId, Map.of("exportId",
                                        entry.id().toString(), "rows", Long.toString(rows), "completed",
                                        Boolean.toString(completed)))));
            } catch (AnalystGone gone) {
                // Nobody is left to answer, and the audit trail says how far it got: not a failure of ours.
                LOG.infof("Export %s stopped: %s", entry.id(), gone.getMessage());
            }
        };
        return new Export(body, plan.nextCursor(), plan.fileName(format), format.mediaType());
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

    /** @param finished told how many rows went out and whether the export completed, however it ended */
    private void stream(UUID auditId, WriterOpening opening, ExportColumns columns, Plan plan, Selected selected,
            OutputStream out, BooleanSupplier analystGone, Finished finished) throws IOException {
        RowCount rows = new RowCount();
        boolean completed = false;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                List<String> copies = ExportQuery.copies(connection, plan.surveyId(), plan.filter(), plan.window(),
                        selected.contacts(), selected.codings());
                CopyRows source = new CopyRows(connection.unwrap(PGConnection.class).getCopyAPI(), copies,
                        selected.answers(), codingsReader, selected.contacts(), selected.codings());
                send(source, opening, columns, out, analystGone, rows);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
            completed = true;
        } catch (SQLException e) {
            throw new IOException("Export interrupted: " + e.getMessage(), e);
        } finally {
            try {
                audit.finished(auditId, rows.sent, completed);
            } finally {
                finished.record(rows.sent, completed);
            }
        }
    }

    /** Formats and sends every row; the reader thread also lays each row out in columns, so that this one need not. */
    private static void send(CopyRows source, WriterOpening opening, ExportColumns columns, OutputStream out,
            BooleanSupplier analystGone, RowCount rows) throws IOException, SQLException {
        try (RowPipe<List<String>> pipe = new RowPipe<>(() -> {
            ExportRow row = source.next();
            return row == null ? null : columns.values(row);
        })) {
            RowWriter writer = opening.open(out);
            writer.header(columns.names());
            for (List<String> values = pipe.next(); values != null; values = pipe.next()) {
                writer.row(values);
                if (++rows.sent % GONE_CHECK_ROWS == 0 && analystGone.getAsBoolean()) {
                    throw new AnalystGone(rows.sent);
                }
            }
            writer.finish();
        } catch (IOException e) {
            // a full buffer waits for the connection, and fails when it finds it closed
            throw e instanceof AnalystGone || !analystGone.getAsBoolean() ? e : new AnalystGone(rows.sent);
        } finally {
            source.discardRest();
        }
    }

    /** How many rows an export sent so far, which its audit entry records however the export ended. */
    private static final class RowCount {
        private long sent;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** What an export of a request holds, decided before it takes a slot (or, for a HEAD, instead). */
    private record Plan(UUID surveyId, PublishedSurvey survey, String language, ExportFilter filter,
            CommitWindow window) {

        /** Resumes where this export ends. */
        String nextCursor() {
            return ExportCursor.encode(new ExportCursor.Position(filter.to(), window.upTo()));
        }

        String fileName(ExportFormat format) {
            return "survey-" + surveyId + "-responses." + format.extension();
        }
    }

    /** What the export reads beyond the responses themselves, and the reader of their answers. */
    private record Selected(boolean contacts, boolean codings, StoredAnswers answers) {
    }

    /** Opens the writer of the export's format on the stream to the analyst. */
    @FunctionalInterface
    private interface WriterOpening {
        RowWriter open(OutputStream out) throws IOException;
    }

    /** Hears how an export ended, for the system's audit log. */
    @FunctionalInterface
    private interface Finished {
        void record(long rows, boolean completed);
    }

    /** An export ready to stream, with the cursor that resumes after it. */
    public record Export(StreamingOutput body, String nextCursor, String fileName, String mediaType) {
    }

    /** Ends an export whose analyst closed the connection: the rows already sent are counted, nothing else goes. */
    private static final class AnalystGone extends IOException {

        AnalystGone(long rows) {
            super("the analyst went away after " + rows + " rows");
        }
    }
}
