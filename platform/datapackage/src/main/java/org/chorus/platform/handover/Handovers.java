package org.chorus.platform.handover;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.chorus.platform.audit.AuditTrail;
import org.chorus.platform.datapackage.Descriptor;
import org.chorus.platform.datapackage.JdbcRows;
import org.chorus.platform.datapackage.PackageWriter;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.input.WrittenUuids;
import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Hands an organisation's records over as a data package, the same way in every service: only to the organisation
 * itself, read in one read-only transaction (one consistent snapshot, and it may be pointed at a replica), streamed
 * table by table, and written to the audit log before the first row leaves and again with the row counts at the end.
 */
@ApplicationScoped
public class Handovers {

    public static final String ORGANISATION = "organisation";
    public static final String ZIP = "application/zip";
    /** What every part's operation answers, for its OpenAPI document. */
    public static final String STREAMED = "The package, streamed";
    public static final String BAD_ORGANISATION = "organisation is missing or not a UUID";
    public static final String REFUSED = "The key lacks handover:read (missing-scope), or belongs to another "
            + "organisation (not-owner)";
    public static final String OWN_ORGANISATION = "The caller's own organisation";
    private static final Logger LOG = Logger.getLogger(Handovers.class);

    private final DataSource dataSource;
    private final ObjectMapper objectMapper;
    private final AuditTrail auditTrail;

    public Handovers(DataSource dataSource, ObjectMapper objectMapper, AuditTrail auditTrail) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
        this.auditTrail = auditTrail;
    }

    /**
     * The organisation whose records are asked for, which must be the caller's own: records leave whole only to
     * the organisation that holds them, never to another, whatever its scopes.
     */
    public UUID requireOwn(Caller caller, String organisation) {
        UUID id;
        try {
            id = organisation == null ? null : WrittenUuids.parse(organisation.strip());
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null) {
            throw ProblemException.invalidParameter(ORGANISATION, "must be the id (a UUID) of the caller's organisation");
        }
        caller.requireOwnerOf(id, "organisation", "An organisation's records are handed over only to itself",
                FieldError.parameter(ORGANISATION, "must be the caller's own organisation"));
        return id;
    }

    /**
     * The answer to a handover request: checks the caller asks for its own organisation, audits, and streams the
     * package as {@code <part>.zip}.
     *
     * @param sections the tables of the organisation with the given id
     */
    public Response answer(HandoverPart part, Caller caller, String organisation,
            Function<UUID, List<HandoverSection>> sections, Map<String, String> details, BooleanSupplier callerGone) {
        UUID id = requireOwn(caller, organisation);
        return download(part, prepare(part, id, sections.apply(id), details, callerGone));
    }

    /**
     * What a HEAD of a handover answers: a GET's checks and headers, with no package, so nothing audited as handed
     * over. RESTEasy answers HEAD through the GET method and never writes the body.
     */
    public Response describe(HandoverPart part, Caller caller, String organisation) {
        requireOwn(caller, organisation);
        return download(part, (StreamingOutput) out -> {
        });
    }

    private static Response download(HandoverPart part, StreamingOutput body) {
        return Response.ok(body, ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + part.segment() + ".zip\"").build();
    }

    /**
     * Audits the handover and returns it ready to stream.
     *
     * @param details what the audit entry says beyond the part and the organisation (e.g. whether contact details
     *        were included)
     * @param callerGone whether the connection the package goes to has closed
     */
    public StreamingOutput prepare(HandoverPart part, UUID organisation, List<HandoverSection> sections,
            Map<String, String> details, BooleanSupplier callerGone) {
        UUID handoverId = UUID.randomUUID();
        Map<String, String> released = new LinkedHashMap<>(details);
        released.put("part", part.segment());
        released.put("handoverId", handoverId.toString());
        AuditTrail.Actor actor = auditTrail.actor();
        // recorded before the answer goes back, so that no row leaves unaudited
        QuarkusTransaction.requiringNew().run(() -> auditTrail.record(actor, "handover.exported", "organisation",
                organisation, released));
        ObjectNode root = descriptorRoot(part, organisation, handoverId);
        return out -> {
            Map<String, String> finished = new LinkedHashMap<>();
            finished.put("handoverId", handoverId.toString());
            finished.put("part", part.segment());
            boolean completed = false;
            try {
                write(out, root, sections, finished, callerGone);
                completed = true;
            } catch (JdbcRows.CallerGone gone) {
                LOG.infof("Handover %s stopped: %s", handoverId, gone.getMessage());
            } catch (IOException e) {
                // a full output buffer waits for the connection, and fails when it finds it closed: the caller left
                if (!callerGone.getAsBoolean()) {
                    throw e;
                }
                LOG.infof("Handover %s stopped: the caller went away (%s)", handoverId, e.getMessage());
            } finally {
                finished.put("completed", Boolean.toString(completed));
                QuarkusTransaction.requiringNew().run(() -> auditTrail.record(actor, "handover.export-finished",
                        "organisation", organisation, finished));
            }
        };
    }

    private ObjectNode descriptorRoot(HandoverPart part, UUID organisation, UUID handoverId) {
        ObjectNode root = Descriptor.root(objectMapper, "chorus-handover-" + part.segment() + "-" + organisation,
                "Chorus handover: " + part.segment() + " records of organisation " + organisation,
                "Every " + part.segment() + " record of one organisation, handed over whole. Times are UTC; an empty "
                        + "cell is a missing value; cells of type array or object hold JSON.",
                Instant.now());
        root.put("organisationId", organisation.toString());
        root.put("part", part.segment());
        root.put("handoverId", handoverId.toString());
        return root;
    }

    private void write(OutputStream out, ObjectNode root, List<HandoverSection> sections, Map<String, String> counts,
            BooleanSupplier callerGone) throws IOException {
        JdbcRows jdbc = new JdbcRows(objectMapper);
        PackageWriter writer = new PackageWriter(out, objectMapper, root);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                for (HandoverSection section : sections) {
                    long rows = jdbc.copy(connection, section.sql(), section.parameters(),
                            writer.table(section.table()), callerGone);
                    counts.put(section.table().name(), Long.toString(rows));
                }
                writer.finish();
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new IOException("Handover interrupted: " + e.getMessage(), e);
        }
    }
}
